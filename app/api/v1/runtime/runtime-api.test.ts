import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { registerDatabase } from "@/lib/db/registry";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { apiErrorSchema } from "@/lib/api/schemas";
import type { UserActor } from "@/lib/permissions";
import { promoteRelease } from "@/lib/deployments/promote-release";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";
import { createPinnableVersions, insertApprovedRelease } from "@/lib/deployments/testing";
import { strongEtag } from "@/lib/runtime/runtime-config";
import { healthResponseSchema, runtimeConfigResponseSchema } from "@/lib/runtime/api-schemas";
import { parseIfNoneMatch } from "@/lib/runtime/if-none-match";
import * as runtimeRoute from "./[slug]/route";
import * as healthRoute from "../health/route";

let database: Database;
const tokens = { read: "", otherTeam: "", noScope: "", revoked: "" };
const ids = { slug: "", undeployed: "", otherSlug: "", useCaseId: "" };
const releases: string[] = [];
let owner: UserActor;

async function get(path: string, options: { token?: string | null; headers?: Record<string, string> } = {}) {
  const url = new URL(`http://localhost/api/v1${path}`);
  const slug = decodeURIComponent(url.pathname.split("/")[4]!);
  const headers = new Headers(options.headers);
  const token = options.token === undefined ? tokens.read : options.token;
  if (token) headers.set("authorization", `Bearer ${token}`);
  const res = await runtimeRoute.GET(new Request(url, { headers }), { params: Promise.resolve({ slug }) });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, text, body: (text ? JSON.parse(text) : null) as any, headers: res.headers };
}

const writes = async () => ({
  audit: await database.prisma.auditEvent.count(),
  deployments: await database.prisma.deployment.count(),
  active: await database.prisma.activeDeployment.count(),
});

beforeAll(async () => {
  database = await createTestDatabase();
  registerDatabase(database);
  const db = database.prisma;
  const teamA = (await createTeam(db, "Support")).id;
  const teamB = (await createTeam(db, "Finance")).id;
  const admin = ctxFor(db, await createUserActor(db, "ADMIN"));
  const token = async (teamId: string, permissions: string[]) => (await createApiToken(admin, { teamId, name: "App", permissions })).token;
  tokens.read = await token(teamA, ["runtime:read"]);
  tokens.otherTeam = await token(teamB, ["runtime:read"]);
  tokens.noScope = await token(teamA, ["prompts:read", "releases:read"]);
  const revoked = await createApiToken(admin, { teamId: teamA, name: "Old", permissions: ["runtime:read"] });
  await revokeApiToken(admin, revoked.apiToken.id);
  tokens.revoked = revoked.token;

  owner = await createUserActor(db, "PRODUCT_OWNER", [teamA]);
  const engineer = await createUserActor(db, "ENGINEER", [teamA]);
  const uc = await createUseCase(ctxFor(db, owner), makeUseCaseInput(teamA));
  const undeployed = await createUseCase(ctxFor(db, owner), makeUseCaseInput(teamA));
  const ownerB = await createUserActor(db, "PRODUCT_OWNER", [teamB]);
  const engB = await createUserActor(db, "ENGINEER", [teamB]);
  const other = await createUseCase(ctxFor(db, ownerB), makeUseCaseInput(teamB));
  Object.assign(ids, { slug: uc.slug, undeployed: undeployed.slug, otherSlug: other.slug, useCaseId: uc.id });

  const pins = await createPinnableVersions(ctxFor(db, engineer), uc.id, 2);
  for (const v of pins.versions) releases.push((await insertApprovedRelease(db, uc.id, engineer.id, v)).id);
  for (const env of ["DEV", "PREPROD", "PROD"]) await promoteRelease(ctxFor(db, owner), releases[0]!, { environment: env });
  // The other team's use case runs in prod too: its token reads it, ours must not.
  const otherPins = await createPinnableVersions(ctxFor(db, engB), other.id, 1);
  const otherRelease = await insertApprovedRelease(db, other.id, engB.id, otherPins.versions[0]!);
  for (const env of ["DEV", "PREPROD", "PROD"]) await promoteRelease(ctxFor(db, ownerB), otherRelease.id, { environment: env });
});
afterAll(async () => {
  registerDatabase(undefined);
  await database?.close();
});

