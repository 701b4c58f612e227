import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor } from "@/lib/testing/fixtures";
import type { UserActor } from "@/lib/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createApiToken } from "./create-api-token";
import { revokeApiToken } from "./revoke-api-token";
import { authenticateApiToken } from "./authenticate-api-token";
import { listApiTokens } from "./queries";
import { API_TOKEN_PATTERN, hashApiToken } from "./token";

let database: Database;
let teamId: string;
let admin: UserActor;
let owner: UserActor;

beforeAll(async () => {
  database = await createTestDatabase();
  teamId = (await createTeam(database.prisma, "Platform")).id;
  admin = await createUserActor(database.prisma, "ADMIN");
  owner = await createUserActor(database.prisma, "PRODUCT_OWNER", [teamId]);
});
afterAll(async () => database?.close());

const as = (actor: UserActor) => ctxFor(database.prisma, actor);
const input = (overrides: Record<string, unknown> = {}) => ({ teamId, name: "CI pipeline", permissions: ["use-cases:read"], ...overrides });
const bearer = (token: string) => `Bearer ${token}`;

describe("API tokens", () => {
  it("returns the secret once, stores only its hash, and audits metadata without the secret", async () => {
    const { token, apiToken } = await createApiToken(as(admin), input({ permissions: ["use-cases:write", "use-cases:read", "use-cases:write"] }));
    expect(token).toMatch(API_TOKEN_PATTERN);
    expect(token.split("_").slice(2).join("_").length).toBeGreaterThanOrEqual(32);
    expect(token.startsWith(`strata_${apiToken.prefix}_`)).toBe(true);
    expect(apiToken).toMatchObject({ teamId, name: "CI pipeline", permissions: ["use-cases:write", "use-cases:read"], createdById: admin.id, revokedAt: null });

    const row = await database.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token.slice(16));

    const events = await database.prisma.auditEvent.findMany({ where: { resourceId: apiToken.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "api-token.create", resourceType: "api-token", actorId: admin.id });
    const logged = JSON.stringify([events[0]!.before, events[0]!.after]);
    expect(logged).not.toContain(token.slice(16));
    expect(logged).not.toContain(row.tokenHash);
    expect(events[0]!.after).toMatchObject({ prefix: apiToken.prefix, permissions: ["use-cases:write", "use-cases:read"] });
  });

  it("lets only admins create, names every invalid field, and writes nothing when refused", async () => {
    const before = [await database.prisma.apiToken.count(), await database.prisma.auditEvent.count()];
    await expect(createApiToken(as(owner), input())).rejects.toMatchObject({ code: "FORBIDDEN" });
    const invalid = await createApiToken(as(admin), { teamId, name: "", permissions: ["admin:everything"] }).catch((e) => e);
    expect(invalid).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(invalid.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(["name", "permissions.0"]);
    await expect(createApiToken(as(admin), input({ permissions: [] }))).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("permissions") });
    await expect(createApiToken(as(admin), input({ name: "x".repeat(81) }))).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(createApiToken(as(admin), input({ teamId: "team_nope" }))).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("teamId") });
    expect([await database.prisma.apiToken.count(), await database.prisma.auditEvent.count()]).toEqual(before);
  });

  it("authenticates a bearer token into a team-scoped actor", async () => {
    const { token, apiToken } = await createApiToken(as(admin), input({ name: "Deployer", permissions: ["use-cases:write"] }));
    const actor = await authenticateApiToken(database.prisma, bearer(token));
    expect(actor).toEqual({ kind: "token", id: apiToken.id, name: "Deployer", teamId, scopes: ["use-cases:write"] });
    expect(await authenticateApiToken(database.prisma, `bearer   ${token}  `)).toMatchObject({ id: apiToken.id });
  });

  it.each([
    ["no header", null, "Missing API token"],
    ["another scheme", "Basic dXNlcjpwYXNz", "Missing API token"],
    ["an empty bearer", "Bearer ", "Missing API token"],
    ["a malformed token", "Bearer not-a-token", "Unknown or revoked API token"],
    ["an unknown token", `Bearer strata_abcdefgh_${"A".repeat(43)}`, "Unknown or revoked API token"],
  ])("refuses %s with UNAUTHENTICATED", async (_name, header, message) => {
    await expect(authenticateApiToken(database.prisma, header)).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining(message) });
  });

  it("records lastUsedAt at most once a minute, without an audit event", async () => {
    const { token, apiToken } = await createApiToken(as(admin), input());
    const lastUsed = async () => (await database.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt;
    const auditBefore = await database.prisma.auditEvent.count();
    const t0 = new Date("2030-01-01T10:00:00.000Z");
    await authenticateApiToken(database.prisma, bearer(token), t0);
    expect(await lastUsed()).toEqual(t0);
    await authenticateApiToken(database.prisma, bearer(token), new Date(t0.getTime() + 59_000));
    expect(await lastUsed()).toEqual(t0);
    const t1 = new Date(t0.getTime() + 61_000);
    await authenticateApiToken(database.prisma, bearer(token), t1);
    expect(await lastUsed()).toEqual(t1);
    // A burst of concurrent first uses still leaves one consistent value.
    const t2 = new Date(t1.getTime() + 120_000);
    await Promise.all(Array.from({ length: 5 }, () => authenticateApiToken(database.prisma, bearer(token), t2)));
    expect(await lastUsed()).toEqual(t2);
    expect(await database.prisma.auditEvent.count()).toBe(auditBefore);
  });

  it("revokes once (audited), refuses a second revocation with 409, and stops authenticating", async () => {
    const { token, apiToken } = await createApiToken(as(admin), input());
    await expect(revokeApiToken(as(owner), apiToken.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const revoked = await revokeApiToken(as(admin), apiToken.id);
    expect(revoked.revokedAt).not.toBeNull();
    await expect(revokeApiToken(as(admin), apiToken.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already revoked") });
    await expect(revokeApiToken(as(admin), "tok_missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(authenticateApiToken(database.prisma, bearer(token))).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "Unknown or revoked API token" });
    const events = await database.prisma.auditEvent.findMany({ where: { resourceId: apiToken.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["api-token.create", "api-token.revoke"]);
    expect(events[1]).toMatchObject({ before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt } });
  });

  it("lets exactly one of two concurrent revocations through", async () => {
    const { apiToken } = await createApiToken(as(admin), input());
    const results = await Promise.allSettled([revokeApiToken(as(admin), apiToken.id), revokeApiToken(as(admin), apiToken.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect(await database.prisma.auditEvent.count({ where: { resourceId: apiToken.id, action: "api-token.revoke" } })).toBe(1);
    expect(await verifyAuditChain(database.prisma)).toMatchObject({ ok: true });
  });

  it("lists tokens for admins with the team name and never a hash", async () => {
    const other = await createTeam(database.prisma, "Listing");
    const { apiToken } = await createApiToken(as(admin), input({ teamId: other.id, name: "Lister" }));
    await expect(listApiTokens(as(owner))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const rows = await listApiTokens(as(admin), { teamId: other.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: apiToken.id, prefix: apiToken.prefix, team: { name: "Listing" }, permissions: ["use-cases:read"], lastUsedAt: null, revokedAt: null });
    const all = await listApiTokens(as(admin));
    expect(all.length).toBeGreaterThan(1);
    expect(all.findIndex((t) => t.revokedAt)).toBeGreaterThan(all.findLastIndex((t) => !t.revokedAt));
    for (const row of all) expect(Object.keys(row)).not.toContain("tokenHash");
  });
});
