// Benchmark: `npm start` to first page on an existing embedded database (build excluded).
//
//   npx tsx bench/startup.ts            (5 runs; BENCH_RUNS=n to change; BENCH_WAIT_QUIET=<s> waits
//                                        up to s seconds for a quiet machine before each run)
//
// Prepares a PGlite data directory once (the first start migrates and seeds the demo
// organisation), then starts Strata N times on it with STRATA_SKIP_BUILD=1 and measures the wall
// time from spawning `npx tsx scripts/start.ts` until GET /sign-in answers 200. Each run is
// stopped with SIGTERM and waited for (the data directory is locked while a server runs).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  cpuBetween,
  cpuSnapshot,
  ensureBuild,
  loadAverage,
  freePort,
  log,
  machineInfo,
  median,
  onCleanup,
  RESULTS_DIR,
  round,
  runBenchmark,
  serverEnv,
  startServer,
  table,
  waitForQuiet,
  waitForStatus,
  writeResult,
} from "./support";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 10_000;
const FIRST_PAGE = "/sign-in";

type Run = {
  run: number;
  /** spawn → GET /sign-in 200: the measured figure. */
  totalMs: number;
  /** spawn → the start script's "Strata ready" line (process start, DB open, migrate check, next prepare, listen). */
  readyLineMs: number | null;
  /** The start script's own figure (from its process start, so it excludes npx/tsx start-up). */
  reportedReadyMs: number | null;
  /** "ready" line → first 200 (the first render of /sign-in). */
  firstPageAfterReadyMs: number | null;
  /** SIGTERM → every process of the server gone and the lock released. */
  stopMs: number;
  /** CPU the server's processes used from spawn to first 200 (all cores; > wall time means parallel work). */
  serverCpuMs: number;
  /** Share of the machine used meanwhile by everything else (other processes, kernel): noise. */
  otherBusyPercent: number;
  loadAverageAtSpawn: number;
  /** With BENCH_WAIT_QUIET: how busy the machine was in the 3 s before the spawn. */
  quietCheckBusyPercent?: number;
};

