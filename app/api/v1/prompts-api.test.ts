import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { registerDatabase } from "@/lib/db/registry";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { createPromptVersion } from "@/lib/prompts/create-prompt-version";
import { updatePromptDraft } from "@/lib/prompts/update-prompt-draft";
import { apiErrorSchema } from "@/lib/api/schemas";
import { promptDetailResponseSchema, promptListResponseSchema, promptVersionResponseSchema, renderedPromptResponseSchema } from "@/lib/prompts/api-schemas";
import * as useCasePromptsRoute from "./use-cases/[id]/prompts/route";
import * as promptRoute from "./prompts/[id]/route";
import * as versionRoute from "./prompts/[id]/versions/[n]/route";
import * as renderRoute from "./prompts/[id]/versions/[n]/render/route";
import { endlessStream } from "./test-client";

type Handler = (req: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Maps a v1 path onto its route handler and params, as Next's router would. */
function resolve(method: string, path: string): { handler: Handler; params: Record<string, string> } {
  const s = path.split("?")[0]!.split("/").filter(Boolean).map(decodeURIComponent);
  const table: [boolean, Record<string, unknown>, Record<string, string>][] = [
    [s.length === 3 && s[0] === "use-cases" && s[2] === "prompts", useCasePromptsRoute, { id: s[1]! }],
    [s.length === 2 && s[0] === "prompts", promptRoute, { id: s[1]! }],
    [s.length === 4 && s[0] === "prompts" && s[2] === "versions", versionRoute, { id: s[1]!, n: s[3]! }],
    [s.length === 5 && s[0] === "prompts" && s[2] === "versions" && s[4] === "render", renderRoute, { id: s[1]!, n: s[3]! }],
  ];
  const match = table.find(([ok]) => ok);
  const handler = match?.[1][method] as Handler | undefined;
  if (!match || !handler) throw new Error(`No handler for ${method} ${path}`);
  return { handler, params: match[2] };
}

type Options = { token?: string | null; json?: unknown; raw?: string | ReadableStream<Uint8Array>; contentType?: string | null; headers?: Record<string, string> };

let database: Database;
const tokens = { read: "", otherTeam: "", useCasesOnly: "", revoked: "" };
const ids = { useCase: "", useCaseSlug: "", otherUseCase: "", prompt: "", chat: "", otherPrompt: "" };
const LIMIT = 262_144;

async function call(method: string, path: string, options: Options = {}) {
  const { handler, params } = resolve(method, path);
  const headers = new Headers(options.headers);
  const token = options.token === undefined ? tokens.read : options.token;
  if (token) headers.set("authorization", `Bearer ${token}`);
  let body: BodyInit | undefined = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  if (body !== undefined) {
    const type = options.contentType === undefined ? "application/json" : options.contentType;
    if (type) headers.set("content-type", type);
    else if (typeof body === "string") body = new TextEncoder().encode(body);
  }
  const init: RequestInit & { duplex?: "half" } = { method, headers, body };
  if (body instanceof ReadableStream) init.duplex = "half";
  const res = await handler(new Request(`http://localhost/api/v1${path}`, init), { params: Promise.resolve(params) });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any, headers: res.headers };
}

beforeAll(async () => {
  database = await createTestDatabase();
  registerDatabase(database);
  const db = database.prisma;
  const teamA = (await createTeam(db, "Support")).id;
  const teamB = (await createTeam(db, "Finance")).id;
  const admin = ctxFor(db, await createUserActor(db, "ADMIN"));
  const token = async (teamId: string, permissions: string[]) => (await createApiToken(admin, { teamId, name: "CI", permissions })).token;
  tokens.read = await token(teamA, ["prompts:read"]);
  tokens.otherTeam = await token(teamB, ["prompts:read"]);
  tokens.useCasesOnly = await token(teamA, ["use-cases:write"]);
  const revoked = await createApiToken(admin, { teamId: teamA, name: "Old", permissions: ["prompts:read"] });
  await revokeApiToken(admin, revoked.apiToken.id);
  tokens.revoked = revoked.token;

  const engineer = (teamId: string) => createUserActor(db, "ENGINEER", [teamId]).then((a) => ctxFor(db, a));
  const owner = (teamId: string) => createUserActor(db, "PRODUCT_OWNER", [teamId]).then((a) => ctxFor(db, a));
  const [engA, engB] = [await engineer(teamA), await engineer(teamB)];
  const ucA = await createUseCase(await owner(teamA), makeUseCaseInput(teamA));
  const ucB = await createUseCase(await owner(teamB), makeUseCaseInput(teamB));
  Object.assign(ids, { useCase: ucA.id, useCaseSlug: ucA.slug, otherUseCase: ucB.id });
  const base = { modelId: "amazon.nova-lite-v1:0", inference: { temperature: 0.3, stopSequences: [] } };
  const text = await createPrompt(engA, {
    ...base,
    useCaseId: ucA.id,
    name: "ticket-triage",
    type: "TEXT",
    template: "Customer tier {{tier}} wrote:\n{{ticket}}",
    variables: [{ name: "tier", type: "number", required: true, description: "1–3" }],
  });
  await createPromptVersion(engA, text.id, { message: "First" });
  await updatePromptDraft(engA, text.id, { ...base, type: "TEXT", template: "Changed draft {{ticket}}" });
  const chat = await createPrompt(engA, { ...base, useCaseId: ucA.id, name: "chat-helper", type: "CHAT", system: "You help {{team}}.", messages: [{ role: "user", text: "{{question}}" }] });
  await createPromptVersion(engA, chat.id, { message: "Chat v1" });
  const other = await createPrompt(engB, { ...base, useCaseId: ucB.id, name: "invoice-fields", type: "TEXT", template: "Extract {{fields}}" });
  await createPromptVersion(engB, other.id, { message: "Other team" });
  Object.assign(ids, { prompt: text.id, chat: chat.id, otherPrompt: other.id });
});
afterAll(async () => {
  registerDatabase(undefined);
  await database?.close();
});

