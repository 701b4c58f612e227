import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { registerDatabase } from "@/lib/db/registry";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { hashApiToken } from "@/lib/api-tokens/token";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { submitUseCase } from "@/lib/use-cases/submit-use-case";
import { apiErrorSchema, useCaseDetailResponseSchema, useCaseListResponseSchema, useCaseResponseSchema } from "@/lib/api/schemas";
import { callApi, endlessStream, type CallOptions } from "./test-client";

let database: Database;
let teamA: string;
let teamB: string;
const tokens = { write: "", read: "", otherTeam: "", revoked: "", noScope: "" };
const uc = { a: { id: "", slug: "" }, b: { id: "", slug: "" }, submitted: { id: "", slug: "" } };
const LIMIT = 262_144;

beforeAll(async () => {
  database = await createTestDatabase();
  registerDatabase(database);
  const db = database.prisma;
  teamA = (await createTeam(db, "Support")).id;
  teamB = (await createTeam(db, "Finance")).id;
  const admin = ctxFor(db, await createUserActor(db, "ADMIN"));
  const token = async (teamId: string, permissions: string[]) => (await createApiToken(admin, { teamId, name: "CI", permissions })).token;
  tokens.write = await token(teamA, ["use-cases:write"]);
  tokens.read = await token(teamA, ["use-cases:read"]);
  tokens.otherTeam = await token(teamB, ["use-cases:write"]);
  const revoked = await createApiToken(admin, { teamId: teamA, name: "Old", permissions: ["use-cases:write"] });
  await revokeApiToken(admin, revoked.apiToken.id);
  tokens.revoked = revoked.token;
  // A token whose only scope was since removed from TOKEN_SCOPES grants nothing.
  tokens.noScope = `strata_legacy01_${"L".repeat(43)}`;
  await db.apiToken.create({ data: { id: "tok_legacy", teamId: teamA, name: "Legacy", prefix: "legacy01", tokenHash: hashApiToken(tokens.noScope), permissions: ["audit:read"], createdById: "usr_gone" } });

  const owner = (teamId: string) => createUserActor(db, "PRODUCT_OWNER", [teamId]).then((a) => ctxFor(db, a));
  const [ownerA, ownerB] = [await owner(teamA), await owner(teamB)];
  uc.a = await createUseCase(ownerA, makeUseCaseInput(teamA));
  uc.b = await createUseCase(ownerB, makeUseCaseInput(teamB));
  uc.submitted = await createUseCase(ownerA, makeUseCaseInput(teamA));
  await submitUseCase(ownerA, uc.submitted.id);
});
afterAll(async () => {
  registerDatabase(undefined);
  await database?.close();
});

type Case = {
  name: string;
  method: "GET" | "POST" | "PATCH";
  path: () => string;
  options?: () => Partial<CallOptions> & { token?: keyof typeof tokens | null | string };
  status: number;
  code: string;
  message: string;
  fields?: string[];
};

const created = () => ({ json: makeUseCaseInput(teamA) });
// Says it is too big before sending a byte: refused on the header alone.
const declaredTooBig = () => ({ json: makeUseCaseInput(teamA), headers: { "content-length": String(LIMIT + 1) } });
const tooBig = () => ({ json: makeUseCaseInput(teamA, { description: "x".repeat(LIMIT) }) });
const stream = () => ({ raw: endlessStream() });

