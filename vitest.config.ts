import path from "node:path";
import { defineConfig } from "vitest/config";

// Service tests run on PGlite always, and again on PostgreSQL when TEST_DATABASE_URL is set
// (CI sets it). Each test file opens its own fresh database (lib/testing/test-database.ts).
const shared = {
  include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};
const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/testing/empty.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { ...shared, name: "pglite", env: { STRATA_TEST_DB: "pglite" } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ resolve: { alias }, test: { ...shared, name: "postgres", env: { STRATA_TEST_DB: "postgres" } } }]
        : []),
    ],
  },
});
