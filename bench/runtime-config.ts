// Benchmark: the runtime configuration API (GET /api/v1/runtime/{slug}?environment=prod) against
// the constant-JSON health route (GET /api/v1/health) of the same server as the ceiling —
// throughput and latency percentiles at 10 and at 50 concurrent clients, on PGlite and PostgreSQL.
//
//   npx tsx bench/runtime-config.ts
//
// Environment (all optional):
//   BENCH_BACKENDS=pglite,postgres       which backends to run, in order
//   BENCH_POSTGRES_URL=…                 as for use-case-list.ts (must be local)
//   BENCH_CONCURRENCIES=10,50  BENCH_WARMUP_S=3  BENCH_DURATION_S=10
//   BENCH_WAIT_QUIET=<s>                 on a shared machine, wait up to s seconds for other work
//                                        to quiet down before each backend
//
// Per backend: a fresh store from dataset.ts's prepareStore (migrations + the real demo seed) →
// an APPROVED release of the demo use case "support-triage" (ticket-classifier v2 as role
// `classifier`, guardrail support-pii v1) inserted the way tests insert one (the release UI is
// not part of this benchmark) and promoted dev → preprod → prod with the real promoteRelease →
// an API token with runtime:read for customer-support → store closed → Strata started as
// `npm start` does → probes → for each concurrency: warm-up on both routes, then the runtime
// route for D s and the health route for D s, alternating, same server, closed-loop clients over
// keep-alive. Every runtime request is a full 200 (no If-None-Match: the worst case); one body in
// 20 is parsed and checked. Any other status, network error or timeout (10 s) is an error.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { promoteRelease } from "@/lib/deployments/promote-release";
import { insertRelease } from "@/lib/deployments/testing";
import { ctxFor } from "@/lib/testing/fixtures";
import type { RoleName, UserActor } from "@/lib/permissions";
import { prepareStore, type Backend } from "./dataset";
import {
  cpuBetween, cpuSnapshot, ensureBuild, freePort, httpGet, log, machineInfo, RESULTS_DIR, round, runBenchmark, serverEnv, summarise,
  startServer, table, waitForQuiet, waitForStatus, withTimeout, writeResult, type StrataServer,
} from "./support";

const BACKENDS = (process.env.BENCH_BACKENDS ?? "pglite,postgres").split(",").map((b) => b.trim()) as Backend[];
const CONCURRENCIES = (process.env.BENCH_CONCURRENCIES ?? "10,50").split(",").map(Number);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_S ?? 3) * 1000;
const DURATION_MS = Number(process.env.BENCH_DURATION_S ?? 10) * 1000;
const REQUEST_TIMEOUT_MS = 10_000;
const SLUG = "support-triage";
const TARGET_RATIO_AT_50 = 0.7;
const TARGET_P99_AT_10_MS = 10;
const RESULT_NAME = ["runtime-config", BACKENDS.join(",") !== "pglite,postgres" ? BACKENDS.join("+") : "", CONCURRENCIES.join(",") !== "10,50" ? `c${CONCURRENCIES.join("+")}` : "", DURATION_MS !== 10_000 ? `d${DURATION_MS / 1000}` : "", process.env.BENCH_POSTGRES_URL ? "custom-pg-url" : ""]
  .filter(Boolean)
  .join(".");

for (const b of BACKENDS) if (b !== "pglite" && b !== "postgres") throw new Error(`unknown backend ${b} in BENCH_BACKENDS`);

type Route = "runtime" | "health";
type Sample = { ms: number; ok: boolean };

async function runLoad(o: { port: number; route: Route; token: string; concurrency: number; durationMs: number; expectRelease: number }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const p = o.route === "runtime" ? `/api/v1/runtime/${SLUG}?environment=prod` : "/api/v1/health";
  const headers = o.route === "runtime" ? { authorization: `Bearer ${o.token}`, accept: "application/json" } : { accept: "application/json" };
  const samples: Sample[] = [];
  const errorSamples: string[] = [];
  let validated = 0;
  const start = performance.now();
  const end = start + o.durationMs;
  const loop = async () => {
    let i = 0;
    while (performance.now() < end) {
      const t = performance.now();
      let ok = false;
      try {
        const res = await httpGet(o.port, p, { headers, agent, timeoutMs: REQUEST_TIMEOUT_MS });
        ok = res.status === 200;
        if (!ok) {
          if (errorSamples.length < 10) errorSamples.push(`HTTP ${res.status} ${p}: ${res.body.slice(0, 200)}`);
        } else if (i % 20 === 0) {
          validated++;
          const body = JSON.parse(res.body) as { release?: { number: number }; status?: string };
          const good = o.route === "runtime" ? body.release?.number === o.expectRelease : body.status === "ok";
          if (!good) {
            ok = false;
            if (errorSamples.length < 10) errorSamples.push(`unexpected body for ${p}: ${res.body.slice(0, 200)}`);
          }
        }
      } catch (error) {
        if (errorSamples.length < 10) errorSamples.push(`${(error as Error).message} ${p}`);
      }
      samples.push({ ms: performance.now() - t, ok });
      i++;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, () => loop()));
  const wallMs = performance.now() - start;
  agent.destroy();
  return { samples, wallMs, errorSamples, validated };
}


