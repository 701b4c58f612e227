import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EnvError, parseEnv, type Env } from "@/lib/env";
import { DataDirLockedError } from "@/lib/db/lock";
import { applyMigrations, MigrationError } from "@/lib/db/migrate";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { seedDemo } from "@/lib/seed/seed-demo";
import { bootstrapAdmin } from "@/lib/seed/bootstrap-admin";

export function fail(message: string): never {
  console.error(`\n✖ Strata cannot start: ${message}\n`);
  process.exit(1);
}

/** Reads .env (if present) and validates the environment, or exits naming the bad variable. */
export function loadEnv(): Env {
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
}

/** Embedded mode needs no configuration: the session secret is made once and kept with the data. */
export function ensureEmbeddedSecret(dataDir: string) {
  if (process.env.NEXTAUTH_SECRET) return;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

/** Opens (and locks) the database, applies migrations, seeds what this mode asks for. */
export async function prepareDatabase(env: Env, log = console.log): Promise<Database> {
  let database: Database;
  try {
    database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.STRATA_DATA_DIR });
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    fail(`could not open the database: ${(error as Error).message}`);
  }
  try {
    const applied = await applyMigrations(database.sql);
    if (applied.length) log(`  migrations applied: ${applied.join(", ")}`);
  } catch (error) {
    await database.close();
    if (error instanceof MigrationError) fail(`${error.message}\n  Nothing from this migration was recorded as applied.`);
    throw error;
  }
  const embedded = !env.DATABASE_URL;
  if ((embedded && (await database.prisma.user.count()) === 0) || (!embedded && env.STRATA_SEED_DEMO)) {
    const { created } = await seedDemo(database.prisma);
    log(`  demo organisation seeded (${created} records) — sign-in details are in the README`);
  }
  if (env.STRATA_BOOTSTRAP_ADMIN_EMAIL && env.STRATA_BOOTSTRAP_ADMIN_PASSWORD) {
    if (await bootstrapAdmin(database.prisma, env.STRATA_BOOTSTRAP_ADMIN_EMAIL, env.STRATA_BOOTSTRAP_ADMIN_PASSWORD)) {
      log(`  bootstrap admin ${env.STRATA_BOOTSTRAP_ADMIN_EMAIL} created`);
    }
  }
  return database;
}
