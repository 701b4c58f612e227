import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { registerDatabase } from "@/lib/db/registry";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { createGuardrail } from "@/lib/guardrails/create-guardrail";
import { createGuardrailVersion } from "@/lib/guardrails/create-guardrail-version";
import { apiErrorSchema } from "@/lib/api/schemas";
import { guardrailDetailResponseSchema, guardrailListResponseSchema, guardrailVersionResponseSchema } from "@/lib/guardrails/api-schemas";
import * as useCaseGuardrailsRoute from "./use-cases/[id]/guardrails/route";
import * as guardrailRoute from "./guardrails/[id]/route";
import * as versionRoute from "./guardrails/[id]/versions/[n]/route";

// The shared test-client resolves only the use-case routes; these call the guardrail handlers
// the same way (a Request plus `{ params: Promise }`), with no server in between.
type Handler = (req: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

function resolve(path: string): { handler: Handler; params: Record<string, string> } {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "use-cases" && parts[2] === "guardrails" && parts.length === 3) return { handler: useCaseGuardrailsRoute.GET as Handler, params: { id: parts[1]! } };
  if (parts[0] === "guardrails" && parts.length === 2) return { handler: guardrailRoute.GET as Handler, params: { id: parts[1]! } };
  if (parts[0] === "guardrails" && parts[2] === "versions" && parts.length === 4) return { handler: versionRoute.GET as Handler, params: { id: parts[1]!, n: parts[3]! } };
  throw new Error(`No handler for ${path}`);
}

