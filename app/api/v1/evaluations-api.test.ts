import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { registerDatabase } from "@/lib/db/registry";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { createGate } from "@/lib/evaluations/create-gate";
import { datasetVersionFor } from "@/lib/evaluations/test-support";
import { EVALUATION_RUN_BODY_LIMIT_BYTES, MAX_RUN_ITEMS } from "@/lib/evaluations/schemas";
import { evaluationRunDetailResponseSchema, evaluationRunResponseSchema } from "@/lib/evaluations/api-schemas";
import { apiErrorSchema } from "@/lib/api/schemas";
import * as runsRoute from "./evaluation-runs/route";
import * as runRoute from "./evaluation-runs/[id]/route";
import { endlessStream } from "./test-client";

type Handler = (req: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Options = { token?: keyof typeof tokens | null; json?: unknown; raw?: string | ReadableStream<Uint8Array>; contentType?: string | null; headers?: Record<string, string> };

let database: Database;
const tokens = { write: "", otherTeam: "", releasesRead: "", useCasesOnly: "" };
const ids = { useCase: "", slug: "", otherUseCase: "", datasetId: "", otherDatasetId: "" };

async function call(method: "GET" | "POST", path: string, options: Options = {}) {
  const id = path.split("/")[2];
  const handler = (method === "POST" ? runsRoute.POST : runRoute.GET) as Handler;
  const headers = new Headers(options.headers);
  const token = options.token === undefined ? tokens.write : options.token === null ? null : tokens[options.token];
  if (token) headers.set("authorization", `Bearer ${token}`);
  let body: BodyInit | undefined = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  if (body !== undefined) {
    const type = options.contentType === undefined ? "application/json" : options.contentType;
    if (type) headers.set("content-type", type);
    else if (typeof body === "string") body = new TextEncoder().encode(body);
  }
  const init: RequestInit & { duplex?: "half" } = { method, headers, body };
  if (body instanceof ReadableStream) init.duplex = "half";
  const res = await handler(new Request(`http://localhost/api/v1${path}`, init), { params: Promise.resolve<Record<string, string>>(id ? { id } : {}) });
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
  tokens.write = await token(teamA, ["evaluations:write"]);
  tokens.otherTeam = await token(teamB, ["evaluations:write"]);
  tokens.releasesRead = await token(teamA, ["releases:read"]);
  tokens.useCasesOnly = await token(teamA, ["use-cases:write"]);
  const owner = ctxFor(db, await createUserActor(db, "PRODUCT_OWNER", [teamA, teamB]));
  const ucA = await createUseCase(owner, makeUseCaseInput(teamA));
  const ucB = await createUseCase(owner, makeUseCaseInput(teamB));
  await createGate(owner, { useCaseId: ucA.id, metric: "accuracy", comparison: "GTE", threshold: 0.85 });
  await createGate(owner, { useCaseId: ucA.id, metric: "latency_p95_ms", comparison: "LTE", threshold: 3000 });
  const ds = await datasetVersionFor(owner, ucA.id, 3);
  const other = await datasetVersionFor(owner, ucB.id, 3);
  Object.assign(ids, { useCase: ucA.id, slug: ucA.slug, otherUseCase: ucB.id, datasetId: ds.datasetId, otherDatasetId: other.datasetId });
});
afterAll(async () => {
  registerDatabase(undefined);
  await database?.close();
});

const body = (overrides: Record<string, unknown> = {}) => ({
  useCaseId: ids.useCase,
  candidate: "git-3f9c2e1",
  datasetId: ids.datasetId,
  datasetVersion: 1,
  metrics: [{ name: "accuracy", value: 0.91 }, { name: "latency_p95_ms", value: 2100 }],
  ...overrides,
});

type Case = { name: string; options: () => Options; status: number; code: string; message: string; fields?: string[] };