/** The demo use case's release, deployed to prod through the real promotion service. */
async function deployDemoRelease(store: Awaited<ReturnType<typeof prepareStore>>) {
  const db = store.database!.prisma;
  const useCase = await db.useCase.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true, teamId: true } });
  const prompt = await db.prompt.findFirstOrThrow({ where: { useCaseId: useCase.id, name: "ticket-classifier" }, include: { versions: { where: { number: 2 } } } });
  const guardrail = await db.guardrailVersion.findFirst({ where: { guardrail: { useCaseId: useCase.id }, number: 1 }, select: { id: true } });
  const actor = async (email: string): Promise<UserActor> => {
    const u = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    return { kind: "user", id: u.id, name: u.name, email: u.email, role: u.role as RoleName, teamIds: u.memberships.map((m) => m.teamId) };
  };
  const owner = await actor("owner@strata.local");
  const admin = await actor("admin@strata.local");
  const release = await insertRelease(db, {
    useCaseId: useCase.id, createdById: owner.id, guardrailVersionId: guardrail?.id ?? null, knowledgeBaseIds: ["KBDEMO0001"],
    prompts: [{ role: "classifier", promptVersionId: prompt.versions[0]!.id }],
  });
  for (const environment of ["DEV", "PREPROD", "PROD"]) await promoteRelease(ctxFor(db, owner), release.id, { environment, comment: "bench" });
  const { token } = await createApiToken(ctxFor(db, admin), { teamId: useCase.teamId, name: "bench runtime", permissions: ["runtime:read"] });
  return { token, releaseNumber: release.number };
}

async function benchBackend(backend: Backend) {
  log(`[${backend}] preparing the store: migrate, demo seed, release promoted to prod, runtime:read token…`);
  const store = await withTimeout(`${backend} store preparation`, 5 * 60_000, prepareStore(backend, 0, { keepOpen: true }));
  let server: StrataServer | undefined;
  const phases: { concurrency: number; route: Route; summary: ReturnType<typeof summarise>; serverCpuMsPerRequest: number; postgresCpuMsPerRequest: number | null; errorSamples: string[]; validated: number }[] = [];
  let probe;
  try {
    const { token, releaseNumber } = await deployDemoRelease(store);
    await store.database!.close(); // releases PGlite's lock for the server
    const port = await freePort();
    server = startServer({ port, env: serverEnv({ PORT: String(port), ...store.serverEnv }), logFile: path.join(RESULTS_DIR, `runtime-config.${backend}.server.log`) });
    await waitForStatus(server, "/sign-in", 200, 120_000, 50);
    log(`[${backend}] server up on :${port} (process group ${server.child.pid})`);
    const pgid = server.child.pid!;

    const first = await httpGet(port, `/api/v1/runtime/${SLUG}?environment=prod`, { headers: { authorization: `Bearer ${token}` } });
    if (first.status !== 200) throw new Error(`probe: HTTP ${first.status} ${first.body.slice(0, 300)}`);
    const health = await httpGet(port, "/api/v1/health");
    if (health.status !== 200) throw new Error(`probe health: HTTP ${health.status} ${health.body.slice(0, 300)}`);
    probe = { runtimeBodyBytes: Buffer.byteLength(first.body), healthBody: health.body };

    await waitForQuiet(`[${backend}]`);
    for (const concurrency of CONCURRENCIES) {
      log(`[${backend}] warm-up ${WARMUP_MS / 1000} s per route at ${concurrency} clients…`);
      for (const route of ["runtime", "health"] as Route[]) await runLoad({ port, route, token, concurrency, durationMs: WARMUP_MS, expectRelease: releaseNumber });
      for (const route of ["runtime", "health"] as Route[]) {
        const before = cpuSnapshot(pgid, store.databaseName);
        const run = await runLoad({ port, route, token, concurrency, durationMs: DURATION_MS, expectRelease: releaseNumber });
        const cpu = cpuBetween(before, cpuSnapshot(pgid, store.databaseName));
        if (server.hasExited()) throw new Error(`the server died during the run:\n${server.logTail()}`);
        const summary = summarise(run.samples, run.wallMs, 2);
        const n = run.samples.length || 1;
        phases.push({ concurrency, route, summary, serverCpuMsPerRequest: round(cpu.serverMs / n, 3), postgresCpuMsPerRequest: backend === "postgres" ? round(cpu.postgresMs / n, 3) : null, errorSamples: run.errorSamples, validated: run.validated });
        log(`[${backend}]   ${route} @${concurrency}: ${summary.requestsPerSecond} req/s, p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms, errors ${summary.errors}`);
      }
    }
  } finally {
    if (server) {
      const stopped = await server.stop();
      log(`[${backend}] server stopped in ${Math.round(stopped.stopMs)} ms`);
    }
    await store.database?.close().catch(() => undefined);
    await store.dispose();
    log(`[${backend}] store removed (${store.setup.store})`);
  }
  const at = (c: number, r: Route) => phases.find((p) => p.concurrency === c && p.route === r)!.summary;
  const ratios = Object.fromEntries(CONCURRENCIES.map((c) => [c, round(at(c, "runtime").requestsPerSecond / at(c, "health").requestsPerSecond, 2)]));
  return { backend, setup: store.setup, probe, phases, ratios };
}

