// Benchmark: the prompt render endpoint (POST /api/v1/prompts/{id}/versions/{n}/render) —
// throughput and latency percentiles at 50 concurrent clients, on embedded PGlite and on PostgreSQL.
//
//   npx tsx bench/render.ts
//
// Environment (all optional):
//   BENCH_BACKENDS=pglite,postgres       which backends to run, in order
//   BENCH_POSTGRES_URL=…                 as for use-case-list.ts (must be local)
//   BENCH_CONCURRENCY=50  BENCH_WARMUP_S=3  BENCH_DURATION_S=15
//   BENCH_WAIT_QUIET=<s>                 on a shared machine, wait up to s seconds for other work
//                                        to quiet down before each measurement
//   (non-default concurrency/duration or BENCH_POSTGRES_URL write render.<…>.json, not render.json)
//
// Per backend: a fresh store from dataset.ts's prepareStore (migrations + the real demo seed, no
// bulk use cases) → an API token with prompts:read for customer-support made with createApiToken
// → the id of the demo prompt "ticket-classifier" → store closed → Strata started as `npm start`
// does → probe of both versions → 3 s warm-up → 50 closed-loop clients for 15 s, each alternating
// versions 1 and 2 with bodies {"variables":{"product":…,"ticket":<200–2000 chars>}} → server
// stopped, store dropped/removed. Every non-200, network error or timeout (10 s) is an error.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { ctxFor } from "@/lib/testing/fixtures";
import type { UserActor } from "@/lib/permissions";
import { prepareStore, type Backend } from "./dataset";
import {
  cpuBetween,
  cpuSnapshot,
  ensureBuild,
  freePort,
  loadAverage,
  log,
  machineInfo,
  summarise,
  RESULTS_DIR,
  round,
  httpRequest,
  runBenchmark,
  serverEnv,
  startServer,
  table,
  waitForQuiet,
  waitForStatus,
  withTimeout,
  writeResult,
  type HttpResult,
  type StrataServer,
} from "./support";
import { prng } from "./prng";

const BACKENDS = (process.env.BENCH_BACKENDS ?? "pglite,postgres").split(",").map((b) => b.trim()) as Backend[];
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_S ?? 3) * 1000;
const DURATION_MS = Number(process.env.BENCH_DURATION_S ?? 15) * 1000;
const REQUEST_TIMEOUT_MS = 10_000;
const PROMPT_NAME = "ticket-classifier";
const BODY_POOL = 512;
const RESULT_NAME = ["render", BACKENDS.join(",") !== "pglite,postgres" ? BACKENDS.join("+") : "", CONCURRENCY !== 50 ? `c${CONCURRENCY}` : "", DURATION_MS !== 15_000 ? `d${DURATION_MS / 1000}` : "", process.env.BENCH_POSTGRES_URL ? "custom-pg-url" : ""]
  .filter(Boolean)
  .join(".");

for (const b of BACKENDS) if (b !== "pglite" && b !== "postgres") throw new Error(`unknown backend ${b} in BENCH_BACKENDS`);

// ---------------------------------------------------------------------------------------------
// Request bodies: deterministic (seeded PRNG), tickets of 200–2000 characters.


const PRODUCTS = ["Strata Cloud", "Billing Portal", "Mobile App", "Data Connector", "Help Center", "Analytics Suite"];
const WORDS = (
  "hello team my invoice was charged twice this month and the dashboard shows an error when I try to export " +
  "the report since yesterday's update the login page times out on mobile could you please check whether the " +
  "outage in EMEA is resolved we also need to know how to reset the password for a shared account thanks " +
  "café naïve — “quoted” text, newlines\nand tabs\tincluded <b>html</b> & {{braces}} 100% $42.00"
).split(" ");

type Body = { product: string; ticketChars: number; json: string };

function makeBodies(n: number): Body[] {
  const rand = prng(20261122);
  return Array.from({ length: n }, () => {
    const target = 200 + Math.floor(rand() * 1801); // 200–2000 characters
    let ticket = "";
    while (ticket.length < target) ticket += (ticket ? " " : "") + WORDS[Math.floor(rand() * WORDS.length)];
    ticket = ticket.slice(0, target);
    const product = PRODUCTS[Math.floor(rand() * PRODUCTS.length)]!;
    return { product, ticketChars: ticket.length, json: JSON.stringify({ variables: { product, ticket } }) };
  });
}

// ---------------------------------------------------------------------------------------------
// HTTP POST (support.ts's httpRequest) and the closed-loop load generator.

function httpPost(port: number, p: string, body: string, headers: http.OutgoingHttpHeaders, agent: http.Agent): Promise<HttpResult> {
  return httpRequest(port, "POST", p, { agent, body, timeoutMs: REQUEST_TIMEOUT_MS, headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) } });
}

type Sample = { version: number; ms: number; ok: boolean };