async function get(path: string, token: string | null) {
  const { handler, params } = resolve(path);
  const headers = new Headers(token ? { authorization: `Bearer ${token}` } : {});
  const res = await handler(new Request(`http://localhost/api/v1${path}`, { headers }), { params: Promise.resolve(params) });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

let database: Database;
const tokens = { guardrails: "", useCasesOnly: "", otherTeam: "" };
const ids = { useCase: "", useCaseSlug: "", otherUseCase: "", guardrail: "", otherGuardrail: "" };

beforeAll(async () => {
  database = await createTestDatabase();
  registerDatabase(database);
  const db = database.prisma;
  const [teamA, teamB] = [(await createTeam(db)).id, (await createTeam(db)).id];
  const admin = ctxFor(db, await createUserActor(db, "ADMIN"));
  const token = async (teamId: string, permissions: string[]) => (await createApiToken(admin, { teamId, name: "CI", permissions })).token;
  tokens.guardrails = await token(teamA, ["guardrails:read"]);
  tokens.useCasesOnly = await token(teamA, ["use-cases:read"]);
  tokens.otherTeam = await token(teamB, ["guardrails:read"]);
  const ownerA = ctxFor(db, await createUserActor(db, "PRODUCT_OWNER", [teamA]));
  const ownerB = ctxFor(db, await createUserActor(db, "PRODUCT_OWNER", [teamB]));
  const ucA = await createUseCase(ownerA, makeUseCaseInput(teamA));
  const ucB = await createUseCase(ownerB, makeUseCaseInput(teamB));
  Object.assign(ids, { useCase: ucA.id, useCaseSlug: ucA.slug, otherUseCase: ucB.id });
  const config = {
    blockedInputMessaging: "Blocked.", blockedOutputsMessaging: "Blocked.",
    sensitiveInformationPolicy: { piiEntities: [{ type: "EMAIL", action: "ANONYMIZE" }], regexes: [{ name: "order", pattern: "ORD-\\d+", action: "BLOCK" }] },
  };
  ids.guardrail = (await createGuardrail(ownerA, { useCaseId: ucA.id, name: "support", config })).id;
  await createGuardrailVersion(ownerA, ids.guardrail, { message: "First" });
  ids.otherGuardrail = (await createGuardrail(ownerB, { useCaseId: ucB.id, name: "finance" })).id;
});
afterAll(async () => {
  registerDatabase(undefined);
  await database?.close();
});

describe("guardrails API v1 reads", () => {
  it("lists a use case's guardrails by id or slug", async () => {
    for (const key of [ids.useCase, ids.useCaseSlug]) {
      const res = await get(`/use-cases/${key}/guardrails`, tokens.guardrails);
      expect(res.status).toBe(200);
      expect(guardrailListResponseSchema.parse(res.body).data.map((g) => g.name)).toEqual(["support"]);
    }
  });

  it("reads a guardrail with its versions, and one version's config", async () => {
    const detail = guardrailDetailResponseSchema.parse((await get(`/guardrails/${ids.guardrail}`, tokens.guardrails)).body);
    expect(detail.data.versions.map((v) => [v.number, v.message])).toEqual([[1, "First"]]);
    const version = await get(`/guardrails/${ids.guardrail}/versions/1`, tokens.guardrails);
    expect(version.status).toBe(200);
    expect(guardrailVersionResponseSchema.parse(version.body).data.config.sensitiveInformationPolicy?.regexes[0]?.pattern).toBe("ORD-\\d+");
    expect(version.headers.get("x-request-id")).toMatch(/^req_/);
  });
});

const cases: { name: string; path: () => string; token?: keyof typeof tokens | null; status: number; code: string; message: string; fields?: string[] }[] = [
  { name: "no token", path: () => `/guardrails/${ids.guardrail}`, token: null, status: 401, code: "UNAUTHENTICATED", message: "Missing API token" },
  { name: "unknown token", path: () => `/use-cases/${ids.useCase}/guardrails`, token: `strata_unknown1_${"U".repeat(43)}` as never, status: 401, code: "UNAUTHENTICATED", message: "Unknown or revoked" },
  { name: "token without guardrails:read", path: () => `/guardrails/${ids.guardrail}`, token: "useCasesOnly", status: 403, code: "FORBIDDEN", message: "guardrail:read" },
  { name: "token without guardrails:read (list)", path: () => `/use-cases/${ids.useCase}/guardrails`, token: "useCasesOnly", status: 403, code: "FORBIDDEN", message: "guardrail:read" },
  { name: "unknown use case", path: () => "/use-cases/uc_missing/guardrails", status: 404, code: "NOT_FOUND", message: "Use case was not found" },
  { name: "another team's use case", path: () => `/use-cases/${ids.otherUseCase}/guardrails`, status: 404, code: "NOT_FOUND", message: "Use case was not found" },
  { name: "unknown guardrail", path: () => "/guardrails/gr_missing", status: 404, code: "NOT_FOUND", message: "Guardrail was not found" },
  { name: "another team's guardrail", path: () => `/guardrails/${ids.otherGuardrail}`, status: 404, code: "NOT_FOUND", message: "Guardrail was not found" },
  { name: "another team's guardrail version", path: () => `/guardrails/${ids.guardrail}/versions/1`, token: "otherTeam", status: 404, code: "NOT_FOUND", message: "Guardrail was not found" },
  { name: "version that does not exist", path: () => `/guardrails/${ids.guardrail}/versions/2`, status: 404, code: "NOT_FOUND", message: "Version 2" },
  { name: "version 0", path: () => `/guardrails/${ids.guardrail}/versions/0`, status: 422, code: "VALIDATION_FAILED", message: "n:", fields: ["n"] },
  { name: "version DRAFT", path: () => `/guardrails/${ids.guardrail}/versions/DRAFT`, status: 422, code: "VALIDATION_FAILED", message: "version number", fields: ["n"] },
  { name: "negative version", path: () => `/guardrails/${ids.guardrail}/versions/-1`, status: 422, code: "VALIDATION_FAILED", message: "n:", fields: ["n"] },
  { name: "fractional version", path: () => `/guardrails/${ids.guardrail}/versions/1.5`, status: 422, code: "VALIDATION_FAILED", message: "n:", fields: ["n"] },
  { name: "huge version", path: () => `/guardrails/${ids.guardrail}/versions/99999999999999999999`, status: 422, code: "VALIDATION_FAILED", message: "n:", fields: ["n"] },
];

describe("guardrails API v1 refuses bad requests", () => {
  it.each(cases)("$name → $status $code", async (c) => {
    const token = c.token === undefined ? tokens.guardrails : c.token === null ? null : (tokens[c.token] ?? c.token);
    const res = await get(c.path(), token);
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: c.status, code: c.code });
    expect(apiErrorSchema.parse(res.body).error.message).toContain(c.message);
    if (c.fields) expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(c.fields);
  });
});