type Case = { name: string; method: "GET" | "POST"; path: () => string; options?: () => Options & { token?: keyof typeof tokens | null | string }; status: number; code: string; message: string; fields?: string[] };

const render = () => `/prompts/${ids.prompt}/versions/1/render`;
const good = { json: { variables: { tier: 2, ticket: "Printer on fire" } } };

const cases: Case[] = [
  { name: "no token", method: "GET", path: () => `/use-cases/${ids.useCase}/prompts`, options: () => ({ token: null }), status: 401, code: "UNAUTHENTICATED", message: "Missing API token" },
  { name: "revoked token", method: "GET", path: () => `/prompts/${ids.prompt}`, options: () => ({ token: "revoked" }), status: 401, code: "UNAUTHENTICATED", message: "Unknown or revoked" },
  { name: "token without prompts:read", method: "GET", path: () => `/use-cases/${ids.useCase}/prompts`, options: () => ({ token: "useCasesOnly" }), status: 403, code: "FORBIDDEN", message: "prompt:read" },
  { name: "token without prompts:read", method: "POST", path: render, options: () => ({ ...good, token: "useCasesOnly" }), status: 403, code: "FORBIDDEN", message: "prompt:read" },
  { name: "unknown use case", method: "GET", path: () => "/use-cases/uc_missing/prompts", status: 404, code: "NOT_FOUND", message: "Use case was not found" },
  { name: "another team's use case", method: "GET", path: () => `/use-cases/${ids.otherUseCase}/prompts`, status: 404, code: "NOT_FOUND", message: "not found" },
  { name: "invalid page size", method: "GET", path: () => `/use-cases/${ids.useCase}/prompts?pageSize=1000`, status: 422, code: "VALIDATION_FAILED", message: "pageSize", fields: ["pageSize"] },
  { name: "unknown prompt", method: "GET", path: () => "/prompts/prm_missing", status: 404, code: "NOT_FOUND", message: "Prompt was not found" },
  { name: "another team's prompt", method: "GET", path: () => `/prompts/${ids.otherPrompt}`, status: 404, code: "NOT_FOUND", message: "Prompt was not found" },
  { name: "another team's version", method: "GET", path: () => `/prompts/${ids.otherPrompt}/versions/1`, status: 404, code: "NOT_FOUND", message: "Prompt was not found" },
  { name: "missing version", method: "GET", path: () => `/prompts/${ids.prompt}/versions/9`, status: 404, code: "NOT_FOUND", message: "Version 9" },
  { name: "non-numeric version", method: "GET", path: () => `/prompts/${ids.prompt}/versions/latest`, status: 422, code: "VALIDATION_FAILED", message: "n: ", fields: ["n"] },
  { name: "version zero", method: "POST", path: () => `/prompts/${ids.prompt}/versions/0/render`, options: () => good, status: 422, code: "VALIDATION_FAILED", message: "n: ", fields: ["n"] },
  { name: "another team's prompt", method: "POST", path: () => `/prompts/${ids.otherPrompt}/versions/1/render`, options: () => ({ json: { variables: { fields: "x" } } }), status: 404, code: "NOT_FOUND", message: "not found" },
  { name: "another team's token", method: "POST", path: render, options: () => ({ ...good, token: "otherTeam" }), status: 404, code: "NOT_FOUND", message: "not found" },
  { name: "malformed JSON", method: "POST", path: render, options: () => ({ raw: '{"variables": {' }), status: 400, code: "BAD_REQUEST", message: "not valid JSON" },
  { name: "empty body", method: "POST", path: render, options: () => ({ raw: "" }), status: 400, code: "BAD_REQUEST", message: "empty" },
  { name: "text/plain body", method: "POST", path: render, options: () => ({ ...good, contentType: "text/plain" }), status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "application/json" },
  { name: "declared size over the limit", method: "POST", path: render, options: () => ({ ...good, headers: { "content-length": String(LIMIT + 1) } }), status: 413, code: "PAYLOAD_TOO_LARGE", message: String(LIMIT) },
  { name: "streamed size over the limit", method: "POST", path: render, options: () => ({ raw: endlessStream() }), status: 413, code: "PAYLOAD_TOO_LARGE", message: String(LIMIT) },
  { name: "variables not an object", method: "POST", path: render, options: () => ({ json: { variables: ["tier"] } }), status: 422, code: "VALIDATION_FAILED", message: "variables", fields: ["variables"] },
  { name: "unknown body field", method: "POST", path: render, options: () => ({ json: { variables: {}, version: 2 } }), status: 422, code: "VALIDATION_FAILED", message: "version", fields: ["(body)"] },
  {
    name: "missing, mistyped and unknown variables",
    method: "POST",
    path: render,
    options: () => ({ json: { variables: { tier: "gold", tickte: "typo" } } }),
    status: 422,
    code: "VALIDATION_FAILED",
    message: "variables.tier: must be a number",
    fields: ["variables.ticket", "variables.tickte", "variables.tier"],
  },
  { name: "no token", method: "POST", path: render, options: () => ({ ...good, token: null }), status: 401, code: "UNAUTHENTICATED", message: "Missing API token" },
];