async function main() {
  await ensureBuild();
  const info = await machineInfo();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-bench-startup-"));
  onCleanup(`remove ${dataDir}`, () => fs.rmSync(dataDir, { recursive: true, force: true }));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });

  // 1. The first start creates the database: migrate + seed (not measured).
  {
    const port = await freePort();
    log(`preparing the embedded database in ${dataDir} (first start: migrate + seed)…`);
    const server = startServer({
      port,
      env: serverEnv({ STRATA_DATA_DIR: dataDir, PORT: String(port) }),
      logFile: path.join(RESULTS_DIR, "startup.prepare.server.log"),
    });
    const t = await waitForStatus(server, FIRST_PAGE, 200, 180_000);
    log(`  first start answered after ${Math.round(t - server.spawnedAt)} ms (includes migrate + seed; not measured)`);
    const stopped = await server.stop();
    if (fs.existsSync(path.join(dataDir, "strata.lock"))) throw new Error("the data directory is still locked after the first server stopped");
    log(`  stopped in ${Math.round(stopped.stopMs)} ms (exit ${stopped.code ?? stopped.signal})`);
  }

  // 2. N measured starts on the existing database.
  const runs: Run[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const port = await freePort();
    const quietCheckBusyPercent = await waitForQuiet(`run ${i}`);
    const loadAverageAtSpawn = loadAverage();
    const server = startServer({
      port,
      env: serverEnv({ STRATA_DATA_DIR: dataDir, PORT: String(port) }),
      logFile: path.join(RESULTS_DIR, `startup.run${i}.server.log`),
    });
    const cpuAtSpawn = cpuSnapshot(server.child.pid!);
    const answeredAt = await waitForStatus(server, FIRST_PAGE, 200, 120_000, 20);
    const cpu = cpuBetween(cpuAtSpawn, cpuSnapshot(server.child.pid!));
    const totalMs = answeredAt - server.spawnedAt;
    const readyLineMs = server.readyLineAt === undefined ? null : server.readyLineAt - server.spawnedAt;
    const stopped = await server.stop();
    // npx itself dies of the SIGTERM; what matters is that the server closed the database.
    if (!/SIGTERM received/.test(server.logTail())) log(`  warning: run ${i} did not log its SIGTERM shutdown`);
    if (fs.existsSync(path.join(dataDir, "strata.lock"))) throw new Error(`run ${i}: the data directory is still locked after stop`);
    const run: Run = {
      run: i,
      totalMs: round(totalMs, 0),
      readyLineMs: readyLineMs === null ? null : round(readyLineMs, 0),
      reportedReadyMs: server.reportedReadyMs ?? null,
      firstPageAfterReadyMs: readyLineMs === null ? null : round(totalMs - readyLineMs, 0),
      stopMs: round(stopped.stopMs, 0),
      serverCpuMs: round(cpu.serverMs, 0),
      otherBusyPercent: round((100 * cpu.otherMs) / (totalMs * os.cpus().length), 0),
      loadAverageAtSpawn,
      quietCheckBusyPercent,
    };
    runs.push(run);
    log(`  run ${i}/${RUNS}: ${run.totalMs} ms to first page (ready line at ${run.readyLineMs} ms, stop ${run.stopMs} ms)`);
    // Let the OS settle (file cache flush, sockets) before the next cold start.
    await new Promise((r) => setTimeout(r, 500));
  }

  const totals = runs.map((r) => r.totalMs);
  const summary = {
    minMs: Math.min(...totals),
    medianMs: round(median(totals), 0),
    maxMs: Math.max(...totals),
    targetMs: TARGET_MS,
    meetsTarget: median(totals) <= TARGET_MS && Math.max(...totals) <= TARGET_MS,
  };
  const phase = (pick: (r: Run) => number | null) => {
    const v = runs.map(pick).filter((x): x is number => x !== null);
    return v.length ? [Math.min(...v), round(median(v), 0), Math.max(...v)] : ["–", "–", "–"];
  };

  console.log(`\nnpm start → first page (GET ${FIRST_PAGE} = 200) on an existing embedded database, build excluded`);
  console.log(`${info.cpus} CPU(s) ${info.cpuModel}, Node ${info.node}; ${RUNS} runs\n`);
  console.log(
    table(
      ["run", "spawn→200 ms", "spawn→ready line ms", "self-reported ready ms", "ready→200 ms", "SIGTERM→exit ms", "server CPU ms", "other processes % of machine", "load avg"],
      runs.map((r) => [String(r.run), r.totalMs, r.readyLineMs ?? "–", r.reportedReadyMs ?? "–", r.firstPageAfterReadyMs ?? "–", r.stopMs, r.serverCpuMs, r.otherBusyPercent, r.loadAverageAtSpawn]),
    ),
  );
  console.log("");
  console.log(
    table(
      ["metric", "min", "median", "max"],
      [
        ["spawn → GET /sign-in 200 (ms)", summary.minMs, summary.medianMs, summary.maxMs],
        ["spawn → \"Strata ready\" line (ms)", ...phase((r) => r.readyLineMs)],
        ["\"ready\" → first 200 (ms)", ...phase((r) => r.firstPageAfterReadyMs)],
      ],
    ),
  );
  console.log(`\ntarget ≤ ${TARGET_MS} ms: ${summary.meetsTarget ? "MET" : "MISSED"} (median ${summary.medianMs} ms, max ${summary.maxMs} ms)`);

  const file = writeResult("startup", {
    benchmark: "npm start to first page on an existing embedded database (build excluded)",
    measuredAt: new Date().toISOString(),
    machine: info,
    command: "npx tsx scripts/start.ts (STRATA_SKIP_BUILD=1, STRATA_DATA_DIR=<prepared PGlite dir>)",
    firstPage: FIRST_PAGE,
    runs,
    summary,
  });
  console.log(`results: ${file}`);
}

runBenchmark("startup", 15 * 60_000, main);