const cases: Case[] = [
  { name: "malformed JSON", method: "POST", path: () => "/use-cases", options: () => ({ raw: '{"name": "x",' }), status: 400, code: "BAD_REQUEST", message: "not valid JSON" },
  { name: "empty body", method: "POST", path: () => "/use-cases", options: () => ({ raw: "" }), status: 400, code: "BAD_REQUEST", message: "empty" },
  { name: "invalid fields", method: "POST", path: () => "/use-cases", options: () => ({ json: makeUseCaseInput(teamA, { name: "x", slug: "Not A Slug", riskTier: "EXTREME" }) }), status: 422, code: "VALIDATION_FAILED", message: "riskTier", fields: ["name", "riskTier", "slug"] },
  // PostgreSQL cannot store NUL: refused as a 422 naming the field, not a 500 from the database.
  { name: "NUL character in text", method: "POST", path: () => "/use-cases", options: () => ({ json: makeUseCaseInput(teamA, { description: "Routes tickets\u0000" }) }), status: 422, code: "VALIDATION_FAILED", message: "description: must not contain the NUL character", fields: ["description"] },
  { name: "NUL character in a KPI", method: "PATCH", path: () => `/use-cases/${uc.a.id}`, options: () => ({ json: { kpis: [{ name: "Speed\u0000", target: "1" }] } }), status: 422, code: "VALIDATION_FAILED", message: "kpis.0.name", fields: ["kpis.0.name"] },
  { name: "unknown field", method: "POST", path: () => "/use-cases", options: () => ({ json: { ...makeUseCaseInput(teamA), status: "APPROVED" } }), status: 422, code: "VALIDATION_FAILED", message: "status", fields: ["(body)"] },
  { name: "duplicate slug", method: "POST", path: () => "/use-cases", options: () => ({ json: makeUseCaseInput(teamA, { slug: uc.a.slug }) }), status: 409, code: "CONFLICT", message: uc.a.slug, fields: ["slug"] },
  { name: "no token", method: "POST", path: () => "/use-cases", options: () => ({ ...created(), token: null }), status: 401, code: "UNAUTHENTICATED", message: "Missing API token" },
  { name: "unknown token", method: "POST", path: () => "/use-cases", options: () => ({ ...created(), token: `strata_unknown1_${"U".repeat(43)}` }), status: 401, code: "UNAUTHENTICATED", message: "Unknown or revoked" },
  { name: "revoked token", method: "POST", path: () => "/use-cases", options: () => ({ ...created(), token: "revoked" }), status: 401, code: "UNAUTHENTICATED", message: "Unknown or revoked" },
  { name: "read-only token", method: "POST", path: () => "/use-cases", options: () => ({ ...created(), token: "read" }), status: 403, code: "FORBIDDEN", message: "use-case:create" },
  { name: "another team's token", method: "POST", path: () => "/use-cases", options: () => ({ ...created(), token: "otherTeam" }), status: 403, code: "FORBIDDEN", message: "team you are not a member of" },
  { name: "declared size over the limit", method: "POST", path: () => "/use-cases", options: declaredTooBig, status: 413, code: "PAYLOAD_TOO_LARGE", message: String(LIMIT) },
  { name: "actual size over the limit", method: "POST", path: () => "/use-cases", options: tooBig, status: 413, code: "PAYLOAD_TOO_LARGE", message: String(LIMIT) },
  { name: "streamed size over the limit", method: "POST", path: () => "/use-cases", options: stream, status: 413, code: "PAYLOAD_TOO_LARGE", message: String(LIMIT) },
  { name: "text/plain body", method: "POST", path: () => "/use-cases", options: () => ({ ...created(), contentType: "text/plain" }), status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "application/json" },
  { name: "no content type", method: "POST", path: () => "/use-cases", options: () => ({ ...created(), contentType: null }), status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "application/json" },
  { name: "no token", method: "GET", path: () => "/use-cases", options: () => ({ token: null }), status: 401, code: "UNAUTHENTICATED", message: "Missing API token" },
  { name: "invalid query", method: "GET", path: () => "/use-cases?pageSize=1000&riskTier=EXTREME", status: 422, code: "VALIDATION_FAILED", message: "pageSize", fields: ["pageSize", "riskTier"] },
  { name: "another team's filter", method: "GET", path: () => `/use-cases?teamId=${teamB}`, status: 403, code: "FORBIDDEN", message: "own team" },
  { name: "token without a known scope", method: "GET", path: () => "/use-cases", options: () => ({ token: "noScope" }), status: 403, code: "FORBIDDEN", message: "use-case:read" },
  { name: "unknown id", method: "GET", path: () => "/use-cases/uc_missing", status: 404, code: "NOT_FOUND", message: "Use case was not found" },
  { name: "another team's use case", method: "GET", path: () => `/use-cases/${uc.b.slug}`, status: 404, code: "NOT_FOUND", message: "not found" },
  { name: "revoked token", method: "GET", path: () => `/use-cases/${uc.a.id}`, options: () => ({ token: "revoked" }), status: 401, code: "UNAUTHENTICATED", message: "Unknown or revoked" },
  { name: "unknown id", method: "PATCH", path: () => "/use-cases/uc_missing", options: () => ({ json: { name: "Renamed" } }), status: 404, code: "NOT_FOUND", message: "not found" },
  { name: "another team's use case", method: "PATCH", path: () => `/use-cases/${uc.b.id}`, options: () => ({ json: { name: "Renamed" } }), status: 404, code: "NOT_FOUND", message: "not found" },
  { name: "malformed JSON", method: "PATCH", path: () => `/use-cases/${uc.a.id}`, options: () => ({ raw: "{name:" }), status: 400, code: "BAD_REQUEST", message: "not valid JSON" },
  { name: "invalid fields", method: "PATCH", path: () => `/use-cases/${uc.a.id}`, options: () => ({ json: { name: "", riskTier: "EXTREME" } }), status: 422, code: "VALIDATION_FAILED", message: "name", fields: ["name", "riskTier"] },
  { name: "nothing to change", method: "PATCH", path: () => `/use-cases/${uc.a.id}`, options: () => ({ json: {} }), status: 422, code: "VALIDATION_FAILED", message: "at least one field" },
  { name: "read-only token", method: "PATCH", path: () => `/use-cases/${uc.a.id}`, options: () => ({ json: { name: "Renamed" }, token: "read" }), status: 403, code: "FORBIDDEN", message: "use-case:update" },
  { name: "not editable", method: "PATCH", path: () => `/use-cases/${uc.submitted.slug}`, options: () => ({ json: { name: "Renamed" } }), status: 409, code: "CONFLICT", message: "SUBMITTED" },
  { name: "wrong content type", method: "PATCH", path: () => `/use-cases/${uc.a.id}`, options: () => ({ json: { name: "Renamed" }, contentType: "application/x-www-form-urlencoded" }), status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "application/json" },
  { name: "body over the limit", method: "PATCH", path: () => `/use-cases/${uc.a.id}`, options: stream, status: 413, code: "PAYLOAD_TOO_LARGE", message: "limit" },
  { name: "no token", method: "PATCH", path: () => `/use-cases/${uc.a.id}`, options: () => ({ json: { name: "Renamed" }, token: null }), status: 401, code: "UNAUTHENTICATED", message: "Missing API token" },
];

