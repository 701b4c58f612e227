import type { SqlRunner } from "@/lib/db/migrate";

/** Per table: its row count and the sum of its rows' creating transaction ids. */
export type Fingerprint = Record<string, string>;

const FUNCTION = "strata_test_fingerprint";
const installed = new WeakMap<SqlRunner, Promise<void>>();

// A PL/pgSQL function, not an ad-hoc query: one subquery per table takes far longer to plan than
// to run, and PL/pgSQL plans it once per connection (5–10× faster, and the matrix takes hundreds).
async function install(sql: SqlRunner) {
  const tables = await sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  const columns = tables.map(({ name }) => `(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM "${name}") AS "${name}"`);
  await sql.exec(`CREATE OR REPLACE FUNCTION ${FUNCTION}() RETURNS text LANGUAGE plpgsql AS $f$
    DECLARE result text;
    BEGIN SELECT row_to_json(t)::text INTO result FROM (SELECT ${columns.join(", ")}) t; RETURN result; END $f$`);
}

/**
 * Every table's state, in one round trip: two equal fingerprints mean nothing was inserted,
 * updated or deleted in between. Lets a test prove "this call wrote nothing" without knowing
 * which tables the code under test could have touched. Built on `xmin`, the id of the
 * transaction that wrote each row version: an insert or delete changes the count, an update
 * (even one that sets the same values) gives the row a newer xmin, a rolled-back write leaves
 * both as they were. For throwaway test databases only: it installs a function in the schema.
 */
export async function databaseFingerprint(sql: SqlRunner): Promise<Fingerprint> {
  if (!installed.has(sql)) installed.set(sql, install(sql));
  await installed.get(sql);
  const [row] = await sql.query<{ fingerprint: string }>(`SELECT ${FUNCTION}() AS fingerprint`);
  return JSON.parse(row!.fingerprint) as Fingerprint;
}

/** The tables whose content differs between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys(after).filter((t) => before[t] !== after[t]);
}
