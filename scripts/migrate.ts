// `npm run migrate`: applies pending migrations without starting the server.
import { applyMigrations } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open-database";
import { fail, loadEnv } from "./boot";

const env = loadEnv();
const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.STRATA_DATA_DIR }).catch((e: Error) => fail(e.message));
try {
  const applied = await applyMigrations(database.sql);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} catch (error) {
  await database.close();
  fail((error as Error).message);
}
await database.close();
