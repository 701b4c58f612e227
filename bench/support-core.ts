// The core of the benchmarks' helpers: logging, timeouts, cleanup on any exit, the build
// check, free ports and HTTP probes. Everything here talks to 127.0.0.1 only.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";

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

export type HttpResult = { status: number; body: string; setCookie: string[] };
type HttpOptions = { headers?: http.OutgoingHttpHeaders; agent?: http.Agent; timeoutMs?: number; keepBody?: boolean; body?: string };

/** One request to 127.0.0.1; resolves with the status, body and cookies set, rejects on network errors/timeout. */
export function httpRequest(port: number, method: string, pathWithQuery: string, options: HttpOptions = {}): Promise<HttpResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathWithQuery, method, headers: options.headers, agent: options.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => {
        if (options.keepBody !== false) chunks.push(chunk);
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), setCookie: res.headers["set-cookie"] ?? [] }));
      res.on("error", reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${pathWithQuery}: timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(options.body);
  });
}

/** One GET to 127.0.0.1 (httpRequest). */
export const httpGet = (port: number, pathWithQuery: string, options: Omit<HttpOptions, "body"> = {}) => httpRequest(port, "GET", pathWithQuery, options);
