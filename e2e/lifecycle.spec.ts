import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, test, uniqueName, USERS } from "./fixtures";

// Process-level behaviour of `npm start` on an embedded data directory: one owner at a time,
// clean shutdown on SIGTERM, and committed data surviving a kill -9. Uses the build the e2e
// web server already made.
const PORT = Number(process.env.E2E_PORT_BASE ?? 3100) + 10;
const DIR = `.data/e2e-lifecycle-${PORT}`;
const env = (port: number) => ({ ...process.env, STRATA_SKIP_BUILD: "1", STRATA_DATA_DIR: DIR, PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}`, OIDC_ISSUER: "", OIDC_CLIENT_ID: "", OIDC_CLIENT_SECRET: "" });

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function start(port: number): Started {
  const child = spawn("npx", ["tsx", "scripts/start.ts"], { env: env(port), detached: false });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function ready(s: Started, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (/Strata ready on/.test(s.output())) return;
    if (s.child.exitCode !== null) throw new Error(`exited early:\n${s.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not ready in time:\n${s.output()}`);
}

async function signInAt(page: Page, origin: string) {
  await page.context().clearCookies();
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email").fill(USERS.owner);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

// npx and tsx wrap the server process; the lock file names the process that really owns the
// directory, so signals go to that one.
const lockHolder = () => JSON.parse(fs.readFileSync(`${DIR}/strata.lock`, "utf8")).pid as number;

test.describe.configure({ mode: "serial" });

test("one process per data directory, clean shutdown, and data that survives kill -9", async ({ page }) => {
  test.setTimeout(180_000);
  fs.rmSync(DIR, { recursive: true, force: true });

  const first = start(PORT + 0);
  await ready(first);
  expect(first.output()).toContain("demo organisation seeded");

  const second = start(PORT + 1);
  expect(await second.exited).toBe(1);
  expect(second.output()).toMatch(new RegExp(`in use by process ${lockHolder()}`));

  process.kill(lockHolder(), "SIGTERM");
  await first.exited;
  expect(first.output()).toContain("closing the database");
  expect(fs.existsSync(`${DIR}/strata.lock`)).toBe(false);

  const third = start(PORT + 2);
  await ready(third);
  expect(third.output()).not.toContain("demo organisation seeded");
  await signInAt(page, `http://localhost:${PORT + 2}`);
  const name = uniqueName("Written before kill");
  await page.goto(`http://localhost:${PORT + 2}/use-cases/new`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Business owner").fill("Durability test");
  await page.getByRole("button", { name: "Register use case" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  process.kill(lockHolder(), "SIGKILL");
  third.child.kill("SIGKILL");
  await third.exited;

  const fourth = start(PORT + 3);
  await ready(fourth);
  await signInAt(page, `http://localhost:${PORT + 3}`);
  await page.goto(`http://localhost:${PORT + 3}/use-cases?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("link", { name })).toBeVisible();
  process.kill(lockHolder(), "SIGTERM");
  await fourth.exited;
});
