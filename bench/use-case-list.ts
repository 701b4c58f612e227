// Benchmark: the use-case list API (GET /api/v1/use-cases) with 10,000 use cases — throughput and
// latency percentiles at 20 concurrent clients, on embedded PGlite and on PostgreSQL.
//
//   npx tsx bench/use-case-list.ts
//
// Environment (all optional):
//   BENCH_BACKENDS=pglite,postgres       which backends to run, in order
//   BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test
//                                        maintenance connection used to CREATE/DROP the throwaway
//                                        database strata_bench_<random> (must be local)
//   BENCH_USE_CASES=10000  BENCH_CONCURRENCY=20  BENCH_WARMUP_S=3  BENCH_DURATION_S=15
//   BENCH_BASELINE_S=5  BENCH_FLOOR_S=5  diagnostic phases (0 to skip)
//   BENCH_EXPERIMENT=index[,trgm]        what-if indexes in the throwaway store (see dataset.ts)
//   (runs with an experiment, another concurrency or count, or BENCH_POSTGRES_URL write
//    use-case-list.experiment-<…>.c<n>.n<count>.custom-pg-url.json, not use-case-list.json)
//   BENCH_CPU_PROF=1                     run the server under node --cpu-prof and summarise it
//   BENCH_WAIT_QUIET=<s>                 on a shared machine, wait up to s seconds for other work
//                                        to quiet down before each measurement
//
// Per backend: a fresh store (PGlite temp dir / database strata_bench_<rand>) → migrations → demo
// seed (the real seedDemo) → 10,000 use cases bulk-inserted with createMany (setup only; the
// audit log therefore has no rows for them) → VACUUM ANALYZE → an API token with use-cases:read
// for the team holding 90 % of them → the store is closed → Strata is started on it exactly as
// `npm start` does → 3 s warm-up → 20 client loops for 15 s over a mix of list requests (the
// measurement) → diagnostics: 1 client for 5 s (latency without queueing) and 20 clients for 5 s
// with a malformed token (401 before any database work: the framework's own per-request cost) →
// server stopped, store dropped/removed.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { printCpuSummary, summariseCpuProfile } from "./cpuprofile-summary";
import {
  BATCH,
  EXPERIMENTS,
  KINDS,
  MIX_DESCRIPTION,
  makeRequestPicker,
  PAGE_SIZE,
  parseExperiments,
  prepareStore,
  SEARCH_TERMS,
  TOKEN_TEAM_SHARE,
  type Backend,
  type Kind,
} from "./dataset";
import {
  cpuBetween,
  cpuSnapshot,
  ensureBuild,
  freePort,
  httpGet,
  loadAverage,
  log,
  machineInfo,
  summarise,
  RESULTS_DIR,
  round,
  runBenchmark,
  serverEnv,
  startServer,
  table,
  waitForQuiet,
  waitForStatus,
  withTimeout,
  writeResult,
  type StrataServer,
} from "./support";

const BACKENDS = (process.env.BENCH_BACKENDS ?? "pglite,postgres").split(",").map((b) => b.trim()) as Backend[];
const USE_CASES = Number(process.env.BENCH_USE_CASES ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_S ?? 3) * 1000;
const DURATION_MS = Number(process.env.BENCH_DURATION_S ?? 15) * 1000;
const BASELINE_MS = Number(process.env.BENCH_BASELINE_S ?? 5) * 1000;
const FLOOR_MS = Number(process.env.BENCH_FLOOR_S ?? 5) * 1000;
const EXPERIMENT_LIST = parseExperiments(process.env.BENCH_EXPERIMENT);
/** BENCH_CPU_PROF=1: run the server under --cpu-prof and summarise where its CPU went. */
const CPU_PROFILE = process.env.BENCH_CPU_PROF === "1";
const REQUEST_TIMEOUT_MS = 10_000;
const TARGET_P95_MS = 50; // on PostgreSQL
// Non-default runs get their own file, so they never overwrite the reference result.
const RESULT_NAME = ["use-case-list", EXPERIMENT_LIST.length ? `experiment-${EXPERIMENT_LIST.join("+")}` : "", CONCURRENCY !== 20 ? `c${CONCURRENCY}` : "", USE_CASES !== 10_000 ? `n${USE_CASES}` : "", process.env.BENCH_POSTGRES_URL ? "custom-pg-url" : ""]
  .filter(Boolean)
  .join(".");

