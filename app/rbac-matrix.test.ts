/// <reference types="vite/client" />
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { registerDatabase } from "@/lib/db/registry";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { ROLES, type RoleName, type UserActor } from "@/lib/permissions";
import { startFakeAws, type FakeAws } from "@/lib/aws/fake/fake-aws-server";
import { saveAwsConnection } from "@/lib/aws-connections/save-aws-connection";
import { MATRIX as CORE_MATRIX, ROUTE_MATRIX as CORE_ROUTE_MATRIX, EXEMPT_ROUTES, TOKEN_CALLERS, type Fixture, type Row, type RouteRow } from "./rbac-matrix.rows";

// Rows of each area (app/rbac-matrix.<area>.rows.ts) join the core rows.
type AreaRows = { MATRIX?: Record<string, Row>; ROUTE_MATRIX?: Record<string, RouteRow> };
const areas = Object.values(import.meta.glob<AreaRows>("./rbac-matrix.*.rows.ts", { eager: true }));
const MATRIX: Record<string, Row> = Object.assign({}, CORE_MATRIX, ...areas.map((a) => a.MATRIX ?? {}));
const ROUTE_MATRIX: Record<string, RouteRow> = Object.assign({}, CORE_ROUTE_MATRIX, ...areas.map((a) => a.ROUTE_MATRIX ?? {}));

/**
 * The RBAC matrix: every server action and every mutating route handler in app/ must have a row
 * in app/rbac-matrix.ts saying which roles may call it; each row is then called as every role
 * (and as a product owner / engineer of another team) through the real entry point — permission
 * check, service, database, audit. Only the signed-in user is supplied by the test.
 */
const request = vi.hoisted(() => ({ actor: null as UserActor | null, origin: "http://localhost:3000" as string | null }));
vi.mock("@/lib/actions/request-context", () => ({
  actionRequest: async () => ({ origin: request.origin, host: "localhost:3000", actor: request.actor }),
}));

const APP = path.join(process.cwd(), "app");

function files(dir: string, name: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full, name) : name.test(e.name) ? [full] : [];
  });
}

function discoverActions(): string[] {
  return files(APP, /\.tsx?$/)
    .filter((f) => /^\s*["']use server["']/.test(fs.readFileSync(f, "utf8")))
    .flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/export\s+(?:async\s+function|const)\s+(\w+)/g)].map((m) => m[1]!));
}

function discoverMutatingRoutes(): string[] {
  return files(APP, /^route\.ts$/).flatMap((f) => {
    const src = fs.readFileSync(f, "utf8");
    const route = "/" + path.relative(APP, path.dirname(f)).split(path.sep).filter((s) => !s.startsWith("(")).join("/");
    const methods = new Set([
      ...[...src.matchAll(/export\s+(?:async\s+function|const)\s+(POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!),
      ...[...src.matchAll(/as\s+(POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!),
    ]);
    return [...methods].map((m) => `${m} ${route}`);
  });
}

let database: Database;
let fake: FakeAws;
let fx: Fixture;
type Caller = { label: string; role: RoleName; actor: UserActor; sameTeam: boolean };
const callers: Caller[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  registerDatabase(database);
  const db = database.prisma;
  const team = (await createTeam(db, "Owning team")).id;
  const other = (await createTeam(db, "Other team")).id;
  for (const role of ROLES) {
    callers.push({ label: role, role, actor: await createUserActor(db, role, [team]), sameTeam: true });
  }
  for (const role of ["PRODUCT_OWNER", "ENGINEER"] as const) {
    callers.push({ label: `${role} of another team`, role, actor: await createUserActor(db, role, [other]), sameTeam: false });
  }
  const owner = callers.find((c) => c.label === "PRODUCT_OWNER")!.actor;
  const admin = callers.find((c) => c.label === "ADMIN")!.actor;
  // Publishing and the playground run for real against the wire-level AWS fake.
  process.env.AWS_ACCESS_KEY_ID = "AKIDMATRIXFAKE";
  process.env.AWS_SECRET_ACCESS_KEY = "matrix-fake-secret";
  fake = await startFakeAws();
  fx = { db, teamId: team, otherTeamId: other, owner: ctxFor(db, owner), admin: ctxFor(db, admin), makeUseCaseInput, awsUrl: fake.url };
  await saveAwsConnection(fx.admin, { environment: "DEV", region: "us-east-1", endpointOverride: fake.url });
});
afterAll(async () => {
  await fake?.close();
  await database?.close();
});

describe("RBAC matrix", () => {
  it("has a row for every server action and every mutating route", () => {
    expect(discoverActions().sort()).toEqual(Object.keys(MATRIX).sort());
    expect(discoverMutatingRoutes().filter((r) => !(r in EXEMPT_ROUTES)).sort()).toEqual(Object.keys(ROUTE_MATRIX).sort());
  });

  it("refuses a state change started from another site (CSRF), or without an Origin, even for an allowed user", async () => {
    const owner = callers.find((c) => c.label === "PRODUCT_OWNER")!.actor;
    const before = await database.prisma.useCase.count();
    for (const origin of ["https://evil.example", null]) {
      request.actor = owner;
      request.origin = origin;
      const result = await MATRIX.createUseCaseAction!.call(await MATRIX.createUseCaseAction!.setup(fx));
      expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: "Cross-site request refused" } });
    }
    request.actor = null;
    request.origin = "http://localhost:3000";
    expect(await database.prisma.useCase.count()).toBe(before);
  });

  for (const [name, row] of Object.entries(MATRIX)) {
    it(`${name}: allowed for ${row.allowed.join(", ")}${row.teamScoped ? " of the owning team" : ""}; denied to everyone else`, async () => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const caller of callers) {
        const args = await row.setup(fx);
        request.actor = caller.actor;
        const result = await row.call(args);
        request.actor = null;
        outcomes[caller.label] = result.ok ? "allow" : result.error.code === "FORBIDDEN" ? "deny" : `error ${result.error.code}: ${result.error.message}`;
        const teamOk = caller.sameTeam || !row.teamScoped;
        expected[caller.label] = row.allowed.includes(caller.role) && teamOk ? "allow" : "deny";
      }
      expect(outcomes).toEqual(expected);
    });
  }

  for (const [route, row] of Object.entries(ROUTE_MATRIX)) {
    it(`${route}: token scopes ${row.allowed.join(", ")} of the owning team only`, async () => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const scope of TOKEN_CALLERS) {
        const status = await row.call(fx, scope);
        // 404 is how the API denies another team's resource without revealing it exists.
        outcomes[scope] = status >= 200 && status < 300 ? "allow" : status === 403 || status === 404 ? "deny" : `status ${status}`;
        expected[scope] = row.allowed.includes(scope) ? "allow" : "deny";
      }
      expect(outcomes).toEqual(expected);
    });
  }
});