async function fingerprint() {
  const db = database.prisma;
  return [await db.prompt.count(), await db.promptVersion.count(), await db.auditEvent.count(), (await db.prompt.aggregate({ _max: { draftUpdatedAt: true } }))._max.draftUpdatedAt?.toISOString()];
}

describe("prompt API refuses bad requests and changes nothing", () => {
  it.each(cases)("$method $name → $status $code", async (c) => {
    const before = await fingerprint();
    const { token, ...rest } = c.options?.() ?? {};
    const resolved = token === undefined ? undefined : token === null ? null : (tokens[token as keyof typeof tokens] ?? token);
    const res = await call(c.method, c.path(), { ...rest, token: resolved });
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: c.status, code: c.code });
    expect(res.body.error.message).toContain(c.message);
    expect(apiErrorSchema.safeParse(res.body).success).toBe(true);
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    if (c.fields) expect(res.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(c.fields);
    expect(await fingerprint()).toEqual(before);
  });
});

describe("prompt API happy paths", () => {
  it("lists a use case's prompts by id or slug, only for the token's team", async () => {
    const res = await call("GET", `/use-cases/${ids.useCaseSlug}/prompts?pageSize=1`);
    expect(res.status).toBe(200);
    const list = promptListResponseSchema.parse(res.body);
    expect(list).toMatchObject({ total: 2, pageSize: 1, pageCount: 2 });
    const all = promptListResponseSchema.parse((await call("GET", `/use-cases/${ids.useCase}/prompts`)).body);
    expect(all.data.map((p) => p.name).sort()).toEqual(["chat-helper", "ticket-triage"]);
    expect(all.data.every((p) => p.useCase.id === ids.useCase)).toBe(true);
  });

  it("reads a prompt with its draft and versions, and one version", async () => {
    const detail = promptDetailResponseSchema.parse((await call("GET", `/prompts/${ids.prompt}`)).body).data;
    expect(detail).toMatchObject({ name: "ticket-triage", latestVersion: 1, draft: { type: "TEXT", template: "Changed draft {{ticket}}" } });
    expect(detail.versions.map((v) => [v.number, v.message])).toEqual([[1, "First"]]);
    const version = promptVersionResponseSchema.parse((await call("GET", `/prompts/${ids.prompt}/versions/1`)).body).data;
    expect(version).toMatchObject({ number: 1, message: "First", content: { type: "TEXT", template: "Customer tier {{tier}} wrote:\n{{ticket}}" } });
  });

  it("renders a text and a chat version without writing or auditing anything", async () => {
    const before = await fingerprint();
    const res = await call("POST", render(), good);
    expect(res.status).toBe(200);
    expect(renderedPromptResponseSchema.parse(res.body).data).toEqual({
      type: "TEXT",
      text: "Customer tier 2 wrote:\nPrinter on fire",
      modelId: "amazon.nova-lite-v1:0",
      inference: { temperature: 0.3, stopSequences: [] },
    });
    const chat = await call("POST", `/prompts/${ids.chat}/versions/1/render`, { json: { variables: { team: "Support", question: "Where is my order?" } } });
    expect(renderedPromptResponseSchema.parse(chat.body).data).toMatchObject({ type: "CHAT", system: "You help Support.", messages: [{ role: "user", text: "Where is my order?" }] });
    expect(await fingerprint()).toEqual(before);
  });
});
