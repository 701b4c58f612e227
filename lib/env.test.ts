import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { envShape, EnvError, parseEnv } from "./env";

const problems = (source: Record<string, string>) => {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    return (error as EnvError).problems;
  }
};

describe("environment", () => {
  it("needs nothing in embedded mode and applies defaults", () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, STRATA_DATA_DIR: ".data", SESSION_MAX_AGE_SECONDS: 28800, STRATA_SEED_DEMO: false });
  });

  it("names the variable that is wrong and why", () => {
    expect(problems({ PORT: "http" })).toEqual([expect.stringMatching(/^PORT /)]);
    expect(problems({ DATABASE_URL: "mysql://x", NEXTAUTH_SECRET: "x".repeat(32) })).toEqual(["DATABASE_URL must be a postgresql:// connection URL"]);
    expect(problems({ DATABASE_URL: "postgresql://localhost/x" })).toEqual(["NEXTAUTH_SECRET is required when DATABASE_URL is set"]);
    expect(problems({ NEXTAUTH_SECRET: "short" })).toEqual(["NEXTAUTH_SECRET must be at least 32 characters"]);
    expect(problems({ OIDC_ISSUER: "https://idp.example.com" })).toEqual(
      expect.arrayContaining(["OIDC_CLIENT_ID is required when single sign-on is configured", "OIDC_CLIENT_SECRET is required when single sign-on is configured"]),
    );
    expect(problems({ OIDC_ROLE_MAP: "admins=SUPERUSER" })[0]).toMatch(/^OIDC_ROLE_MAP must look like group=ROLE/);
    expect(problems({ STRATA_BOOTSTRAP_ADMIN_EMAIL: "a@b.co" })).toEqual(["STRATA_BOOTSTRAP_ADMIN_PASSWORD is required together with the other bootstrap admin variable"]);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", OIDC_ISSUER: "", PORT: "" })).toMatchObject({ DATABASE_URL: undefined, PORT: 3000 });
  });

  it("documents every variable in .env.example", () => {
    const example = fs.readFileSync(".env.example", "utf8");
    const documented = new Set([...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const shape = Object.keys(envShape.shape);
    expect(shape.length).toBeGreaterThan(10);
    expect(shape.filter((k) => !documented.has(k))).toEqual([]);
  });
});
