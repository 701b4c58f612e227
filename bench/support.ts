// Shared helpers for the benchmarks: build check, free ports, starting and stopping a real
// `scripts/start.ts` server in its own process group, HTTP probes, statistics and reporting.
// Everything here talks to 127.0.0.1 only.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const RESULTS_DIR = path.join(ROOT, "bench", "results");

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function log(message: string) {
  const t = new Date().toISOString().slice(11, 23);
  console.log(`[${t}] ${message}`);
}

/** Rejects after `ms` with a message naming what was being waited for. */
export async function withTimeout<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// Cleanup: every resource a benchmark creates registers its undo here, so Ctrl-C, a timeout or
// a crash still stops the servers, drops the databases and removes the directories.

const cleanups: { label: string; fn: () => Promise<void> | void }[] = [];

export function onCleanup(label: string, fn: () => Promise<void> | void): () => void {
  const entry = { label, fn };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** Registers `fn` for emergency cleanup and returns a function that runs it now (once). */
export function scopedCleanup(label: string, fn: () => Promise<void> | void): () => Promise<void> {
  let done = false;
  const unregister = onCleanup(label, async () => {
    done = true;
    await fn();
  });
  return async () => {
    if (done) return;
    done = true;
    unregister();
    await fn();
  };
}

export async function runCleanups() {
  while (cleanups.length) {
    const { label, fn } = cleanups.pop()!;
    try {
      await withTimeout(`cleanup ${label}`, 60_000, Promise.resolve().then(fn));
    } catch (error) {
      console.error(`  cleanup "${label}" failed: ${(error as Error).message}`);
    }
  }
}

/**
 * Runs a benchmark's main with a hard overall deadline and guaranteed cleanup; exits non-zero
 * on failure.
 */
export function runBenchmark(name: string, deadlineMs: number, main: () => Promise<void>) {
  let finished = false;
  const finish = async (code: number) => {
    if (finished) return;
    finished = true;
    await runCleanups();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      console.error(`\n${signal} — cleaning up`);
      void finish(130);
    });
  }
  const deadline = setTimeout(() => {
    console.error(`\n✖ ${name}: overall deadline of ${deadlineMs / 1000} s exceeded — cleaning up`);
    void finish(2);
  }, deadlineMs);
  deadline.unref();
  main().then(
    () => finish(Number(process.exitCode ?? 0)),
    (error: unknown) => {
      console.error(`\n✖ ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      void finish(1);
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Build

/**
 * `npx next build` when there is no build at all (the benchmarks never time the build). If
 * someone else's build is already running (a shared checkout), waits for its BUILD_ID instead.
 */
export async function ensureBuild() {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (fs.existsSync(buildId)) return;
  log("no .next/BUILD_ID — running `npx next build` first (not part of any measurement)…");
  const result = spawnSync("npx", ["next", "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    timeout: 10 * 60_000,
  });
  if (result.status === 0) return;
  log("the build did not succeed (another build running?) — waiting up to 5 min for .next/BUILD_ID…");
  const deadline = Date.now() + 5 * 60_000;
  while (Date.now() < deadline) {
    if (fs.existsSync(buildId)) {
      await sleep(2_000); // let the other build finish writing
      return;
    }
    await sleep(1_000);
  }
  throw new Error(`next build failed (status ${result.status}, signal ${result.signal}) and no BUILD_ID appeared`);
}

// ---------------------------------------------------------------------------------------------
// Ports and HTTP

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type HttpResult = { status: number; body: string };

/** One GET to 127.0.0.1; resolves with the status and body, rejects on network errors/timeout. */
export function httpGet(
  port: number,
  pathWithQuery: string,
  options: { headers?: http.OutgoingHttpHeaders; agent?: http.Agent; timeoutMs?: number; keepBody?: boolean } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: pathWithQuery, method: "GET", headers: options.headers, agent: options.agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => {
          if (options.keepBody !== false) chunks.push(chunk);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 10_000, () => req.destroy(new Error(`request timed out after ${options.timeoutMs ?? 10_000} ms`)));
    req.on("error", reject);
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// The Strata server, started exactly as `npm start` starts it (scripts/start.ts via npx tsx)

export type StrataServer = {
  port: number;
  child: ChildProcess;
  spawnedAt: number;
  /** performance.now() when the "Strata ready" line was seen on stdout (undefined until then). */
  readyLineAt?: number;
  /** The start script's own "ready in N ms" figure. */
  reportedReadyMs?: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited: () => boolean;
  logTail: () => string;
  stop: () => Promise<{ stopMs: number; code: number | null; signal: NodeJS.Signals | null }>;
};

/** Variables that must not leak from the caller's shell into a benchmark server. */
const SCRUBBED = [
  "DATABASE_URL",
  "STRATA_DATA_DIR",
  "NEXTAUTH_SECRET",
  "NEXTAUTH_URL",
  "STRATA_SEED_DEMO",
  "STRATA_BOOTSTRAP_ADMIN_EMAIL",
  "STRATA_BOOTSTRAP_ADMIN_PASSWORD",
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_ROLE_MAP",
  "OIDC_DEFAULT_ROLE",
  "NODE_ENV",
  "PORT",
];

export function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of SCRUBBED) delete env[key];
  // Present-but-empty: a developer's .env (read by loadEnv without overriding) cannot switch
  // the benchmark to another database; the schema treats "" as unset.
  Object.assign(env, {
    DATABASE_URL: "",
    NEXTAUTH_SECRET: "",
    STRATA_BOOTSTRAP_ADMIN_EMAIL: "",
    STRATA_BOOTSTRAP_ADMIN_PASSWORD: "",
    OIDC_ISSUER: "",
    OIDC_CLIENT_ID: "",
    OIDC_CLIENT_SECRET: "",
    STRATA_SEED_DEMO: "false",
    NODE_ENV: "production",
    STRATA_SKIP_BUILD: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  return Object.assign(env, extra);
}

type ProcStat = { pid: number; comm: string; state: string; pgrp: number; cpuTicks: number };

/** Every process's /proc/<pid>/stat (Linux only; [] elsewhere). */
function readProcStats(): ProcStat[] {
  if (!fs.existsSync("/proc/self/stat")) return [];
  const out: ProcStat[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp … utime(14) stime(15); comm may contain spaces.
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const f = stat.slice(close + 2).split(" ");
    out.push({ pid: Number(entry), comm, state: f[0]!, pgrp: Number(f[2]), cpuTicks: Number(f[11]) + Number(f[12]) });
  }
  return out;
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on every mainstream Linux build

export type CpuSnapshot = { server: Map<number, number>; postgres: Map<number, number>; self: NodeJS.CpuUsage; machineBusyMs: number };

/**
 * CPU time so far of: the server's process group, the local PostgreSQL's backends serving
 * `database` (recognised by their process title; other databases' backends are someone else's),
 * and this process.
 */
export function cpuSnapshot(serverPgid: number, database?: string): CpuSnapshot {
  const server = new Map<number, number>();
  const postgres = new Map<number, number>();
  for (const p of readProcStats()) {
    if (p.pgrp === serverPgid) server.set(p.pid, p.cpuTicks);
    else if (database && p.comm === "postgres") {
      let title = "";
      try {
        title = fs.readFileSync(`/proc/${p.pid}/cmdline`, "utf8");
      } catch {
        continue;
      }
      if (title.includes(` ${database} `)) postgres.set(p.pid, p.cpuTicks);
    }
  }
  return { server, postgres, self: process.cpuUsage(), machineBusyMs: machineBusyMs() };
}

/** Busy (non-idle) CPU ms of the whole machine so far, from /proc/stat (0 when unavailable). */
export function machineBusyMs(): number {
  try {
    const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …
    const busy = cpu.reduce((a, b, i) => (i === 3 || i === 4 || i >= 8 ? a : a + b), 0);
    return (busy * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * On a shared machine: with BENCH_WAIT_QUIET=<seconds>, waits (at most that long) until the whole
 * machine has been under `thresholdPercent` busy for a 3 s window, so that other people's builds
 * and tests do not land in the measurement. Returns the last window's busy share.
 */
export async function waitForQuiet(label: string, thresholdPercent = 20): Promise<number | undefined> {
  const maxWaitMs = Number(process.env.BENCH_WAIT_QUIET ?? 0) * 1000;
  if (!maxWaitMs) return undefined;
  const cores = os.cpus().length;
  const deadline = Date.now() + maxWaitMs;
  let busy = 100;
  let announced = false;
  while (Date.now() < deadline) {
    const a = machineBusyMs();
    const t = performance.now();
    await sleep(3_000);
    busy = round((100 * (machineBusyMs() - a)) / ((performance.now() - t) * cores), 0);
    if (busy < thresholdPercent) return busy;
    if (!announced) log(`  ${label}: machine ${busy} % busy with other work — waiting for a quieter moment (up to ${maxWaitMs / 1000} s)…`);
    announced = true;
  }
  log(`  ${label}: still ${busy} % busy after ${maxWaitMs / 1000} s — measuring anyway`);
  return busy;
}

/** The 1-minute load average (what else the machine was doing). */
export const loadAverage = () => round(os.loadavg()[0] ?? 0, 2);

/** CPU milliseconds spent between two snapshots, per component. */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot) {
  const diff = (x: Map<number, number>, y: Map<number, number>) => {
    let ticks = 0;
    for (const [pid, t] of y) ticks += t - (x.get(pid) ?? 0);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  };
  const self = process.cpuUsage(a.self);
  const serverMs = diff(a.server, b.server);
  const postgresMs = diff(a.postgres, b.postgres);
  const clientMs = (self.user + self.system) / 1000;
  // Everything else the machine did meanwhile: other people's processes, the kernel.
  const otherMs = Math.max(0, b.machineBusyMs - a.machineBusyMs - serverMs - postgresMs - clientMs);
  return { serverMs, postgresMs, clientMs, otherMs };
}

/** Processes in the process group `pgid` that are still running (zombies excluded; Linux /proc). */
function liveGroupMembers(pgid: number): number[] {
  if (!fs.existsSync("/proc/self/stat")) {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  return readProcStats()
    .filter((p) => p.pgrp === pgid && p.state !== "Z")
    .map((p) => p.pid);
}

export function startServer(options: { port: number; env: NodeJS.ProcessEnv; logFile?: string; nodeFlags?: string[] }): StrataServer {
  const spawnedAt = performance.now();
  // `npx tsx scripts/start.ts`, as documented. With nodeFlags (e.g. --cpu-prof, which Node
  // refuses in NODE_OPTIONS): `node <flags> --import tsx scripts/start.ts`, one process.
  const [command, args] = options.nodeFlags
    ? [process.execPath, [...options.nodeFlags, "--import", "tsx", "scripts/start.ts"]]
    : ["npx", ["tsx", "scripts/start.ts"]];
  // Its own process group (detached), so SIGTERM reaches npx, tsx and the node process it runs,
  // and "stopped" can mean "no process of the group is left".
  const child = spawn(command, args, {
    cwd: ROOT,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pgid = child.pid!;
  const logStream = options.logFile ? fs.createWriteStream(options.logFile) : undefined;
  const tail: string[] = [];
  let exitedFlag = false;
  const server: StrataServer = {
    port: options.port,
    child,
    spawnedAt,
    exited: new Promise((resolve) =>
      child.on("exit", (code, signal) => {
        exitedFlag = true;
        resolve({ code, signal });
      }),
    ),
    hasExited: () => exitedFlag,
    logTail: () => tail.join(""),
    async stop() {
      const t0 = performance.now();
      let result: { code: number | null; signal: NodeJS.Signals | null } = { code: null, signal: null };
      void server.exited.then((r) => (result = r));
      try {
        process.kill(-pgid, "SIGTERM");
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + 30_000;
      while (liveGroupMembers(pgid).length && Date.now() < deadline) await sleep(20);
      const stopMs = performance.now() - t0;
      if (liveGroupMembers(pgid).length) {
        console.error(`  server group ${pgid} still running 30 s after SIGTERM — SIGKILL`);
        try {
          process.kill(-pgid, "SIGKILL");
        } catch {
          /* gone */
        }
        await sleep(200);
      }
      await withTimeout("server exit event", 5_000, server.exited).catch(() => undefined);
      logStream?.end();
      unregister();
      return { stopMs, ...result };
    },
  };
  const onData = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    logStream?.write(text);
    tail.push(text);
    if (tail.length > 40) tail.shift();
    if (server.readyLineAt === undefined) {
      const m = /Strata ready on .* in (\d+) ms/.exec(text);
      if (m) {
        server.readyLineAt = performance.now();
        server.reportedReadyMs = Number(m[1]);
      }
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const unregister = onCleanup(`server on port ${options.port}`, async () => {
    await server.stop();
  });
  return server;
}

/** Polls GET `pathWithQuery` until it answers `expectStatus`; returns performance.now() then. */
export async function waitForStatus(server: StrataServer, pathWithQuery: string, expectStatus = 200, timeoutMs = 120_000, intervalMs = 25) {
  const deadline = performance.now() + timeoutMs;
  let last = "no answer yet";
  while (performance.now() < deadline) {
    if (server.hasExited()) throw new Error(`server exited before answering ${pathWithQuery}:\n${server.logTail()}`);
    try {
      const res = await httpGet(server.port, pathWithQuery, { timeoutMs: 30_000, keepBody: false });
      if (res.status === expectStatus) return performance.now();
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(intervalMs);
  }
  throw new Error(`GET ${pathWithQuery} did not return ${expectStatus} within ${timeoutMs} ms (last: ${last}):\n${server.logTail()}`);
}

// ---------------------------------------------------------------------------------------------
// Statistics and reporting

/** Nearest-rank percentile of an ascending-sorted array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);

/** A plain-text table with right-aligned numbers. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) =>
    "| " + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(" | ") + " |";
  const sep = "|" + widths.map((w, c) => (c === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|";
  return [line(cells[0]!), sep, ...cells.slice(1).map(line)].join("\n");
}

export function writeResult(name: string, data: unknown): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  return path.relative(ROOT, file);
}

export async function machineInfo() {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
  };
}