async function main() {
  await ensureBuild();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const info = await machineInfo();
  const results = [];
  for (const backend of BACKENDS) results.push(await benchBackend(backend));

  console.log(`\nGET /api/v1/runtime/${SLUG}?environment=prod (full 200 each time) vs GET /api/v1/health (ceiling), same server; ${DURATION_MS / 1000} s per phase after ${WARMUP_MS / 1000} s warm-up per route`);
  console.log(`${info.cpus} CPU(s) ${info.cpuModel}, Node ${info.node}; client, server and PostgreSQL share the machine\n`);
  console.log(
    table(
      ["backend", "clients", "route", "requests", "req/s", "mean ms", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "server CPU ms/req", "postgres CPU ms/req"],
      results.flatMap((r) => r.phases.map((p) => [r.backend, p.concurrency, p.route, p.summary.requests, p.summary.requestsPerSecond, p.summary.meanMs, p.summary.p50Ms, p.summary.p95Ms, p.summary.p99Ms, p.summary.maxMs, p.summary.errors, p.serverCpuMsPerRequest, p.postgresCpuMsPerRequest ?? "(in server)"])),
    ),
  );
  console.log("\nruntime ÷ health throughput:");
  console.log(table(["backend", ...CONCURRENCIES.map((c) => `${c} clients`)], results.map((r) => [r.backend, ...CONCURRENCIES.map((c) => r.ratios[c]!)])));
  const verdicts = results.flatMap((r) => {
    const out: string[] = [];
    const at50 = r.ratios[50];
    if (at50 !== undefined) out.push(`${r.backend}: at 50 clients runtime/health = ${at50} (target ≥ ${TARGET_RATIO_AT_50}) ${at50 >= TARGET_RATIO_AT_50 ? "MET" : "MISSED"}`);
    const p10 = r.phases.find((p) => p.concurrency === 10 && p.route === "runtime");
    if (p10) out.push(`${r.backend}: at 10 clients runtime p99 = ${p10.summary.p99Ms} ms (target ≤ ${TARGET_P99_AT_10_MS} ms) ${p10.summary.p99Ms <= TARGET_P99_AT_10_MS ? "MET" : "MISSED"}`);
    return out;
  });
  console.log(`\n${verdicts.join("\n")}`);
  for (const r of results) for (const p of r.phases) if (p.errorSamples.length) console.log(`\n${r.backend} ${p.route}@${p.concurrency} error samples:\n  ${p.errorSamples.join("\n  ")}`);

  const file = writeResult(RESULT_NAME, {
    benchmark: "runtime config API vs constant-JSON ceiling: throughput and p50/p99 at 10 and 50 concurrent clients",
    measuredAt: new Date().toISOString(),
    machine: info,
    config: { slug: SLUG, concurrencies: CONCURRENCIES, warmupMs: WARMUP_MS, durationMs: DURATION_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS, targets: { ratioAt50: TARGET_RATIO_AT_50, p99At10Ms: TARGET_P99_AT_10_MS } },
    results,
    verdicts,
  });
  console.log(`\nresults: ${file}`);
  const errors = results.reduce((n, r) => n + r.phases.reduce((m, p) => m + p.summary.errors, 0), 0);
  if (errors) {
    console.error(`✖ ${errors} request(s) failed`);
    process.exitCode = 1;
  }
}

runBenchmark("runtime-config", 20 * 60_000, main);
