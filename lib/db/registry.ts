import type { Database } from "./open-database";

// The process-wide database. scripts/start.ts opens it (lock, migrations, seed) before Next
// serves anything and registers it here; Next's server bundle reads it from globalThis because
// the start script and the bundle are different module instances in the same process.
const holder = globalThis as unknown as { __strataDatabase?: Database };

export function registerDatabase(database: Database | undefined) {
  holder.__strataDatabase = database;
}

export function getDatabase(): Database {
  const database = holder.__strataDatabase;
  if (!database) throw new Error("The database is not open: start Strata with `npm start`.");
  return database;
}
