// Soak: 30 minutes of mixed load on one Strata server per database, sampling its memory every
// minute — to show whether resident memory settles or keeps climbing.
//
//   npx tsx bench/soak.ts
//
// Environment (all optional):
//   BENCH_BACKENDS=pglite,postgres   which databases, one after the other
//   SOAK_MINUTES=30  SOAK_IDLE_MINUTES=5  SOAK_WARMUP_MINUTES=5  SOAK_CLIENTS=4
//   SOAK_WRITES=0                    no writes: the data stays as seeded (their share goes to renders)
//
// Per backend: a fresh store with the demo seed and 500 extra use cases (bench/dataset.ts) →
// API tokens (reads: use cases, prompts, guardrails, releases, runtime; writes: use cases) →
// Strata started as `npm start` starts it, plus --inspect on a free port → one session cookie
// per role (admin, owner, engineer, reviewer, viewer) through next-auth's credentials callback →
// SOAK_CLIENTS closed-loop clients for SOAK_MINUTES (bench/soak-traffic.ts: 1 % sign-ins, 54 %
// console pages — HTML and RSC — and downloads (audit log, evidence, dataset) as those roles,
// 25 % list/detail/runtime API reads, 12 % prompt renders, 8 % writes) → then SOAK_IDLE_MINUTES
// with no traffic. Every load minute: RSS as held, then a full GC through the inspector, then
// heap-after-GC, external and RSS again; from the last load minute on only RSS is read (no GC
// forced, so what comes back at idle comes back by itself), but for the very last sample.
// Figures: RSS after warm-up (end of minute SOAK_WARMUP_MINUTES), least-squares slopes of RSS and
// heap over the last 20 minutes of load with ±2 standard errors (≈95 %), steady RSS (median of the
// last 10 minutes of load), idle RSS (after the idle minutes, before and after one GC).
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { ctxFor } from "@/lib/testing/fixtures";
import type { UserActor } from "@/lib/permissions";
import { prepareStore, type Backend } from "./dataset";
import { connectInspector, type MemorySample } from "./inspector";
import { makeStepPicker, signInCookie, type Fixture } from "./soak-traffic";
import { ensureBuild, freePort, httpRequest, log, machineInfo, median, percentile, RESULTS_DIR, round, runBenchmark, serverEnv, sleep, startServer, table, waitForStatus, writeResult } from "./support";
import { fitLine } from "./stats";

const BACKENDS = (process.env.BENCH_BACKENDS ?? "pglite,postgres").split(",").map((b) => b.trim()) as Backend[];
const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const IDLE_MINUTES = Number(process.env.SOAK_IDLE_MINUTES ?? 5);
const WARMUP_MINUTES = Number(process.env.SOAK_WARMUP_MINUTES ?? 5);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 4);
const WRITES = process.env.SOAK_WRITES !== "0";
const TREND_MINUTES = Math.min(20, MINUTES - WARMUP_MINUTES);
const ROLES = { admin: "admin@strata.local", owner: "owner@strata.local", engineer: "engineer@strata.local", reviewer: "reviewer@strata.local", viewer: "viewer@strata.local" };
const PASSWORD = "strata-demo-2026";

type Done = { kind: string; ms: number; ok: boolean };
/** Per request kind: how many, and their p95 — to tell a slower mix (growing data) from a slower server. */
type KindFigures = Record<string, { requests: number; p95Ms: number }>;
type Minute = MemorySample & { minute: number; phase: "load" | "idle"; requests: number; errors: number; p95Ms: number; kinds: KindFigures };

const p95 = (done: Done[]) => round(percentile(done.map((d) => d.ms).sort((a, b) => a - b), 95));
function byKind(done: Done[]): KindFigures {
  const groups = new Map<string, Done[]>();
  for (const d of done) {
    const rows = groups.get(d.kind) ?? [];
    rows.push(d);
    groups.set(d.kind, rows);
  }
  return Object.fromEntries([...groups].map(([kind, rows]) => [kind, { requests: rows.length, p95Ms: p95(rows) }]));
}

