import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, defaultMigrationsDir, MigrationError } from "./migrate";
import { createTestDatabase } from "@/lib/testing/test-database";
import { openDatabase, type Database } from "./open-database";

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

/** A migrations folder: the real ones plus extra migrations written for the test. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-migrations-"));
  fs.cpSync(defaultMigrationsDir(), dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

const applied = async (db: Database) =>
  (await db.sql.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`)).map((r) => r.migration_name);

describe("migrations", () => {
  it("applies once and records each migration like prisma migrate deploy", async () => {
    database = await createTestDatabase();
    expect(await applyMigrations(database.sql)).toEqual([]);
    expect(await applied(database)).toEqual(fs.readdirSync(defaultMigrationsDir()).filter((n) => !n.startsWith(".")).sort());
  });

  it("stops on a failing migration, names it, and records nothing of it", async () => {
    database = await createTestDatabase();
    const dir = migrationsWith({
      "29990101000000_good": `CREATE TABLE "GoodOne" (id int);`,
      // The first statement succeeds, the second fails: the first must not survive either.
      "29990102000000_broken": `CREATE TABLE "HalfDone" (id int);\nALTER TABLE "DoesNotExist" ADD COLUMN x int;`,
    });
    const error = await applyMigrations(database.sql, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toMatch(/29990102000000_broken failed: .*DoesNotExist/);
    expect(await applied(database)).not.toContain("29990102000000_broken");
    const tables = await database.sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_name IN ('HalfDone', 'GoodOne')`);
    expect(tables).toEqual([]);
  });

  it("applies to a PGlite data directory that survives a reopen", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-data-"));
    database = await openDatabase({ dataDir: dir });
    expect((await applyMigrations(database.sql)).length).toBeGreaterThan(0);
    await database.close();
    database = await openDatabase({ dataDir: dir });
    expect(await applyMigrations(database.sql)).toEqual([]);
  });
});