function send(method: string, path: string, options: Partial<CallOptions> & { token?: string | null } = {}) {
  const token = options.token === undefined ? tokens.write : options.token === null ? null : (tokens[options.token as keyof typeof tokens] ?? options.token);
  return callApi(method, path, { ...options, token });
}

/** Row counts plus the newest change: an update that slipped through would move updatedAt. */
async function fingerprint() {
  const db = database.prisma;
  const newest = await db.useCase.aggregate({ _max: { updatedAt: true } });
  return [await db.useCase.count(), await db.auditEvent.count(), newest._max.updatedAt?.toISOString()];
}

describe("REST API v1 refuses bad requests and changes nothing", () => {
  it.each(cases)("$method $name → $status $code", async (c) => {
    const before = await fingerprint();
    const res = await send(c.method, c.path(), c.options?.());
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: c.status, code: c.code });
    expect(res.body.error.message).toContain(c.message);
    expect(apiErrorSchema.safeParse(res.body).success).toBe(true);
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    if (c.fields) expect(res.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(c.fields);
    if (c.status === 401) expect(res.body.error).not.toHaveProperty("details");
    expect(await fingerprint()).toEqual(before);
  });
});

describe("REST API v1 happy paths", () => {
  it("registers a use case (201), audited as the token", async () => {
    const input = makeUseCaseInput(teamA, { name: "Claims summariser" });
    const res = await send("POST", "/use-cases", { json: input });
    expect(res.status).toBe(201);
    const { data } = useCaseResponseSchema.parse(res.body);
    expect(data).toMatchObject({ slug: input.slug, teamId: teamA, status: "DRAFT" });
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { resourceId: data.id } });
    expect(event).toMatchObject({ action: "use-case.create", actorRole: "API_TOKEN", requestId: res.headers.get("x-request-id") });
    expect(event.actorId).toMatch(/^tok_/);
  });

  it("lists only the token's team, with search, filters and pagination", async () => {
    for (const [name, riskTier] of [["Paging Alpha", "HIGH"], ["Paging Beta", "MINIMAL"], ["Paging Gamma", "HIGH"]]) {
      await send("POST", "/use-cases", { json: makeUseCaseInput(teamA, { name, riskTier }) });
    }
    await callApi("POST", "/use-cases", { token: tokens.otherTeam, json: makeUseCaseInput(teamB, { name: "Paging Delta" }) });
    const page1 = useCaseListResponseSchema.parse((await send("GET", "/use-cases?q=paging&sort=name&order=asc&pageSize=2", { token: "read" })).body);
    expect(page1).toMatchObject({ page: 1, pageSize: 2, total: 3, pageCount: 2 });
    expect(page1.data.map((u) => u.name)).toEqual(["Paging Alpha", "Paging Beta"]);
    const page2 = (await send("GET", "/use-cases?q=paging&sort=name&order=asc&pageSize=2&page=2", { token: "read" })).body;
    expect(page2.data.map((u: { name: string }) => u.name)).toEqual(["Paging Gamma"]);
    const high = (await send("GET", `/use-cases?q=paging&riskTier=HIGH&teamId=${teamA}`, { token: "read" })).body;
    expect(high.total).toBe(2);
    const all = (await send("GET", "/use-cases?pageSize=100", { token: "read" })).body;
    expect(all.data.every((u: { teamId: string }) => u.teamId === teamA)).toBe(true);
  });

  it("reads one use case by id and by slug", async () => {
    const bySlug = await send("GET", `/use-cases/${uc.a.slug}`, { token: "read" });
    expect(bySlug.status).toBe(200);
    const { data } = useCaseDetailResponseSchema.parse(bySlug.body);
    expect(data).toMatchObject({ id: uc.a.id, team: { id: teamA, name: "Support" }, isReviewOverdue: false });
    expect((await send("GET", `/use-cases/${uc.a.id}`, { token: "read" })).body).toEqual(bySlug.body);
  });

  it("updates by id or slug and audits the change", async () => {
    const res = await send("PATCH", `/use-cases/${uc.a.slug}`, { json: { name: "Renamed triage", riskTier: "HIGH" } });
    expect(res.status).toBe(200);
    expect(useCaseResponseSchema.parse(res.body).data).toMatchObject({ id: uc.a.id, name: "Renamed triage", riskTier: "HIGH" });
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { resourceId: uc.a.id, action: "use-case.update" } });
    expect(event).toMatchObject({ actorRole: "API_TOKEN", before: { name: "Support triage assistant" } });
    expect((await send("PATCH", `/use-cases/${uc.a.id}`, { json: { kpis: [] } })).body.data.kpis).toEqual([]);
  });

  it("records when a token was last used, without an audit event", async () => {
    const admin = ctxFor(database.prisma, await createUserActor(database.prisma, "ADMIN"));
    const { token, apiToken } = await createApiToken(admin, { teamId: teamA, name: "Fresh", permissions: ["use-cases:read"] });
    const before = await database.prisma.auditEvent.count();
    const startedAt = Date.now();
    expect((await callApi("GET", "/use-cases", { token })).status).toBe(200);
    const row = await database.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(await database.prisma.auditEvent.count()).toBe(before);
  });
});