async function runLoad(o: { port: number; promptId: string; token: string; bodies: Body[]; concurrency: number; durationMs: number }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const headers = { authorization: `Bearer ${o.token}`, accept: "application/json" };
  const samples: Sample[] = [];
  const errorSamples: string[] = [];
  let validated = 0;
  const start = performance.now();
  const end = start + o.durationMs;
  const loop = async (client: number) => {
    let i = 0;
    while (performance.now() < end) {
      const version = ((client + i) % 2) + 1; // alternates 1, 2 per client; half the clients start on each
      const body = o.bodies[(client * 37 + i) % o.bodies.length]!;
      const p = `/api/v1/prompts/${encodeURIComponent(o.promptId)}/versions/${version}/render`;
      const t = performance.now();
      let ok = false;
      try {
        const res = await httpPost(o.port, p, body.json, headers, agent);
        ok = res.status === 200;
        if (!ok) {
          if (errorSamples.length < 10) errorSamples.push(`HTTP ${res.status} ${p}: ${res.body.slice(0, 200)}`);
        } else if (i % 20 === 0) {
          // One response in 20 is parsed: the product must have been substituted into the text.
          validated++;
          const parsed = JSON.parse(res.body) as { data?: unknown };
          if (!parsed.data || !JSON.stringify(parsed.data).includes(body.product)) {
            ok = false;
            if (errorSamples.length < 10) errorSamples.push(`unexpected body for ${p}: ${res.body.slice(0, 200)}`);
          }
        }
      } catch (error) {
        if (errorSamples.length < 10) errorSamples.push(`${(error as Error).message} ${p}`);
      }
      samples.push({ version, ms: performance.now() - t, ok });
      i++;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, (_, c) => loop(c)));
  const wallMs = performance.now() - start;
  agent.destroy();
  return { samples, wallMs, errorSamples, validated };
}


// ---------------------------------------------------------------------------------------------