/** IDs of seeded records for detail pages and API paths, and the tokens; the store is then closed. */
async function prepare(backend: Backend) {
  const store = await prepareStore(backend, 500, { keepOpen: true });
  const db = store.database!.prisma;
  try {
    const admin = await db.user.findUniqueOrThrow({ where: { email: ROLES.admin } });
    const actor: UserActor = { kind: "user", id: admin.id, name: admin.name, email: admin.email, role: admin.role, teamIds: [] };
    const reads = ["use-cases:read", "prompts:read", "guardrails:read", "releases:read", "runtime:read"] as const;
    const readToken = (await createApiToken(ctxFor(db, actor), { teamId: store.tokenTeamId, name: "soak reads", permissions: [...reads] })).token;
    const writeToken = (await createApiToken(ctxFor(db, actor), { teamId: store.tokenTeamId, name: "soak writes", permissions: ["use-cases:write"] })).token;
    const useCase = await db.useCase.findUniqueOrThrow({ where: { slug: "support-triage" } });
    const prompt = await db.prompt.findFirstOrThrow({ where: { useCaseId: useCase.id }, include: { versions: { orderBy: { number: "desc" }, take: 1 } } });
    const guardrail = await db.guardrail.findFirstOrThrow({ where: { useCaseId: useCase.id } });
    const release = await db.release.findFirstOrThrow({ where: { useCaseId: useCase.id }, orderBy: { number: "asc" } });
    const dataset = await db.dataset.findFirstOrThrow({ where: { useCaseId: useCase.id } });
    const run = await db.evaluationRun.findFirstOrThrow({ where: { useCaseId: useCase.id } });
    const drafts = await db.useCase.findMany({ where: { teamId: store.tokenTeamId, status: "DRAFT" }, select: { id: true }, take: 50 });
    const consolePaths = [
      "/", "/use-cases", "/use-cases?page=3", `/use-cases/${useCase.id}`, "/prompts", `/prompts/${prompt.id}`, `/prompts/${prompt.id}/diff`,
      "/guardrails", `/guardrails/${guardrail.id}`, `/guardrails/${guardrail.id}/bench`, "/releases", `/releases/${release.id}`,
      "/datasets", `/datasets/${dataset.id}`, "/evaluations", `/evaluations/${run.id}`, "/evaluations/gates", "/environments", "/environments/prod", "/audit",
      // Downloads: the audit log, a release's evidence, a dataset.
      "/audit/export?format=csv", "/audit/export?format=json", `/releases/${release.id}/evidence?format=md`, `/releases/${release.id}/evidence?format=json`,
      `/datasets/${dataset.id}/export?format=jsonl`,
    ];
    const adminPaths = ["/settings/users", "/settings/teams", "/settings/api-tokens", "/settings/webhooks", "/settings/aws-connections"];
    const pages = [
      ...Object.keys(ROLES).flatMap((role) => consolePaths.map((path) => ({ role, path }))),
      ...adminPaths.map((path) => ({ role: "admin", path })),
    ];
    const apiReads = [
      "/api/v1/use-cases", "/api/v1/use-cases?page=2", "/api/v1/use-cases?q=triage", `/api/v1/use-cases/${useCase.id}`,
      `/api/v1/use-cases/${useCase.id}/prompts`, `/api/v1/use-cases/${useCase.id}/guardrails`, `/api/v1/prompts/${prompt.id}`,
      `/api/v1/guardrails/${guardrail.id}`, "/api/v1/runtime/support-triage?environment=prod", "/api/v1/runtime/support-triage?environment=dev",
    ];
    const render = { path: `/api/v1/prompts/${prompt.id}/versions/${prompt.versions[0]!.number}/render`, body: JSON.stringify({ variables: { product: "Billing", ticket: "I was charged twice this month." } }) };
    return { store, fixture: { readToken, writeToken, pages, apiReads, render, draftUseCaseIds: drafts.map((d) => d.id), teamId: store.tokenTeamId } };
  } finally {
    await store.database!.close();
  }
}