const cases: Case[] = [
  { name: "no token", options: () => ({ token: null, json: body() }), status: 401, code: "UNAUTHENTICATED", message: "Missing API token" },
  { name: "token without evaluations:write", options: () => ({ token: "useCasesOnly", json: body() }), status: 403, code: "FORBIDDEN", message: "evaluation:post" },
  { name: "read-only releases token", options: () => ({ token: "releasesRead", json: body() }), status: 403, code: "FORBIDDEN", message: "evaluation:post" },
  { name: "another team's token", options: () => ({ token: "otherTeam", json: body() }), status: 404, code: "NOT_FOUND", message: "Use case was not found" },
  { name: "unknown use case", options: () => ({ json: body({ useCaseId: "uc_missing" }) }), status: 404, code: "NOT_FOUND", message: "Use case was not found" },
  { name: "malformed JSON", options: () => ({ raw: '{"metrics": [' }), status: 400, code: "BAD_REQUEST", message: "not valid JSON" },
  { name: "empty body", options: () => ({ raw: "" }), status: 400, code: "BAD_REQUEST", message: "empty" },
  { name: "text/plain body", options: () => ({ json: body(), contentType: "text/plain" }), status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "application/json" },
  { name: "no content type", options: () => ({ json: body(), contentType: null }), status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "application/json" },
  { name: "declared size over the limit", options: () => ({ json: body(), headers: { "content-length": String(EVALUATION_RUN_BODY_LIMIT_BYTES + 1) } }), status: 413, code: "PAYLOAD_TOO_LARGE", message: String(EVALUATION_RUN_BODY_LIMIT_BYTES) },
  { name: "streamed size over the limit", options: () => ({ raw: endlessStream(1024 * 1024) }), status: 413, code: "PAYLOAD_TOO_LARGE", message: String(EVALUATION_RUN_BODY_LIMIT_BYTES) },
  { name: "body is an array", options: () => ({ json: [body()] }), status: 422, code: "VALIDATION_FAILED", message: "(body)", fields: ["(body)"] },
  {
    name: "missing required fields",
    options: () => ({ json: {} }),
    status: 422,
    code: "VALIDATION_FAILED",
    message: "useCaseId: is required",
    fields: ["candidate", "datasetId", "datasetVersion", "metrics", "useCaseId"],
  },
  { name: "unknown field", options: () => ({ json: body({ verdict: "pass" }) }), status: 422, code: "VALIDATION_FAILED", message: "verdict", fields: ["(body)"] },
  { name: "candidate too long", options: () => ({ json: body({ candidate: "x".repeat(101) }) }), status: 422, code: "VALIDATION_FAILED", message: "candidate: must be at most 100 characters", fields: ["candidate"] },
  { name: "dataset version not a number", options: () => ({ json: body({ datasetVersion: "1" }) }), status: 422, code: "VALIDATION_FAILED", message: "datasetVersion: must be a version number", fields: ["datasetVersion"] },
  { name: "no metrics", options: () => ({ json: body({ metrics: [] }) }), status: 422, code: "VALIDATION_FAILED", message: "metrics: must have at least one metric", fields: ["metrics"] },
  { name: "metric value not finite", options: () => ({ json: body({ metrics: [{ name: "accuracy", value: null }] }) }), status: 422, code: "VALIDATION_FAILED", message: "metrics.0.value: must be a finite number", fields: ["metrics.0.value"] },
  { name: "bad metric name", options: () => ({ json: body({ metrics: [{ name: "Accuracy %", value: 1 }] }) }), status: 422, code: "VALIDATION_FAILED", message: "metrics.0.name: must start with a lowercase letter", fields: ["metrics.0.name"] },
  { name: "duplicate metric", options: () => ({ json: body({ metrics: [{ name: "a", value: 1 }, { name: "a", value: 1 }] }) }), status: 422, code: "VALIDATION_FAILED", message: "a appears twice", fields: ["metrics.1.name"] },
  { name: "item without output", options: () => ({ json: body({ items: [{ input: {} }] }) }), status: 422, code: "VALIDATION_FAILED", message: "items.0.output: is required", fields: ["items.0.output"] },
  { name: "item score not a number", options: () => ({ json: body({ items: [{ input: {}, output: "x", scores: { f1: "high" } }] }) }), status: 422, code: "VALIDATION_FAILED", message: "items.0.scores.f1", fields: ["items.0.scores.f1"] },
  { name: "itemIndex beyond the dataset version", options: () => ({ json: body({ items: [{ itemIndex: 3, input: {}, output: "x" }] }) }), status: 422, code: "VALIDATION_FAILED", message: "items.0.itemIndex: must be less than 3", fields: ["items.0.itemIndex"] },
  {
    name: "too many items",
    options: () => ({ json: body({ items: Array.from({ length: MAX_RUN_ITEMS + 1 }, () => ({ input: {}, output: "" })) }) }),
    status: 422,
    code: "VALIDATION_FAILED",
    message: `items: must have at most ${MAX_RUN_ITEMS} items`,
    fields: ["items"],
  },
  { name: "NUL character in an output", options: () => ({ json: body({ items: [{ input: {}, output: "a\u0000b" }] }) }), status: 422, code: "VALIDATION_FAILED", message: "items.0.output: must not contain the NUL character", fields: ["items.0.output"] },
  { name: "NUL character in an input key", options: () => ({ json: body({ items: [{ input: { "t\u0000": "x" }, output: "" }] }) }), status: 422, code: "VALIDATION_FAILED", message: "must not contain the NUL character", fields: ["items.0.input.t\u0000"] },
  { name: "dataset of another use case", options: () => ({ json: body({ datasetId: ids.otherDatasetId }) }), status: 422, code: "VALIDATION_FAILED", message: "datasetId: is not a dataset of this use case", fields: ["datasetId"] },
  { name: "missing dataset version", options: () => ({ json: body({ datasetVersion: 2 }) }), status: 422, code: "VALIDATION_FAILED", message: "datasetVersion: the dataset has no version 2", fields: ["datasetVersion"] },
  { name: "unknown release", options: () => ({ json: body({ releaseId: "rel_missing" }) }), status: 422, code: "VALIDATION_FAILED", message: "releaseId: is not a release of this use case", fields: ["releaseId"] },
  { name: "non-http external URL", options: () => ({ json: body({ externalUrl: "ftp://ci.example.com/1" }) }), status: 422, code: "VALIDATION_FAILED", message: "externalUrl: must be an http or https URL", fields: ["externalUrl"] },
];

