/// <reference types="vite/client" />
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { registerDatabase } from "@/lib/db/registry";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { ROLES, type RoleName, type UserActor } from "@/lib/permissions";
import { changedTables, databaseFingerprint } from "@/lib/testing/database-fingerprint";
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
 * in app/rbac-matrix*.rows.ts saying which roles of the owning team may call it; each row is
 * then called as every role and as a product owner / engineer of another team through the real
 * entry point — permission check, service, database, audit. Only the signed-in user is supplied
 * by the test. Whether an action is team-owned is not declared by its row but observed: if a
 * permitted call writes, the action is a mutation and another team's callers must be refused;
 * no refused call may write anything. Every mutating route is called with a token of every
 * scope, of the owning team and of another team; another team's token is always refused.
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
/** One call of a row as one caller, and the tables it changed. */
type Call = { caller: Caller; verdict: string; wrote: string[] };

async function callAs(row: Row, caller: Caller): Promise<Call> {
  const args = await row.setup(fx);
  const before = await databaseFingerprint(database.sql);
  request.actor = caller.actor;
  const result = await row.call(args).finally(() => (request.actor = null));
  const wrote = changedTables(before, await databaseFingerprint(database.sql));
  const verdict = result.ok ? "allow" : result.error.code === "FORBIDDEN" ? "deny" : `error ${result.error.code}: ${result.error.message}`;
  return { caller, verdict, wrote };
}

const byLabel = <T>(calls: Call[], value: (c: Call) => T) => Object.fromEntries(calls.map((c) => [c.caller.label, value(c)]));

const tokenAuditCount = async () =>
  Number((await database.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE "actorRole" = 'API_TOKEN'`))[0]!.n);

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
    it(`${name}: allowed for ${row.allowed.join(", ")}; another team's callers refused if it writes; nothing written unless allowed`, async () => {
      const calls: Call[] = [];
      for (const caller of callers) calls.push(await callAs(row, caller));
      // Observed, never declared: an action is a mutation when a permitted caller of the owning
      // team changed the database. A mutation is the owning team's (reviewers and admins, who
      // act for every team, are same-team callers here); reads are organisation-wide by design,
      // so another team's caller may be allowed one, provided it writes nothing.
      const isMutation = calls.some((c) => c.caller.sameTeam && c.verdict === "allow" && c.wrote.length > 0);
      const expectedVerdict = ({ caller, verdict }: Call) => {
        if (!row.allowed.includes(caller.role)) return "deny";
        if (caller.sameTeam) return "allow";
        if (isMutation) return "deny";
        return verdict === "allow" || verdict === "deny" ? verdict : "allow or deny";
      };
      expect(byLabel(calls, (c) => c.verdict)).toEqual(byLabel(calls, expectedVerdict));
      // Only a permitted caller of the owning team writes, and every write is audited with it.
      const wrote = calls.filter((c) => c.wrote.length > 0);
      const permittedWrite = (c: Call) => c.caller.sameTeam && c.verdict === "allow";
      expect(byLabel(wrote, (c) => c.wrote)).toEqual(byLabel(wrote.filter(permittedWrite), (c) => [...new Set([...c.wrote, "AuditEvent"])].sort()));
    });
  }

  for (const [route, row] of Object.entries(ROUTE_MATRIX)) {
    it(`${route}: token scopes ${row.allowed.join(", ")} of the owning team only; another team's token refused`, async () => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const caller of TOKEN_CALLERS) {
        const audited = await tokenAuditCount();
        const status = await row.call(fx, caller);
        // 404 is how the API denies another team's resource without revealing it exists.
        const verdict = status >= 200 && status < 300 ? "allow" : status === 403 || status === 404 ? "deny" : `status ${status}`;
        // A refused token leaves no trace in the audit trail: nothing was done in its name.
        outcomes[caller] = verdict === "allow" || (await tokenAuditCount()) === audited ? verdict : `${verdict}, but audited`;
        expected[caller] = (row.allowed as string[]).includes(caller) ? "allow" : "deny";
      }
      expect(outcomes).toEqual(expected);
    });
  }
});
