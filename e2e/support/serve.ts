// Starts a throwaway Strata for the e2e run: a fresh PGlite directory, or (with --postgres) a
// freshly created database on the local PostgreSQL of TEST_DATABASE_URL, seeded with the demo org.
import { spawn } from "node:child_process";
import fs from "node:fs";
import pg from "pg";

const postgres = process.argv.includes("--postgres");
const env: NodeJS.ProcessEnv = { ...process.env, STRATA_SKIP_BUILD: "1" };

if (postgres) {
  const admin = process.env.TEST_DATABASE_URL!;
  const host = new URL(admin).hostname;
  if (!["127.0.0.1", "localhost"].includes(host)) throw new Error(`refusing non-local e2e database ${host}`);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  const name = process.env.E2E_DATABASE_NAME ?? "strata_e2e";
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad e2e database name ${name}`);
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  Object.assign(env, { DATABASE_URL: url.toString(), STRATA_SEED_DEMO: "true", NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-42" });
} else {
  fs.rmSync(env.STRATA_DATA_DIR!, { recursive: true, force: true });
}

const child = spawn("npx", ["tsx", "scripts/start.ts"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