for (const b of BACKENDS) if (b !== "pglite" && b !== "postgres") throw new Error(`unknown backend ${b} in BENCH_BACKENDS`);

// ---------------------------------------------------------------------------------------------
// Load generation: closed loop — each client sends its next request when the previous answered.

type Sample = { kind: string; ms: number; ok: boolean };
type LoadResult = { samples: Sample[]; wallMs: number; errorSamples: string[]; validated: number };
type LoadOptions = {
  port: number;
  concurrency: number;
  durationMs: number;
  /** Per client: returns the next request to send. */
  picker: (clientIndex: number) => () => { kind: string; path: string };
  headers: http.OutgoingHttpHeaders;
  expectStatus: number;
  /** Checks a parsed 200 body (one response in 20); returns a problem or undefined. */
  validate?: (body: unknown) => string | undefined;
};

async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const samples: Sample[] = [];
  const errorSamples: string[] = [];
  let validated = 0;
  const start = performance.now();
  const end = start + o.durationMs;

  const loop = async (clientIndex: number) => {
    const next = o.picker(clientIndex);
    let n = 0;
    while (performance.now() < end) {
      const { kind, path: p } = next();
      const t = performance.now();
      let ok = false;
      try {
        const res = await httpGet(o.port, p, { headers: o.headers, agent, timeoutMs: REQUEST_TIMEOUT_MS });
        ok = res.status === o.expectStatus;
        if (!ok) {
          if (errorSamples.length < 10) errorSamples.push(`HTTP ${res.status} ${p}: ${res.body.slice(0, 200)}`);
        } else if (o.validate && n++ % 20 === 0) {
          const problem = o.validate(JSON.parse(res.body));
          validated++;
          if (problem) {
            ok = false;
            if (errorSamples.length < 10) errorSamples.push(`${problem} for ${p}: ${res.body.slice(0, 200)}`);
          }
        }
      } catch (error) {
        if (errorSamples.length < 10) errorSamples.push(`${(error as Error).message} ${p}`);
      }
      samples.push({ kind, ms: performance.now() - t, ok });
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, (_, i) => loop(i)));
  const wallMs = performance.now() - start;
  agent.destroy();
  return { samples, wallMs, errorSamples, validated };
}


// ---------------------------------------------------------------------------------------------