async function soak(backend: Backend) {
  log(`${backend}: preparing the store`);
  const { store, fixture } = await prepare(backend);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const port = await freePort();
  const inspectPort = await freePort();
  const server = startServer({ port, env: serverEnv({ ...store.serverEnv, PORT: String(port) }), nodeFlags: [`--inspect=127.0.0.1:${inspectPort}`], logFile: path.join(RESULTS_DIR, `soak.${backend}.server.log`) });
  try {
    await waitForStatus(server, "/sign-in");
    const inspector = await connectInspector(inspectPort);
    const cookies: Record<string, string> = {};
    for (const [role, email] of Object.entries(ROLES)) cookies[role] = await signInCookie(port, email, PASSWORD);
    // Each role gets the pages it may open (a viewer's 403 on settings is not the load we want).
    const pages = [];
    for (const page of fixture.pages) {
      const reply = await httpRequest(port, "GET", page.path, { headers: { cookie: cookies[page.role] } });
      if (reply.status === 200) pages.push(page);
    }
    log(`${backend}: ${pages.length} of ${fixture.pages.length} role × page pairs answer 200 and are in the mix`);
    const full: Fixture = { ...fixture, cookies, pages };
    const minutes: Minute[] = [];
    const sample = async (minute: number, phase: Minute["phase"], done: Done[], errorsSeen: string[]) => {
      // From the last load minute on, memory is only watched (no forced GC: does it come back by
      // itself at idle?), but for the very last sample.
      const gc = (phase === "load" && minute < MINUTES) || minute === MINUTES + IDLE_MINUTES;
      const memory = await inspector.sample(server.child.pid!, { gc });
      const row: Minute = { minute, phase, requests: done.length, errors: done.filter((s) => !s.ok).length, p95Ms: p95(done), kinds: byKind(done), ...memory };
      minutes.push(row);
      const memoryText = gc ? `RSS ${row.rssBeforeGcMb} MB, after GC: heap ${row.heapUsedMb} MB, RSS ${row.rssMb} MB` : `RSS ${row.rssMb} MB (no GC forced)`;
      log(`${backend} ${phase} minute ${minute}: ${row.requests} requests, ${row.errors} errors, p95 ${row.p95Ms} ms, ${memoryText}${errorsSeen.length ? ` — e.g. ${errorsSeen.at(-1)}` : ""}`);
    };
    minutes.push({ minute: 0, phase: "load", requests: 0, errors: 0, p95Ms: 0, kinds: {}, ...(await inspector.sample(server.child.pid!, { gc: true })) });

    // Load: closed-loop clients; every minute the requests of that minute are summarised and memory sampled.
    let current: Done[] = [];
    const errorsSeen: string[] = [];
    const end = performance.now() + MINUTES * 60_000;
    const clients = Array.from({ length: CLIENTS }, async (_, i) => {
      const next = makeStepPicker(full, 1000 + i, { writes: WRITES });
      while (performance.now() < end) {
        const step = next();
        const t = performance.now();
        let ok = false;
        try {
          if (step.kind === "sign-in") {
            await signInCookie(port, ROLES[step.role as keyof typeof ROLES], PASSWORD);
            ok = true;
          } else {
            const reply = await httpRequest(port, step.method, step.path, { headers: step.headers, body: step.body, timeoutMs: 30_000 });
            ok = reply.status === step.expect;
            if (!ok) errorsSeen.push(`${step.method} ${step.path} → ${reply.status} ${reply.body.slice(0, 120)}`);
          }
        } catch (error) {
          errorsSeen.push(`${step.kind === "sign-in" ? `sign-in as ${step.role}` : `${step.method} ${step.path}`} → ${(error as Error).message}`);
        }
        current.push({ kind: step.kind, ms: performance.now() - t, ok });
      }
    });
    for (let minute = 1; minute <= MINUTES; minute++) {
      await sleep(Math.max(0, end - (MINUTES - minute) * 60_000 - performance.now()));
      const done = current;
      current = [];
      await sample(minute, "load", done, errorsSeen.splice(0));
    }
    await Promise.all(clients);
    for (let minute = MINUTES + 1; minute <= MINUTES + IDLE_MINUTES; minute++) {
      await sleep(60_000);
      await sample(minute, "idle", [], []);
    }
    inspector.close();
    return summarise(backend, minutes);
  } finally {
    await server.stop();
    await store.dispose();
  }
}

