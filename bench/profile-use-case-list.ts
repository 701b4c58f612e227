// Profiling aid for the use-case list (not a benchmark): where does a list request spend its
// database time, and what would an index change?
//
//   npx tsx bench/profile-use-case-list.ts          (PostgreSQL; BENCH_BACKENDS=pglite for PGlite)
//
// Builds the same 10,000-use-case store as bench/use-case-list.ts, then, in this process and with
// no HTTP in between:
//   1. runs listUseCases (the real service) for each request kind with Prisma query logging and
//      reports the SQL statements it issues with their mean durations;
//   2. EXPLAIN (ANALYZE, BUFFERS) of each statement for a deep page (page 50) — PostgreSQL only;
//   3. repeats 1 and 2 after each what-if of dataset.ts's EXPERIMENTS — a ("teamId", name, id)
//      index, then (PostgreSQL) pg_trgm GIN indexes for the search — applied to the throwaway
//      store only, to show what each would buy. The project's migrations are not touched.
// Writes bench/results/profile-use-case-list.json.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { listUseCases } from "@/lib/use-cases/queries";
import type { TokenActor } from "@/lib/permissions";
import { EXPERIMENTS, prepareStore, type Backend, type Experiment } from "./dataset";
import { log, median, percentile, round, runBenchmark, table, writeResult } from "./support";

const BACKEND = ((process.env.BENCH_BACKENDS ?? "postgres").split(",")[0]!.trim()) as Backend;
const USE_CASES = Number(process.env.BENCH_USE_CASES ?? 10_000);
const ITERATIONS = 40;

const CASES: { label: string; query: Record<string, string> }[] = [
  { label: "list page 1", query: { sort: "name", order: "asc", page: "1", pageSize: "25" } },
  { label: "list page 50", query: { sort: "name", order: "asc", page: "50", pageSize: "25" } },
  { label: "search q=triage", query: { sort: "name", order: "asc", page: "1", pageSize: "25", q: "triage" } },
  { label: "riskTier=LIMITED p5", query: { sort: "name", order: "asc", page: "5", pageSize: "25", riskTier: "LIMITED" } },
  { label: "status=DRAFT p5", query: { sort: "name", order: "asc", page: "5", pageSize: "25", status: "DRAFT" } },
];

type Logged = { query: string; params: string; duration: number };

/** The statement without its literal parameters, shortened for the table. */
const shape = (sql: string) => {
  const s = sql.replace(/\s+/g, " ");
  if (/^SELECT COUNT\(\*\)/i.test(s) || /COUNT\(\*\)/i.test(s.slice(0, 80))) return "count(*) of matching use cases";
  if (/FROM "public"\."ApiToken"/.test(s) && /^SELECT/i.test(s)) return "token lookup (ApiToken by hash)";
  if (/^UPDATE "public"\."ApiToken"/i.test(s)) return "token lastUsedAt update";
  if (/FROM "public"\."UseCase"/.test(s)) return "use-case page (ORDER BY name LIMIT/OFFSET)";
  if (/FROM "public"\."Team"/.test(s)) return "team include (Team WHERE id IN …)";
  return s.slice(0, 60);
};

async function measure(prisma: PrismaClient, actor: TokenActor, logged: Logged[]) {
  const rows: (string | number)[][] = [];
  const detail: Record<string, unknown> = {};
  for (const c of CASES) {
    const times: number[] = [];
    logged.length = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const t = performance.now();
      await listUseCases({ db: prisma, actor }, c.query);
      times.push(performance.now() - t);
    }
    const byShape = new Map<string, number[]>();
    for (const q of logged) byShape.set(shape(q.query), [...(byShape.get(shape(q.query)) ?? []), q.duration]);
    const sorted = [...times].sort((a, b) => a - b);
    const statements = Object.fromEntries([...byShape].map(([k, v]) => [k, { perCall: round(v.length / ITERATIONS, 2), meanMs: round(v.reduce((a, b) => a + b, 0) / v.length, 2) }]));
    detail[c.label] = { serviceMedianMs: round(median(times), 2), serviceP95Ms: round(percentile(sorted, 95), 2), statements };
    for (const [k, v] of Object.entries(statements)) rows.push([c.label, round(median(times), 2), k, v.perCall, v.meanMs]);
    if (!byShape.size) rows.push([c.label, round(median(times), 2), "(statements not logged on PGlite)", "–", "–"]);
  }
  return { rows, detail };
}