async function benchBackend(backend: Backend) {
  log(`[${backend}] preparing the store: migrate, demo seed, ${USE_CASES} use cases${EXPERIMENT_LIST.length ? `, experiment ${EXPERIMENT_LIST.join("+")}` : ""}…`);
  const store = await withTimeout(`${backend} store preparation`, 5 * 60_000, prepareStore(backend, USE_CASES, { experiments: EXPERIMENT_LIST }));
  log(`[${backend}]   ${JSON.stringify(store.setup)}`);
  const profileDir = path.join(RESULTS_DIR, `cpuprof-${backend}`);
  if (CPU_PROFILE) {
    fs.rmSync(profileDir, { recursive: true, force: true });
    fs.mkdirSync(profileDir, { recursive: true });
  }
  let server: StrataServer | undefined;
  let result;
  try {
    const port = await freePort();
    server = startServer({
      port,
      env: serverEnv({ PORT: String(port), ...store.serverEnv }),
      logFile: path.join(RESULTS_DIR, `use-case-list.${backend}.server.log`),
      nodeFlags: CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : undefined,
    });
    await waitForStatus(server, "/sign-in", 200, 120_000, 50);
    log(`[${backend}] server up on :${port} (process group ${server.child.pid})`);
    const pgid = server.child.pid!;

    const headers = { authorization: `Bearer ${store.token}`, accept: "application/json" };
    // Sanity: the token sees exactly its team's use cases.
    const probe = await httpGet(port, "/api/v1/use-cases?page=1&pageSize=1", { headers });
    if (probe.status !== 200) throw new Error(`probe failed: HTTP ${probe.status} ${probe.body.slice(0, 300)}`);
    const total = (JSON.parse(probe.body) as { total: number }).total;
    if (total !== store.expectedTotal) throw new Error(`probe: the token sees ${total} use cases, expected ${store.expectedTotal}`);

    const mix = (seed: number) => (client: number) => makeRequestPicker(seed * 100 + client);
    const validate = (body: unknown) => {
      const b = body as { data?: { teamId: string }[] };
      if (!Array.isArray(b.data)) return "no data array";
      if (b.data.length > PAGE_SIZE) return `more than ${PAGE_SIZE} items`;
      if (b.data.some((u) => u.teamId !== store.tokenTeamId)) return "an item of another team";
      return undefined;
    };
    const listLoad = (durationMs: number, seed: number, concurrency = CONCURRENCY) =>
      runLoad({ port, concurrency, durationMs, picker: mix(seed), headers, expectStatus: 200, validate });

    const quietCheckBusyPercent = await waitForQuiet(`[${backend}]`);
    log(`[${backend}] warm-up ${WARMUP_MS / 1000} s at ${CONCURRENCY} clients…`);
    const warm = await listLoad(WARMUP_MS, 1);
    if (warm.errorSamples.length) log(`[${backend}]   warm-up errors: ${warm.errorSamples.join(" | ")}`);

    log(`[${backend}] measuring ${DURATION_MS / 1000} s at ${CONCURRENCY} clients…`);
    const loadAverageBefore = loadAverage();
    const cpuBefore = cpuSnapshot(pgid, store.databaseName);
    const load = await listLoad(DURATION_MS, 2);
    const cpu = cpuBetween(cpuBefore, cpuSnapshot(pgid, store.databaseName));
    if (server.hasExited()) throw new Error(`the server died during the run:\n${server.logTail()}`);
    const overall = summarise(load.samples, load.wallMs);
    const byKind = Object.fromEntries(KINDS.map((k: Kind) => [k, summarise(load.samples.filter((s) => s.kind === k), load.wallMs)]));
    const perRequest = (ms: number, n: number) => round(ms / (n || 1), 2);
    const share = (ms: number, wallMs: number) => round((100 * ms) / (wallMs * os.cpus().length), 0);
    const cpuSummary = {
      windowMs: round(load.wallMs, 0),
      serverCpuMsPerRequest: perRequest(cpu.serverMs, load.samples.length),
      postgresCpuMsPerRequest: backend === "postgres" ? perRequest(cpu.postgresMs, load.samples.length) : null,
      clientCpuMsPerRequest: perRequest(cpu.clientMs, load.samples.length),
      /** Share of the whole machine (all cores) used by the benchmark: server + its PostgreSQL backends + client. */
      benchBusyPercent: share(cpu.serverMs + cpu.postgresMs + cpu.clientMs, load.wallMs),
      /** Share of the whole machine used by everything else meanwhile (other processes, kernel): noise. */
      otherBusyPercent: share(cpu.otherMs, load.wallMs),
      loadAverageBefore,
      loadAverageAfter: loadAverage(),
      /** With BENCH_WAIT_QUIET: how busy the machine was in the 3 s before the warm-up. */
      quietCheckBusyPercent,
    };
    log(`[${backend}]   ${overall.requests} requests, ${overall.requestsPerSecond} req/s, p95 ${overall.p95Ms} ms, errors ${overall.errors}, other processes ${cpuSummary.otherBusyPercent} % of the machine`);

    // Diagnostics 1: one client — latency without queueing (service time).
    let baseline;
    if (BASELINE_MS > 0) {
      log(`[${backend}] diagnostic: 1 client for ${BASELINE_MS / 1000} s…`);
      const base = await listLoad(BASELINE_MS, 3, 1);
      baseline = { ...summarise(base.samples, base.wallMs), errorSamples: base.errorSamples };
      log(`[${backend}]   1 client: ${baseline.requestsPerSecond} req/s, p50 ${baseline.p50Ms} ms, p95 ${baseline.p95Ms} ms, errors ${baseline.errors}`);
    }

    // Diagnostics 2: the same endpoint with a malformed token — 401 before any database work, so
    // what remains is Next.js routing, the proxy, the route wrapper and the client.
    let floor;
    if (FLOOR_MS > 0) {
      log(`[${backend}] diagnostic: framework floor (malformed token → 401), ${CONCURRENCY} clients for ${FLOOR_MS / 1000} s…`);
      const before = cpuSnapshot(pgid, store.databaseName);
      const f = await runLoad({
        port,
        concurrency: CONCURRENCY,
        durationMs: FLOOR_MS,
        picker: () => () => ({ kind: "401", path: "/api/v1/use-cases?sort=name&page=1&pageSize=25" }),
        headers: { authorization: "Bearer not-a-strata-token", accept: "application/json" },
        expectStatus: 401,
      });
      const c = cpuBetween(before, cpuSnapshot(pgid, store.databaseName));
      floor = { ...summarise(f.samples, f.wallMs), serverCpuMsPerRequest: perRequest(c.serverMs, f.samples.length), clientCpuMsPerRequest: perRequest(c.clientMs, f.samples.length), errorSamples: f.errorSamples };
      log(`[${backend}]   floor: ${floor.requestsPerSecond} req/s, p95 ${floor.p95Ms} ms, server CPU ${floor.serverCpuMsPerRequest} ms/req`);
    }

    result = {
      backend,
      setup: store.setup,
      warmup: summarise(warm.samples, warm.wallMs),
      overall,
      byKind,
      cpu: cpuSummary,
      singleClientBaseline: baseline,
      frameworkFloor: floor,
      errorSamples: load.errorSamples,
      validatedResponses: load.validated,
      cpuProfile: undefined as ReturnType<typeof summariseCpuProfile> | undefined,
    };
  } finally {
    if (server) {
      const stopped = await server.stop();
      log(`[${backend}] server stopped in ${Math.round(stopped.stopMs)} ms`);
    }
    await store.dispose();
    log(`[${backend}] store removed (${store.setup.store})`);
  }
  if (CPU_PROFILE) {
    // The profile is written when the server exits; with nodeFlags it is a single process.
    const files = fs.readdirSync(profileDir).map((f) => path.join(profileDir, f));
    const largest = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
    if (largest) result.cpuProfile = summariseCpuProfile(path.relative(process.cwd(), largest));
  }
  return result;
}

