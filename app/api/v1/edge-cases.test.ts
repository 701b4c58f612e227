import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { registerDatabase } from "@/lib/db/registry";
import { createTestDatabase } from "@/lib/testing/test-database";
import { apiErrorSchema } from "@/lib/api/schemas";
import { INT4_MAX } from "@/lib/input-limits";
import { runInput } from "@/lib/evaluations/test-support";
import { startServerBeforeNext, type RawResponse } from "@/lib/testing/server-before-next";
import { SECURITY_HEADERS } from "@/lib/http/security-headers";
import type { OpenApiDocument } from "@/lib/api/openapi";
import { GET as getDocument } from "./openapi.json/route";
import { API_ROUTES, callApi, type CallResult } from "./test-client";
import { createApiFixture, fillPath, realPathParams, type ApiFixture } from "./api-fixture";
import { fieldsOf, isInteger, operationsOf, plant, type FieldPath, type Operation } from "./openapi-walk";

/**
 * Issue 8 §5, "the API keeps its error promise at the edges": every route file under
 * app/api/v1 (discovered, not listed) is sent each edge case — a NUL in each path parameter, an
 * integer one above what its column holds, JSON nested thousands deep in each body field, every
 * method it does not export (TRACE too), a sub-path it does not have, a path that is not valid
 * percent-encoding — and must answer the documented 4xx as `{ error: { code, message } }` with
 * an X-Request-Id, and change nothing. Before the fix these were 500s, HTML 404 pages and empty
 * 405s.
 */

const doc = (await getDocument().json()) as OpenApiDocument;
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const DEEP = 20_000;
// Sent as text: JSON.stringify itself overflows the stack on a value this deep.
const DEEP_JSON = "[".repeat(DEEP) + "]".repeat(DEEP);
const deepBody = (body: unknown, path: FieldPath) => JSON.stringify(plant(body, path, "__deep__")).replace('"__deep__"', DEEP_JSON);

/** The methods each discovered route file exports, with the document's description of each. */
const routes = API_ROUTES.map((route) => {
  const exported = HTTP_METHODS.filter((m) => typeof route.module[m] === "function");
  const operations = operationsOf(doc).filter((op) => op.template === route.template && exported.includes(op.method as (typeof HTTP_METHODS)[number]));
  const allow = [...exported, ...(exported.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
  return { template: route.template, exported, operations, allow };
});

/** A body each operation accepts, so that the one planted value is the only thing wrong with it. */
const VALID_BODY: Record<string, (fx: ApiFixture) => unknown> = {
  createUseCase: (fx) => fx.makeUseCaseInput(),
  updateUseCase: () => ({ name: "Renamed at the edge" }),
  renderPromptVersion: () => ({ variables: { product: "Printers", ticket: "On fire" } }),
  createEvaluationRun: (fx) => runInput(fx.ids.useCase, fx.ids, { items: [{ itemIndex: 0, input: { ticket: "x" }, output: "y" }] }),
};

type Request = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };
type Case = { name: string; method: string; url: (fx: ApiFixture) => string; body?: (fx: ApiFixture) => unknown; raw?: (fx: ApiFixture) => string; status: number; code: string; field?: string; allow?: string };

/** The operation's URL and body with real ids and valid values, except for what `change` sets. */
function request(op: Operation, change: Request = {}) {
  const url = (fx: ApiFixture) => {
    const query = { ...Object.fromEntries(op.parameters.filter((p) => p.in === "query" && p.required).map((p) => [p.name, String((p.schema.enum as string[])[0])])), ...change.query };
    const search = new URLSearchParams(query).toString();
    return fillPath(op.template, { ...realPathParams(fx, op.template), ...change.params }) + (search ? `?${search}` : "");
  };
  const body = op.body ? (fx: ApiFixture) => ("body" in change ? change.body : validBody(op, fx)) : undefined;
  return { method: op.method, url, body };
}

function validBody(op: Operation, fx: ApiFixture) {
  const make = VALID_BODY[op.operationId];
  if (!make) throw new Error(`No valid body for ${op.operationId}: add one to VALID_BODY`);
  return make(fx);
}

const at = (path: FieldPath) => path.join(".");

const cases: Case[] = routes.flatMap(({ template, exported, operations, allow }) => [
  ...operations.flatMap((op): Case[] => [
    ...op.parameters
      .filter((p) => p.in === "path")
      .map((p) => ({ name: `NUL in {${p.name}}`, ...request(op, { params: { [p.name]: "a\u0000b" } }), status: 422, code: "VALIDATION_FAILED", field: p.name })),
    ...op.parameters
      .filter((p) => p.in !== "header" && isInteger(doc, p.schema))
      .map((p) => ({ name: `${p.name} = INT4_MAX + 1`, ...request(op, p.in === "path" ? { params: { [p.name]: String(INT4_MAX + 1) } } : { query: { [p.name]: String(INT4_MAX + 1) } }), status: 422, code: "VALIDATION_FAILED", field: p.name })),
    ...(op.body
      ? fieldsOf(doc, op.body)
          .filter((f) => isInteger(doc, f.schema))
          .map((f) => ({ name: `${at(f.path)} = INT4_MAX + 1`, ...request(op), body: (fx: ApiFixture) => plant(validBody(op, fx), f.path, INT4_MAX + 1), status: 422, code: "VALIDATION_FAILED", field: at(f.path) }))
      : []),
    ...(op.body
      ? [{ path: [] as FieldPath }, ...fieldsOf(doc, op.body)].map((f) => ({
          name: `${at(f.path) || "the body"} nested ${DEEP} deep`,
          ...request(op),
          raw: (fx: ApiFixture) => deepBody(validBody(op, fx), f.path),
          status: 422,
          code: "VALIDATION_FAILED",
          field: at(f.path) || "(body)",
        }))
      : []),
  ]),
  ...["GET", "POST", "PUT", "PATCH", "DELETE"]
    .filter((m) => !exported.includes(m as (typeof HTTP_METHODS)[number]))
    .map((method) => ({ name: `${method} ${template}`, method, url: (fx: ApiFixture) => fillPath(template, realPathParams(fx, template)), status: 405, code: "METHOD_NOT_ALLOWED", allow })),
  { name: `unknown sub-path of ${template}`, method: "GET", url: (fx: ApiFixture) => `${fillPath(template, realPathParams(fx, template))}/nope`, status: 404, code: "NOT_FOUND" },
]);

let database: Database;
let fx: ApiFixture;
let edge: Awaited<ReturnType<typeof startServerBeforeNext>>;

beforeAll(async () => {
  database = await createTestDatabase();
  registerDatabase(database);
  fx = await createApiFixture(database.prisma);
  // What the server does before Next.js: a request it does not answer would reach Next (599 here).
  edge = await startServerBeforeNext();
});
afterAll(async () => {
  await edge?.close();
  registerDatabase(undefined);
  await database?.close();
});

/** Everything a refused request could have written: every change is audited in its transaction. */
async function fingerprint() {
  const db = database.prisma;
  const newest = await db.useCase.aggregate({ _max: { updatedAt: true } });
  return {
    audit: await db.auditEvent.count(),
    useCases: await db.useCase.count(),
    newestUseCaseChange: newest._max.updatedAt?.toISOString(),
    runs: await db.evaluationRun.count(),
  };
}

function expectRefusal(res: Pick<CallResult, "status" | "body" | "headers">, c: Pick<Case, "status" | "code" | "field" | "allow">) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: c.status, code: c.code });
  expect(apiErrorSchema.safeParse(res.body).error).toBeUndefined();
  expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  if (c.field) {
    const fields: string[] = res.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields.some((f) => f === c.field || f.startsWith(`${c.field}.`)), `${fields.join(", ")} should name ${c.field}`).toBe(true);
  }
  if (c.allow) expect(res.headers.get("allow")).toBe(c.allow);
}