async function main() {
  log(`[${BACKEND}] preparing the store (${USE_CASES} use cases)…`);
  const store = await prepareStore(BACKEND, USE_CASES, { keepOpen: true });
  const database = store.database!;
  try {
    const logged: Logged[] = [];
    let prisma: PrismaClient;
    let pool: pg.Pool | undefined;
    if (BACKEND === "postgres") {
      pool = new pg.Pool({ connectionString: store.url, max: 10 });
      prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
    } else {
      // PGlite: reuse the open client (query events are not wired to it); statement timings
      // below come from PostgreSQL only.
      prisma = database.prisma;
    }
    (prisma as unknown as { $on: (e: "query", cb: (q: Logged) => void) => void }).$on?.("query", (q) => logged.push(q));
    const actor = await authenticateApiToken(prisma, `Bearer ${store.token}`);
    // Include the per-request token authentication in the picture too.
    logged.length = 0;
    const authTimes: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const t = performance.now();
      await authenticateApiToken(prisma, `Bearer ${store.token}`);
      authTimes.push(performance.now() - t);
    }
    const authMedian = round(median(authTimes), 2);

    // Warm the caches and the plan cache.
    for (const c of CASES) await listUseCases({ db: prisma, actor }, c.query);

    const explainDeepPage = async (caseIndex: number) => {
      const plans: Record<string, string> = {};
      if (!pool) return plans;
      logged.length = 0;
      await listUseCases({ db: prisma, actor }, CASES[caseIndex]!.query);
      for (const q of logged) {
        const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.query}`, JSON.parse(q.params) as unknown[]);
        plans[shape(q.query)] = plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
      }
      return plans;
    };

    const stages: { name: string; rows: (string | number)[][]; detail: Record<string, unknown>; explains: Record<string, string> }[] = [];
    const runStage = async (name: string) => {
      for (const c of CASES) await listUseCases({ db: prisma, actor }, c.query); // warm caches and plans
      const m = await measure(prisma, actor, logged);
      stages.push({ name, ...m, explains: { "list page 50": JSON.stringify(await explainDeepPage(1)), "search q=triage": JSON.stringify(await explainDeepPage(2)) } });
    };

    await runStage("as shipped (migration indexes), after VACUUM ANALYZE");
    const applied: Experiment[] = BACKEND === "postgres" ? ["index", "trgm"] : ["index"];
    const done: string[] = [];
    for (const e of applied) {
      log(`[${BACKEND}] experiment ${e}: ${EXPERIMENTS[e].description}`);
      for (const sql of EXPERIMENTS[e].sql) await database.sql.exec(sql);
      await database.sql.exec(`VACUUM ANALYZE "UseCase"`);
      done.push(e);
      await runStage(`+ ${done.join(" + ")} (throwaway store only)`);
    }

    console.log(`\nlistUseCases in-process on ${BACKEND}, ${store.expectedTotal} use cases in the token's team, ${ITERATIONS} sequential calls per case (no HTTP, no concurrency)`);
    console.log(`token authentication (authenticateApiToken, once per API request): median ${authMedian} ms`);
    for (const e of applied) console.log(`experiment ${e}: ${EXPERIMENTS[e].description}`);
    const headers = ["case", "service median ms", "statement", "per call", "mean ms"];
    for (const st of stages) {
      console.log(`\n${st.name}:`);
      console.log(table(headers, st.rows));
    }
    for (const st of stages) {
      for (const [label, json] of Object.entries(st.explains)) {
        for (const [k, v] of Object.entries(JSON.parse(json) as Record<string, string>)) {
          if (k.startsWith("team include")) continue;
          console.log(`\nEXPLAIN ANALYZE — ${st.name} — ${label} — ${k}:\n${v}`);
        }
      }
    }

    const file = writeResult(`profile-use-case-list${BACKEND === "postgres" ? "" : `-${BACKEND}`}`, {
      measuredAt: new Date().toISOString(),
      backend: BACKEND,
      setup: store.setup,
      authenticateMedianMs: authMedian,
      stages: stages.map((st) => ({ name: st.name, cases: st.detail, explains: Object.fromEntries(Object.entries(st.explains).map(([k, v]) => [k, JSON.parse(v) as unknown])) })),
    });
    console.log(`\nresults: ${file}`);
    if (pool) {
      await prisma.$disconnect();
      await pool.end();
    }
  } finally {
    await database.close().catch(() => undefined);
    await store.dispose();
  }
}

runBenchmark("profile-use-case-list", 10 * 60_000, main);