async function main() {
  await ensureBuild();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const info = await machineInfo();
  const results = [];
  for (const backend of BACKENDS) results.push(await benchBackend(backend));

  console.log(`\nGET /api/v1/use-cases — ${USE_CASES} use cases (${Math.round(TOKEN_TEAM_SHARE * 100)} % in the token's team), ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up`);
  console.log(`${info.cpus} CPU(s) ${info.cpuModel}, Node ${info.node}; client, server and PostgreSQL share the machine`);
  console.log(`mix: ${MIX_DESCRIPTION}`);
  console.log(`setup: use cases bulk-inserted with createMany (batches of ${BATCH}, no audit events), then VACUUM ANALYZE`);
  for (const e of EXPERIMENT_LIST) console.log(`EXPERIMENT (not the shipped schema): ${EXPERIMENTS[e].description}`);
  console.log("");
  console.log(
    table(
      ["backend", "requests", "req/s", "mean ms", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"],
      results.map((r) => [r.backend, r.overall.requests, r.overall.requestsPerSecond, r.overall.meanMs, r.overall.p50Ms, r.overall.p95Ms, r.overall.p99Ms, r.overall.maxMs, r.overall.errors]),
    ),
  );
  console.log("\nper request kind:");
  console.log(
    table(
      ["backend / kind", "requests", "p50 ms", "p95 ms", "p99 ms", "errors"],
      results.flatMap((r) => Object.entries(r.byKind).map(([k, s]) => [`${r.backend} / ${k}`, s.requests, s.p50Ms, s.p95Ms, s.p99Ms, s.errors])),
    ),
  );
  console.log(`\nwhere the CPU went during the ${DURATION_MS / 1000} s window (/proc; PGlite runs inside the server process):`);
  console.log(
    table(
      ["backend", "server CPU ms/req", "postgres CPU ms/req", "client CPU ms/req", "bench % of machine", "other processes % of machine", "load avg before→after"],
      results.map((r) => [
        r.backend,
        r.cpu.serverCpuMsPerRequest,
        r.cpu.postgresCpuMsPerRequest ?? "(in server)",
        r.cpu.clientCpuMsPerRequest,
        r.cpu.benchBusyPercent,
        r.cpu.otherBusyPercent,
        `${r.cpu.loadAverageBefore}→${r.cpu.loadAverageAfter}`,
      ]),
    ),
  );
  const diagnostics = results.flatMap((r) => [
    ...(r.singleClientBaseline ? [[`${r.backend} / 1 client`, r.singleClientBaseline.requests, r.singleClientBaseline.requestsPerSecond, r.singleClientBaseline.p50Ms, r.singleClientBaseline.p95Ms, r.singleClientBaseline.p99Ms, "–", r.singleClientBaseline.errors]] : []),
    ...(r.frameworkFloor ? [[`${r.backend} / floor (401)`, r.frameworkFloor.requests, r.frameworkFloor.requestsPerSecond, r.frameworkFloor.p50Ms, r.frameworkFloor.p95Ms, r.frameworkFloor.p99Ms, r.frameworkFloor.serverCpuMsPerRequest, r.frameworkFloor.errors]] : []),
  ]);
  if (diagnostics.length) {
    console.log(`\ndiagnostics (not the measurement): 1 client, same mix (service time without queueing); and the framework floor — ${CONCURRENCY} clients, malformed token → 401 before any database work:`);
    console.log(table(["backend / phase", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "server CPU ms/req", "unexpected status"], diagnostics));
  }
  for (const r of results) if (r.cpuProfile) printCpuSummary(r.cpuProfile);
  const pgResult = results.find((r) => r.backend === "postgres");
  if (pgResult) {
    const met = pgResult.overall.p95Ms <= TARGET_P95_MS && pgResult.overall.errors === 0;
    console.log(`\ntarget on PostgreSQL p95 ≤ ${TARGET_P95_MS} ms with 0 errors: ${met ? "MET" : "MISSED"} (p95 ${pgResult.overall.p95Ms} ms, errors ${pgResult.overall.errors})`);
  }
  for (const r of results) if (r.errorSamples.length) console.log(`\n${r.backend} error samples:\n  ${r.errorSamples.join("\n  ")}`);

  const file = writeResult(RESULT_NAME, {
    benchmark: "use-case list API with 10,000 use cases: throughput and p95 at 20 concurrent clients",
    measuredAt: new Date().toISOString(),
    machine: info,
    config: {
      useCases: USE_CASES,
      tokenTeamShare: TOKEN_TEAM_SHARE,
      concurrency: CONCURRENCY,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      baselineMs: BASELINE_MS,
      floorMs: FLOOR_MS,
      pageSize: PAGE_SIZE,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      mix: MIX_DESCRIPTION,
      searchTerms: SEARCH_TERMS,
      setup: `createMany in batches of ${BATCH}, then VACUUM ANALYZE`,
      experiments: EXPERIMENT_LIST.map((e) => ({ name: e, ...EXPERIMENTS[e] })),
      targetP95MsOnPostgres: TARGET_P95_MS,
    },
    results,
  });
  const errors = results.reduce((n, r) => n + r.overall.errors + (r.singleClientBaseline?.errors ?? 0), 0);
  console.log(`\nresults: ${file}`);
  if (errors) {
    console.error(`✖ ${errors} request(s) failed`);
    process.exitCode = 1;
  }
}

runBenchmark("use-case-list", 25 * 60_000, main);