/** Through the server's step before Next.js, the way a client on the wire sends it. */
const sendRaw = async (method: string, path: string) => {
  const res: RawResponse = await edge.send(method, path);
  return { ...res, body: res.json as CallResult["body"] };
};

/** The route's path with its last parameter `uc_%` (or a stray `%` at its end when it has none). */
function badlyEncoded(template: string) {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (!names.length) return `${template}%`;
  return fillPath(template, { ...realPathParams(fx, template), [names.at(-1)!]: "\u0001" }).replace("%01", "uc_%");
}

describe("every v1 route keeps the error promise at the edges", () => {
  it("discovers every route file and its documented operations", () => {
    expect(routes.length).toBe(Object.keys(doc.paths).length);
    for (const r of routes) expect(r.operations.map((o) => o.method).sort(), r.template).toEqual(r.exported.filter((m) => m !== "HEAD" && m !== "OPTIONS").sort());
  });

  it.each(cases)("$method $name → $status $code", async (c) => {
    const before = await fingerprint();
    const res = await callApi(c.method, c.url(fx), { token: fx.token, json: c.body?.(fx), raw: c.raw?.(fx) });
    expectRefusal(res, c);
    expect(await fingerprint()).toEqual(before);
  });

  it.each(routes)("OPTIONS $template → 204 with Allow: $allow", async ({ template, allow }) => {
    const res = await callApi("OPTIONS", fillPath(template, realPathParams(fx, template)), { token: null });
    expect(res.status).toBe(204);
    expect(res.headers.get("allow")).toBe(allow);
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it.each(routes)("TRACE $template, with no token → 405 with Allow and the security headers", async ({ template, allow }) => {
    const before = await fingerprint();
    const res = await sendRaw("TRACE", `/api/v1${fillPath(template, realPathParams(fx, template))}`);
    expectRefusal(res, { status: 405, code: "METHOD_NOT_ALLOWED", allow });
    for (const { key, value } of SECURITY_HEADERS) expect(res.headers.get(key)).toBe(value);
    expect(await fingerprint()).toEqual(before);
  });

  it.each(routes)("$template with a segment that is not percent-encoding → 400", async ({ template }) => {
    for (const method of ["GET", "POST", "PATCH"]) {
      const res = await sendRaw(method, `/api/v1${badlyEncoded(template)}`);
      expectRefusal(res, { status: 400, code: "BAD_REQUEST" });
      for (const { key, value } of SECURITY_HEADERS) expect(res.headers.get(key)).toBe(value);
    }
  });

  it("answers 404 in the envelope for a path under /api/v1 that no route has", async () => {
    for (const path of ["", "/", "/nope", "/use-cases/x/nope/deeper", "/health/x"]) {
      expectRefusal(await callApi("GET", path, { token: null }), { status: 404, code: "NOT_FOUND" });
    }
  });

  it("puts a request id on the public routes too", async () => {
    for (const path of ["/health", "/openapi.json"]) {
      const res = await callApi("GET", path, { token: null });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    }
  });
});
