// `npm start`: validate the environment, build if the build is missing or stale, open and lock
// the database, migrate, seed on first embedded run, then serve Next.js from this process so the
// embedded PGlite lives (and closes cleanly) with it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { registerDatabase } from "@/lib/db/registry";
import { answerBeforeNext } from "@/lib/http/answer-before-next";
import { startWebhookDispatcher } from "@/lib/webhooks/webhook-dispatcher";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/auth/client-address";
import { ensureEmbeddedSecret, fail, loadEnv, prepareDatabase } from "./boot";

const dev = process.argv.includes("--dev");
const started = Date.now();
const env = loadEnv();
const port = env.PORT;
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
if (!env.DATABASE_URL) ensureEmbeddedSecret(env.STRATA_DATA_DIR);

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfStale() {
  const buildId = path.join(".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sourceAt = Math.max(...["app", "components", "lib", "public"].filter(fs.existsSync).map(newestSourceMtime));
  if (builtAt > sourceAt) return;
  console.log(builtAt ? "Sources changed since the last build — rebuilding…" : "First start — building the console (about a minute)…");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) fail("the build failed (see above)");
}

async function main() {
  // The database first: a second start on a locked data directory must fail at once, not
  // after a build.
  const database = await prepareDatabase(env);
  registerDatabase(database);
  if (!dev && !process.env.STRATA_SKIP_BUILD) buildIfStale();

  // Next's custom-server contract: NODE_ENV must say production before Next (and the React and
  // Prisma runtimes it loads) are imported, or they run their slower development paths.
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  const { default: next } = await import("next");
  const app = next({ dev, dir: process.cwd(), port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    // From the socket (or the trusted proxies), never from the client: sign-in throttling keys on it.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], env.STRATA_TRUSTED_PROXY_HOPS);
    // Some requests fail inside Next.js before any of our code runs: answered first, here.
    if (!answerBeforeNext(req, res)) void handle(req, res);
  });
  // Webhook deliveries go out from this process, next to the embedded database they are queued in.
  const stopDispatcher = startWebhookDispatcher(database.prisma);
  server.on("error", async (error: NodeJS.ErrnoException) => {
    await stopDispatcher();
    await database.close();
    fail(error.code === "EADDRINUSE" ? `port ${port} is already in use (set PORT to another port)` : error.message);
  });
  server.listen(port, () => {
    const mode = env.DATABASE_URL ? "PostgreSQL" : `embedded PGlite in ${env.STRATA_DATA_DIR}`;
    console.log(`Strata ready on http://localhost:${port} (${mode}) in ${Date.now() - started} ms`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received — finishing requests, closing the database and stopping`);
    // Stop accepting, let requests in flight finish (up to 5 s), then close the database.
    server.closeIdleConnections();
    await Promise.race([new Promise((resolve) => server.close(resolve)), new Promise((resolve) => setTimeout(resolve, 5000))]);
    server.closeAllConnections();
    await stopDispatcher();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

void main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