describe("GET /api/v1/runtime/{slug}", () => {
  it("serves the stored config with a strong ETag of the exact bytes and Cache-Control", async () => {
    const res = await get(`/runtime/${ids.slug}?environment=prod`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(res.headers.get("etag")).toBe(strongEtag(res.text));
    const config = runtimeConfigResponseSchema.parse(res.body);
    expect(config).toMatchObject({ environment: "prod", release: { id: releases[0], number: 1 }, useCase: { slug: ids.slug }, knowledgeBaseIds: ["KB12345678"] });
    expect(Object.keys(config.prompts).sort()).toEqual(["reply", "triage"]);
    const stored = await database.prisma.deployment.findFirstOrThrow({ where: { useCaseId: ids.useCaseId, environment: "PROD" } });
    expect(res.body).toEqual(stored.config);
    expect(res.headers.get("etag")).toBe(stored.etag);
    // Case-insensitive environment names.
    for (const env of ["PROD", "Prod"]) expect((await get(`/runtime/${ids.slug}?environment=${env}`)).text).toBe(res.text);
    expect((await get(`/runtime/${ids.slug}?environment=dev`)).body.environment).toBe("dev");
  });

  it("answers If-None-Match with 304 and no body: exact, in a list, weak form, and *", async () => {
    const { headers } = await get(`/runtime/${ids.slug}?environment=prod`);
    const etag = headers.get("etag")!;
    for (const inm of [etag, `"other", ${etag}`, `W/${etag}`, `"a,b" ,W/"x",  ${etag}`, "*"]) {
      const res = await get(`/runtime/${ids.slug}?environment=prod`, { headers: { "if-none-match": inm } });
      expect(res.status, inm).toBe(304);
      expect(res.text).toBe("");
      expect(res.headers.get("etag")).toBe(etag);
      expect(res.headers.get("cache-control")).toBe("private, no-cache");
    }
    for (const inm of ['"stale"', etag.slice(1, -1), `${etag.slice(0, -2)}"`, "garbage, " + etag]) {
      const res = await get(`/runtime/${ids.slug}?environment=prod`, { headers: { "if-none-match": inm } });
      expect(res.status, inm).toBe(200);
    }
  });

  it("a promotion and a rollback are visible on the very next request", async () => {
    const first = await get(`/runtime/${ids.slug}?environment=dev`);
    await promoteRelease(ctxFor(database.prisma, owner), releases[1]!, { environment: "DEV" });
    const promoted = await get(`/runtime/${ids.slug}?environment=dev`, { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(promoted.status).toBe(200);
    expect(promoted.body.release).toEqual({ id: releases[1], number: 2 });
    expect(promoted.body.prompts.triage.template).toBe("Version 2: classify this ticket about {{product}}: {{ticket}}");
    expect(promoted.headers.get("etag")).not.toBe(first.headers.get("etag"));

    await rollbackEnvironment(ctxFor(database.prisma, owner), ids.useCaseId, "DEV", { comment: "Release 2 misroutes refunds" });
    const rolledBack = await get(`/runtime/${ids.slug}?environment=dev`, { headers: { "if-none-match": promoted.headers.get("etag")! } });
    expect(rolledBack.status).toBe(200);
    expect(rolledBack.text).toBe(first.text);
    expect(rolledBack.headers.get("etag")).toBe(first.headers.get("etag"));
    // A client still holding release 1's ETag is told nothing changed for it.
    expect((await get(`/runtime/${ids.slug}?environment=dev`, { headers: { "if-none-match": first.headers.get("etag")! } })).status).toBe(304);
  });

  type Case = { name: string; path: () => string; token?: string | null | (() => string); status: number; code: string; message: string; fields?: string[] };
  const cases: Case[] = [
    { name: "no token", path: () => `/runtime/${ids.slug}?environment=prod`, token: null, status: 401, code: "UNAUTHENTICATED", message: "Missing API token" },
    { name: "revoked token", path: () => `/runtime/${ids.slug}?environment=prod`, token: () => tokens.revoked, status: 401, code: "UNAUTHENTICATED", message: "Unknown or revoked" },
    { name: "token without runtime:read", path: () => `/runtime/${ids.slug}?environment=prod`, token: () => tokens.noScope, status: 403, code: "FORBIDDEN", message: "runtime:read" },
    { name: "another team's token", path: () => `/runtime/${ids.slug}?environment=prod`, token: () => tokens.otherTeam, status: 404, code: "NOT_FOUND", message: "was not found" },
    { name: "another team's use case", path: () => `/runtime/${ids.otherSlug}?environment=prod`, status: 404, code: "NOT_FOUND", message: "was not found" },
    { name: "unknown slug", path: () => "/runtime/no-such-use-case?environment=prod", status: 404, code: "NOT_FOUND", message: "Use case no-such-use-case was not found" },
    { name: "nothing deployed", path: () => `/runtime/${ids.undeployed}?environment=prod`, status: 404, code: "NOT_FOUND", message: "Nothing is deployed to prod for use case support-triage-" },
    { name: "environment missing", path: () => `/runtime/${ids.slug}`, status: 422, code: "VALIDATION_FAILED", message: "environment", fields: ["environment"] },
    { name: "environment empty", path: () => `/runtime/${ids.slug}?environment=`, status: 422, code: "VALIDATION_FAILED", message: "environment: must be dev, preprod or prod", fields: ["environment"] },
    { name: "environment unknown", path: () => `/runtime/${ids.slug}?environment=staging`, status: 422, code: "VALIDATION_FAILED", message: "environment: must be dev, preprod or prod", fields: ["environment"] },
  ];
  it.each(cases)("$name → $status $code, nothing written", async (c) => {
    const before = await writes();
    const token = typeof c.token === "function" ? c.token() : c.token;
    const res = await get(c.path(), { token });
    expect(res.status).toBe(c.status);
    const body = apiErrorSchema.parse(res.body);
    expect(body.error.code).toBe(c.code);
    expect(body.error.message).toContain(c.message);
    if (c.fields) expect((body.error.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(c.fields);
    expect(res.headers.get("etag")).toBeNull();
    expect(await writes()).toEqual(before);
  });

  it("the other team's token reads its own use case", async () => {
    const res = await get(`/runtime/${ids.otherSlug}?environment=prod`, { token: tokens.otherTeam });
    expect(res.status).toBe(200);
    expect(res.body.useCase.slug).toBe(ids.otherSlug);
  });

  it("reads write no audit event", async () => {
    const before = await writes();
    for (let i = 0; i < 5; i++) expect((await get(`/runtime/${ids.slug}?environment=prod`)).status).toBe(200);
    expect(await writes()).toEqual(before);
  });
});

describe("If-None-Match parsing", () => {
  it.each([
    ['"a"', ["a"]],
    ['W/"a", "b"', ["a", "b"]],
    ['"a,b", "c"', ["a,b", "c"]],
    [' "a" , , "b" ', ["a", "b"]],
    ["*", "*"],
    ["a", null],
    ['"a" "b"', null],
    ['"a', null],
  ] as const)("%s", (header, expected) => {
    expect(parseIfNoneMatch(header)).toEqual(expected);
  });
});

describe("GET /api/v1/health", () => {
  it("is a constant answer without a token", async () => {
    const res = healthRoute.GET();
    expect(res.status).toBe(200);
    expect(healthResponseSchema.parse(await res.json())).toEqual({ status: "ok" });
  });
});
