// The Strata server of a benchmark, started exactly as `npm start` starts it (scripts/start.ts
// via npx tsx) in its own process group, and the probes that wait for it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { httpGet, onCleanup, ROOT, sleep, withTimeout } from "./support-core";
import { liveGroupMembers } from "./cpu";
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
