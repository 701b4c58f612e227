import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The two things a migration needs from a connection, for PGlite and for node-postgres alike. */
export type SqlRunner = {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn on one connection inside BEGIN/COMMIT, rolling back when it throws. */
  transaction(fn: (runner: Omit<SqlRunner, "transaction">) => Promise<void>): Promise<void>;
};

export class MigrationError extends Error {
  constructor(readonly migration: string, cause: unknown) {
    super(`Migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "MigrationError";
  }
}

export const defaultMigrationsDir = () => path.join(process.cwd(), "prisma", "migrations");

// The same bookkeeping table `prisma migrate deploy` keeps, so either tool can take over.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Serialises concurrent starts against one PostgreSQL (several app instances deploying at once).
const MIGRATION_LOCK_KEY = 72707369;

/**
 * Applies every migration folder not yet recorded, each in its own transaction together with
 * its bookkeeping row: a migration that fails leaves no trace and stops the caller.
 * Returns the names applied.
 */
export async function applyMigrations(runner: SqlRunner, dir = defaultMigrationsDir()): Promise<string[]> {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
  const applied: string[] = [];
  await runner.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await tx.exec(CREATE_TABLE);
    const done = new Set(
      (await tx.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )).map((r) => r.migration_name),
    );
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      try {
        // A savepoint per migration, so the error names the migration that broke.
        await tx.exec(`SAVEPOINT strata_migration`);
        await tx.exec(sql);
        await tx.exec(`RELEASE SAVEPOINT strata_migration`);
      } catch (error) {
        throw new MigrationError(name, error);
      }
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), createHash("sha256").update(sql).digest("hex"), name],
      );
      applied.push(name);
    }
  });
  return applied;
}