async function fingerprint() {
  const db = database.prisma;
  return [await db.evaluationRun.count(), await db.evaluationRunItem.count(), await db.auditEvent.count(), await db.webhookDelivery.count()];
}

describe("POST /api/v1/evaluation-runs refuses bad requests and writes nothing", () => {
  it.each(cases)("$name → $status $code", async (c) => {
    const before = await fingerprint();
    const res = await call("POST", "/evaluation-runs", c.options());
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: c.status, code: c.code });
    expect(res.body.error.message).toContain(c.message);
    expect(apiErrorSchema.safeParse(res.body).success).toBe(true);
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    if (c.fields) expect(res.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(c.fields);
    expect(await fingerprint()).toEqual(before);
  });
});

describe("evaluation runs API", () => {
  it("records a passing run, returns its verdict, and reads it back for the same team only", async () => {
    const res = await call("POST", "/evaluation-runs", { json: body({ externalUrl: "https://ci.example.com/jobs/1", items: [{ itemIndex: 0, input: { ticket: "ticket-0" }, output: "label-0", passed: true }] }) });
    expect(res.status).toBe(201);
    const run = evaluationRunResponseSchema.parse(res.body).data;
    expect(run).toMatchObject({ useCaseId: ids.useCase, candidate: "git-3f9c2e1", passed: true, source: "api", itemCount: 1, datasetVersion: 1, consolePath: `/evaluations/${run.id}` });
    expect(run.gates.map((g) => [g.metric, g.passed])).toEqual([["accuracy", true], ["latency_p95_ms", true]]);

    const read = await call("GET", `/evaluation-runs/${run.id}`, { token: "releasesRead" });
    expect(read.status).toBe(200);
    expect(evaluationRunDetailResponseSchema.parse(read.body).data).toMatchObject({ id: run.id, number: run.number, useCase: { id: ids.useCase, slug: ids.slug } });
    expect((await call("GET", `/evaluation-runs/${run.id}`, { token: "otherTeam" })).status).toBe(404);
    expect((await call("GET", "/evaluation-runs/run_missing")).status).toBe(404);
    expect((await call("GET", `/evaluation-runs/${run.id}`, { token: "useCasesOnly" })).status).toBe(403);
  });

  it("records a failing run with each failing gate's value and reason", async () => {
    const res = await call("POST", "/evaluation-runs", { json: body({ metrics: [{ name: "accuracy", value: 0.81 }] }) });
    expect(res.status).toBe(201);
    const run = evaluationRunResponseSchema.parse(res.body).data;
    expect(run.passed).toBe(false);
    expect(run.gates).toEqual([
      { metric: "accuracy", comparison: "GTE", threshold: 0.85, value: 0.81, passed: false, reason: "0.81 < 0.85" },
      { metric: "latency_p95_ms", comparison: "LTE", threshold: 3000, value: null, passed: false, reason: "the run has no latency_p95_ms metric" },
    ]);
  });

  it("takes 10,000 items, far beyond the API's general body limit", async () => {
    const items = Array.from({ length: MAX_RUN_ITEMS }, (_, i) => ({ input: { ticket: `ticket number ${i}` }, output: "hardware", expected: "hardware", scores: { exact_match: 1 }, passed: true }));
    const payload = JSON.stringify(body({ items }));
    expect(payload.length).toBeGreaterThan(262_144);
    const res = await call("POST", "/evaluation-runs", { raw: payload });
    expect(res.status).toBe(201);
    expect(res.body.data.itemCount).toBe(MAX_RUN_ITEMS);
    expect(await database.prisma.evaluationRunItem.count({ where: { runId: res.body.data.id } })).toBe(MAX_RUN_ITEMS);
  }, 120_000);
});