const slope = (points: [number, number][]) => {
  const line = fitLine(points);
  return { mbPerMin: round(line.slope, 2), interval: [round(line.slope - 2 * line.slopeError, 2), round(line.slope + 2 * line.slopeError, 2)] };
};
const show = (s: ReturnType<typeof slope>) => `${s.mbPerMin} [${s.interval.join(", ")}]`;

/** RSS figures are as the process holds it (read before the minute's forced GC) unless named "after GC". */
function summarise(backend: Backend, minutes: Minute[]) {
  const load = minutes.filter((m) => m.phase === "load" && m.minute > 0);
  const trend = load.slice(-TREND_MINUTES);
  const steady = load.slice(-10);
  // After-GC figures only from minutes that collected (the last load minute does not).
  const collectedTrend = trend.filter((m) => m.gc);
  const collectedSteady = steady.filter((m) => m.gc);
  const afterWarmup = load.find((m) => m.minute === WARMUP_MINUTES) ?? load[0]!;
  return {
    backend,
    requests: load.reduce((n, m) => n + m.requests, 0),
    errors: load.reduce((n, m) => n + m.errors, 0),
    rssAtStartMb: minutes[0]!.rssBeforeGcMb,
    rssAfterWarmupMb: afterWarmup.rssBeforeGcMb,
    rssSlope: slope(trend.map((m) => [m.minute, m.rssBeforeGcMb])),
    rssAfterGcSlope: slope(collectedTrend.map((m) => [m.minute, m.rssMb])),
    heapAfterGcSlope: slope(collectedTrend.map((m) => [m.minute, m.heapUsedMb])),
    steadyRssMb: round(median(steady.map((m) => m.rssBeforeGcMb))),
    steadyRssAfterGcMb: round(median(collectedSteady.map((m) => m.rssMb))),
    steadyHeapAfterGcMb: round(median(collectedSteady.map((m) => m.heapUsedMb))),
    maxRssMb: Math.max(...minutes.map((m) => m.rssBeforeGcMb)),
    // The last idle minute: RSS after IDLE_MINUTES without traffic or forced GC, then after one.
    idleRssMb: minutes.filter((m) => m.phase === "idle").at(-1)?.rssBeforeGcMb,
    idleRssAfterGcMb: minutes.filter((m) => m.phase === "idle").at(-1)?.rssMb,
    minutes,
  };
}

runBenchmark("soak", (MINUTES + IDLE_MINUTES + 15) * 60_000 * BACKENDS.length, async () => {
  await ensureBuild();
  const results = [];
  for (const backend of BACKENDS) results.push(await soak(backend));
  const file = writeResult(`soak.${BACKENDS.join("+")}${WRITES ? "" : ".no-writes"}`, { writes: WRITES, minutes: MINUTES, idleMinutes: IDLE_MINUTES, clients: CLIENTS, machine: await machineInfo(), results });
  const trend = `last ${TREND_MINUTES} min, MB/min [≈95 %]`;
  console.log(
    "\n" +
      table(
        ["backend", "requests", "errors", "RSS start", `RSS @${WARMUP_MINUTES} min`, `RSS slope, ${trend}`, `RSS after GC slope`, `heap after GC slope`, "steady RSS", "steady RSS after GC", "steady heap after GC", "max RSS", "idle RSS", "idle RSS after GC"],
        results.map((r) => [
          r.backend, r.requests, r.errors, `${r.rssAtStartMb} MB`, `${r.rssAfterWarmupMb} MB`, show(r.rssSlope), show(r.rssAfterGcSlope), show(r.heapAfterGcSlope),
          `${r.steadyRssMb} MB`, `${r.steadyRssAfterGcMb} MB`, `${r.steadyHeapAfterGcMb} MB`, `${r.maxRssMb} MB`, `${r.idleRssMb ?? "–"} MB`, `${r.idleRssAfterGcMb ?? "–"} MB`,
        ]),
      ) +
      `\nwritten to ${file}`,
  );
});