async function benchBackend(backend: Backend, bodies: Body[]) {
  log(`[${backend}] preparing the store: migrate, demo seed, prompts:read token…`);
  // No bulk use cases (0): just the demo organisation. keepOpen so we can add our own token.
  const store = await withTimeout(`${backend} store preparation`, 5 * 60_000, prepareStore(backend, 0, { keepOpen: true }));
  let server: StrataServer | undefined;
  let result;
  try {
    const db = store.database!.prisma;
    const team = await db.team.findUniqueOrThrow({ where: { slug: "customer-support" } });
    const adminUser = await db.user.findUniqueOrThrow({ where: { email: "admin@strata.local" } });
    const useCase = await db.useCase.findUniqueOrThrow({ where: { slug: "support-triage" } });
    if (useCase.teamId !== team.id) throw new Error("support-triage is not in customer-support");
    const prompt = await db.prompt.findFirstOrThrow({ where: { useCaseId: useCase.id, name: PROMPT_NAME }, include: { versions: { select: { number: true } } } });
    const versions = prompt.versions.map((v) => v.number).sort();
    if (!versions.includes(1) || !versions.includes(2)) throw new Error(`${PROMPT_NAME} has versions ${versions.join(",")}, expected 1 and 2`);
    const adminActor: UserActor = { kind: "user", id: adminUser.id, name: adminUser.name, email: adminUser.email, role: adminUser.role, teamIds: [] };
    const { token } = await createApiToken(ctxFor(db, adminActor), { teamId: team.id, name: "bench render", permissions: ["prompts:read"] });
    await store.database!.close(); // releases PGlite's lock for the server
    log(`[${backend}]   ${JSON.stringify(store.setup)}; prompt ${prompt.id}`);

    const port = await freePort();
    server = startServer({ port, env: serverEnv({ PORT: String(port), ...store.serverEnv }), logFile: path.join(RESULTS_DIR, `render.${backend}.server.log`) });
    await waitForStatus(server, "/sign-in", 200, 120_000, 50);
    log(`[${backend}] server up on :${port} (process group ${server.child.pid})`);
    const pgid = server.child.pid!;

    // Probe: both versions render with the first body.
    const probeAgent = new http.Agent({ keepAlive: false });
    for (const v of [1, 2]) {
      const res = await httpPost(port, `/api/v1/prompts/${prompt.id}/versions/${v}/render`, bodies[0]!.json, { authorization: `Bearer ${token}` }, probeAgent);
      if (res.status !== 200) throw new Error(`probe v${v}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
    }

    const load = (durationMs: number) => runLoad({ port, promptId: prompt.id, token, bodies, concurrency: CONCURRENCY, durationMs });
    const quietCheckBusyPercent = await waitForQuiet(`[${backend}]`);
    log(`[${backend}] warm-up ${WARMUP_MS / 1000} s at ${CONCURRENCY} clients…`);
    const warm = await load(WARMUP_MS);
    if (warm.errorSamples.length) log(`[${backend}]   warm-up errors: ${warm.errorSamples.join(" | ")}`);

    log(`[${backend}] measuring ${DURATION_MS / 1000} s at ${CONCURRENCY} clients…`);
    const loadAverageBefore = loadAverage();
    const cpuBefore = cpuSnapshot(pgid, store.databaseName);
    const run = await load(DURATION_MS);
    const cpu = cpuBetween(cpuBefore, cpuSnapshot(pgid, store.databaseName));
    if (server.hasExited()) throw new Error(`the server died during the run:\n${server.logTail()}`);
    const overall = summarise(run.samples, run.wallMs);
    const byVersion = Object.fromEntries([1, 2].map((v) => [`v${v}`, summarise(run.samples.filter((s) => s.version === v), run.wallMs)]));
    const perRequest = (ms: number) => round(ms / (run.samples.length || 1), 2);
    const share = (ms: number) => round((100 * ms) / (run.wallMs * os.cpus().length), 0);
    const cpuSummary = {
      windowMs: round(run.wallMs, 0),
      serverCpuMsPerRequest: perRequest(cpu.serverMs),
      postgresCpuMsPerRequest: backend === "postgres" ? perRequest(cpu.postgresMs) : null,
      clientCpuMsPerRequest: perRequest(cpu.clientMs),
      benchBusyPercent: share(cpu.serverMs + cpu.postgresMs + cpu.clientMs),
      otherBusyPercent: share(cpu.otherMs),
      loadAverageBefore,
      loadAverageAfter: loadAverage(),
      quietCheckBusyPercent,
    };
    log(`[${backend}]   ${overall.requests} requests, ${overall.requestsPerSecond} req/s, p99 ${overall.p99Ms} ms, errors ${overall.errors}, other processes ${cpuSummary.otherBusyPercent} % of the machine`);
    result = {
      backend,
      setup: store.setup,
      promptId: prompt.id,
      warmup: summarise(warm.samples, warm.wallMs),
      overall,
      byVersion,
      cpu: cpuSummary,
      errorSamples: run.errorSamples,
      validatedResponses: run.validated,
    };
  } finally {
    if (server) {
      const stopped = await server.stop();
      log(`[${backend}] server stopped in ${Math.round(stopped.stopMs)} ms`);
    }
    await store.database?.close().catch(() => undefined);
    await store.dispose();
    log(`[${backend}] store removed (${store.setup.store})`);
  }
  return result;
}

async function main() {
  await ensureBuild();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const info = await machineInfo();
  const bodies = makeBodies(BODY_POOL);
  const sizes = bodies.map((b) => b.ticketChars);
  const results = [];
  for (const backend of BACKENDS) results.push(await benchBackend(backend, bodies));

  console.log(`\nPOST /api/v1/prompts/{id}/versions/{1|2}/render ("${PROMPT_NAME}"), ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up`);
  console.log(`${info.cpus} CPU(s) ${info.cpuModel}, Node ${info.node}; client, server and PostgreSQL share the machine`);
  console.log(`bodies: ${BODY_POOL} deterministic, ticket ${Math.min(...sizes)}–${Math.max(...sizes)} chars; versions alternate 1/2 per client\n`);
  console.log(
    table(
      ["backend", "requests", "req/s", "mean ms", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "server CPU ms/req", "postgres CPU ms/req", "client CPU ms/req", "other % of machine", "load avg"],
      results.map((r) => [
        r.backend, r.overall.requests, r.overall.requestsPerSecond, r.overall.meanMs, r.overall.p50Ms, r.overall.p95Ms, r.overall.p99Ms, r.overall.maxMs, r.overall.errors,
        r.cpu.serverCpuMsPerRequest, r.cpu.postgresCpuMsPerRequest ?? "(in server)", r.cpu.clientCpuMsPerRequest, r.cpu.otherBusyPercent, `${r.cpu.loadAverageBefore}→${r.cpu.loadAverageAfter}`,
      ]),
    ),
  );
  console.log("\nper version:");
  console.log(
    table(
      ["backend / version", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"],
      results.flatMap((r) => Object.entries(r.byVersion).map(([v, s]) => [`${r.backend} / ${v}`, s.requests, s.p50Ms, s.p95Ms, s.p99Ms, s.maxMs, s.errors])),
    ),
  );
  for (const r of results) if (r.errorSamples.length) console.log(`\n${r.backend} error samples:\n  ${r.errorSamples.join("\n  ")}`);

  const file = writeResult(RESULT_NAME, {
    benchmark: "render endpoint throughput and p99 at 50 concurrent clients",
    measuredAt: new Date().toISOString(),
    machine: info,
    config: {
      endpoint: "POST /api/v1/prompts/{id}/versions/{n}/render",
      prompt: PROMPT_NAME,
      concurrency: CONCURRENCY,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      bodies: { pool: BODY_POOL, ticketCharsMin: Math.min(...sizes), ticketCharsMax: Math.max(...sizes) },
      versions: "alternating 1 and 2 per client",
      token: "createApiToken, prompts:read, customer-support (the store also holds prepareStore's use-cases:read token, unused)",
    },
    results,
  });
  console.log(`\nresults: ${file}`);
  const errors = results.reduce((n, r) => n + r.overall.errors, 0);
  if (errors) {
    console.error(`✖ ${errors} request(s) failed`);
    process.exitCode = 1;
  }
}

runBenchmark("render", 15 * 60_000, main);
