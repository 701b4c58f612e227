import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { lockDataDir } from "./lock";
import { SerialPgClient } from "./serial-pg-client";
import type { SqlRunner } from "./migrate";

export type Database = {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
};

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

function pgliteRunner(pglite: PGlite): SqlRunner {
  const plain = (q: Pick<PGlite, "exec" | "query">) => ({
    // PGlite's exec is awaited here on purpose: the Prisma adapter's executeScript does not
    // await it, which would record a failing migration as applied (stack notes).
    exec: async (sql: string) => void (await q.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await q.query<T>(sql, params)).rows,
  });
  return { ...plain(pglite), transaction: (fn) => pglite.transaction((tx) => fn(plain(tx))) };
}

function postgresRunner(pool: pg.Pool): SqlRunner {
  const plain = (c: pg.Pool | pg.PoolClient) => ({
    exec: async (sql: string) => void (await c.query(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await c.query(sql, params)).rows as T[],
  });
  return {
    ...plain(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await fn(plain(client));
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** Opens PostgreSQL (url) or embedded PGlite (dataDir, locked for this process; or memory). */
export async function openDatabase(target: DatabaseTarget, options: { poolSize?: number } = {}): Promise<Database> {
  if ("url" in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10, Client: SerialPgClient });
    // An idle connection the server closes (restart, failover) must not crash the process;
    // the pool replaces it on next use.
    pool.on("error", (error) => console.warn("[strata] idle database connection lost:", error.message));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      kind: "postgres",
      prisma,
      sql: postgresRunner(pool),
      async close() {
        await prisma.$disconnect();
        await pool.end().catch(() => undefined);
      },
    };
  }
  const release = "dataDir" in target ? lockDataDir(target.dataDir) : () => undefined;
  try {
    // pg_trgm backs the substring-search indexes (migration 20261122020000_use_case_list_indexes).
    const options = { extensions: { pg_trgm } };
    const pglite = "dataDir" in target ? new PGlite(path.join(target.dataDir, "pglite"), options) : new PGlite(options);
    await pglite.waitReady;
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      kind: "pglite",
      prisma,
      sql: pgliteRunner(pglite),
      async close() {
        await prisma.$disconnect();
        // $disconnect does not close PGlite; without this the process hangs and the last
        // writes may not be flushed.
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
