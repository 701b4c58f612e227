import type { SqlRunner } from "@/lib/db/migrate";

/** Per table: its row count and an order-free digest of every row's text. */
export type Fingerprint = Record<string, string>;

const tablesOf = new WeakMap<SqlRunner, Promise<string[]>>();

function tables(sql: SqlRunner): Promise<string[]> {
  if (!tablesOf.has(sql)) {
    tablesOf.set(sql, sql.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    ).then((rows) => rows.map((r) => r.name)));
  }
  return tablesOf.get(sql)!;
}

/**
 * What is in every table, in one round trip: two equal fingerprints mean nothing was inserted,
 * updated or deleted in between. Lets a test prove "this call wrote nothing" without knowing
 * which tables the code under test could have touched. A sum of row hashes, not a sorted
 * digest: no sort, so it stays cheap as the test database grows.
 */
export async function databaseFingerprint(sql: SqlRunner): Promise<Fingerprint> {
  const names = await tables(sql);
  const columns = names.map((t) => `(SELECT count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) FROM "${t}" x) AS "${t}"`);
  const [row] = await sql.query<Fingerprint>(`SELECT ${columns.join(", ")}`);
  return row!;
}

/** The tables whose content differs between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys(after).filter((t) => before[t] !== after[t]);
}
