import { defineConfig, devices } from "@playwright/test";

// Playwright drives Debian's Chromium (never a downloaded browser). The app is built once, then
// started on a throwaway PGlite directory (and, when TEST_DATABASE_URL is set, a second instance
// on a fresh PostgreSQL database) next to a real local OpenID provider.
// E2E_PORT_BASE lets two checkouts run the suite side by side on one machine.
const BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
const PGLITE_URL = `http://localhost:${BASE}`;
const POSTGRES_URL = `http://localhost:${BASE + 1}`;
const OIDC_PORT = BASE + 801;
const FAKE_AWS_PORT = BASE + 802;
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
const RELEASE_FLOW = /release-flow\.spec\.ts$/;

const appEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
  OIDC_CLIENT_ID: "strata-e2e",
  OIDC_CLIENT_SECRET: "strata-e2e-client-secret-0123456789",
  OIDC_DISPLAY_NAME: "Example SSO",
  OIDC_ROLE_MAP: "strata-admins=ADMIN,strata-reviewers=REVIEWER,strata-owners=PRODUCT_OWNER",
  // Static fake credentials for the AWS provider chain: the only AWS endpoint in e2e is the local fake.
  AWS_ACCESS_KEY_ID: "AKIDE2EFAKEFAKEFAKE",
  AWS_SECRET_ACCESS_KEY: "e2e-fake-secret",
  AWS_REGION: "us-east-1",
  // The webhook receivers of e2e/webhooks.spec.ts listen on 127.0.0.1, refused by default.
  STRATA_WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
  // Sign-in throttling is per client address: tests act from several by sending X-Forwarded-For.
  STRATA_TRUSTED_PROXY_HOPS: "1",
};

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  },
};

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { trace: "retain-on-failure", screenshot: "only-on-failure" },
  // The end-to-end release flow promotes and rolls back the demo use case in prod, which other
  // specs read: it runs after them (its own project, depending on theirs) instead of racing them.
  projects: [
    { name: "pglite", use: { ...chromium, baseURL: PGLITE_URL }, testIgnore: RELEASE_FLOW },
    { name: "pglite-flow", use: { ...chromium, baseURL: PGLITE_URL }, testMatch: RELEASE_FLOW, dependencies: ["pglite"] },
    ...(withPostgres
      ? [
          { name: "postgres", use: { ...chromium, baseURL: POSTGRES_URL }, grep: /@postgres/, testIgnore: RELEASE_FLOW },
          { name: "postgres-flow", use: { ...chromium, baseURL: POSTGRES_URL }, grep: /@postgres/, testMatch: RELEASE_FLOW, dependencies: ["postgres"] },
        ]
      : []),
  ],
  // Started one after the other: the PGlite instance builds the app, the PostgreSQL one reuses it.
  webServer: [
    {
      command: "npx tsx e2e/support/oidc-server.ts",
      url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
      env: { OIDC_PORT: String(OIDC_PORT), OIDC_APP_ORIGINS: `${PGLITE_URL},${POSTGRES_URL}` },
      timeout: 30_000,
    },
    {
      command: "npx tsx e2e/support/fake-aws.ts",
      url: `http://127.0.0.1:${FAKE_AWS_PORT}/__fake/state`,
      env: { FAKE_AWS_PORT: String(FAKE_AWS_PORT) },
      timeout: 30_000,
    },
    {
      command: "npx next build && npx tsx e2e/support/serve.ts",
      url: `${PGLITE_URL}/sign-in`,
      env: { ...appEnv, PORT: String(BASE), STRATA_DATA_DIR: `.data/e2e-${BASE}`, NEXTAUTH_URL: PGLITE_URL },
      timeout: 300_000,
    },
    ...(withPostgres
      ? [
          {
            command: "npx tsx e2e/support/serve.ts --postgres",
            url: `${POSTGRES_URL}/sign-in`,
            env: { ...appEnv, PORT: String(BASE + 1), NEXTAUTH_URL: POSTGRES_URL, TEST_DATABASE_URL: process.env.TEST_DATABASE_URL!, E2E_DATABASE_NAME: `strata_e2e_${BASE}` },
            timeout: 120_000,
          },
        ]
      : []),
  ],
});
