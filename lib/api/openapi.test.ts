import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createUseCaseSchema, listUseCasesSchema, updateUseCaseSchema } from "@/lib/use-cases/schemas";
import { GET as getOpenApiJson } from "@/app/api/v1/openapi.json/route";
import { INT4_MAX } from "@/lib/input-limits";
import { openApiDocument } from "./openapi";
import { apiErrorSchema, useCaseDetailResponseSchema, useCaseListResponseSchema, useCaseResponseSchema } from "./schemas";
import { jsonSchemaOf, NUL_FREE_PATTERN, trimmedMinPattern } from "./json-schema";

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const API_DIR = path.resolve(__dirname, "../../app/api/v1");
const doc = openApiDocument();
type Node = Record<string, unknown>;

/** Every schema object inside `value`, however deeply nested. */
function schemasIn(value: unknown): Node[] {
  if (!value || typeof value !== "object") return [];
  const children = Object.values(value).flatMap(schemasIn);
  return Array.isArray(value) ? children : [value as Node, ...children];
}
const patternsOf = (s: Node) => [s.pattern, ...((s.allOf as Node[] | undefined) ?? []).map((a) => a.pattern)].filter(Boolean);

/** Every route.ts under app/api/v1 as its OpenAPI path: `use-cases/[id]` → `/use-cases/{id}`. */
function routeFiles(dir = API_DIR): { file: string; apiPath: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (!/^route\.tsx?$/.test(entry.name)) return [];
    const rel = path.relative(API_DIR, dir).split(path.sep).filter(Boolean);
    return [{ file: full, apiPath: `/${rel.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")}` }];
  });
}

describe("OpenAPI document", () => {
  it("carries the live zod schemas, converted by jsonSchemaOf", () => {
    expect(doc.components.schemas).toEqual({
      CreateUseCaseInput: jsonSchemaOf(createUseCaseSchema, "input"),
      UpdateUseCaseInput: jsonSchemaOf(updateUseCaseSchema, "input"),
      ListUseCasesQuery: jsonSchemaOf(listUseCasesSchema, "input"),
      UseCaseResponse: jsonSchemaOf(useCaseResponseSchema, "output"),
      UseCaseDetailResponse: jsonSchemaOf(useCaseDetailResponseSchema, "output"),
      UseCaseListResponse: jsonSchemaOf(useCaseListResponseSchema, "output"),
      ApiError: jsonSchemaOf(apiErrorSchema, "output"),
    });
    const listParameters = doc.paths["/use-cases"].get.parameters.map((p) => p.name);
    expect(listParameters).toEqual(Object.keys(listUseCasesSchema.shape));
  });

  it("documents exactly the methods the route files export", async () => {
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThanOrEqual(3);
    const exported = new Set<string>();
    for (const { file, apiPath } of routes) {
      const mod: Record<string, unknown> = await import(file);
      for (const method of HTTP_METHODS) if (typeof mod[method] === "function") exported.add(`${method} ${apiPath}`);
    }
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([apiPath, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${apiPath}`)),
    );
    expect([...documented].sort()).toEqual([...exported].sort());
  });

  it("resolves every $ref and documents auth and internal errors on every protected operation", () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = ref.replace(/^"\$ref":"#\/components\/schemas\//, "").replace(/"$/, "");
      expect(doc.components.schemas).toHaveProperty(name);
    }
    for (const [apiPath, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops) as [string, { security?: unknown[]; responses: Record<string, unknown> }][]) {
        if (apiPath === "/openapi.json" || apiPath === "/health") continue; // public by design
        expect(op.security, `${method} ${apiPath}`).toBeUndefined();
        expect(Object.keys(op.responses), `${method} ${apiPath}`).toEqual(expect.arrayContaining(["401", "500"]));
      }
    }
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("gives every integer the largest value its int4 column holds", () => {
    const integers = schemasIn(doc).filter((s) => s.type === "integer");
    expect(integers.length).toBeGreaterThan(10);
    for (const s of integers) expect(s.maximum, JSON.stringify(s)).toBeLessThanOrEqual(INT4_MAX);
  });

  it("states on every string a client sends the rules parseInput and .trim() add", () => {
    const requests = [
      ...Object.entries(doc.components.schemas).filter(([name]) => /Input|Query$/.test(name)).map(([, s]) => s),
      // Header values cannot carry a NUL at all; path and query parameters and bodies can.
      ...Object.values(doc.paths).flatMap((ops) => Object.values(ops).flatMap((op: Node) => [((op.parameters as Node[] | undefined) ?? []).filter((p) => p.in !== "header"), op.requestBody])),
    ];
    const strings = schemasIn(requests).filter((s) => s.type === "string" && !s.enum && s.const === undefined);
    expect(strings.length).toBeGreaterThan(20);
    for (const s of strings) expect(patternsOf(s), JSON.stringify(s)).toContain(NUL_FREE_PATTERN);
    // `name` is trimmed before its minimum of 3 is checked: "  a  " is too short.
    expect(patternsOf((jsonSchemaOf(createUseCaseSchema, "input").properties as Record<string, Node>).name!)).toContain(trimmedMinPattern(3));
    expect(new RegExp(trimmedMinPattern(3)).test("  a  ")).toBe(false);
    expect(new RegExp(trimmedMinPattern(3)).test(" a b ")).toBe(true);
    expect(new RegExp(NUL_FREE_PATTERN, "u").test("a\u0000")).toBe(false);
  });

  it("is served without a token", async () => {
    const res = getOpenApiJson();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
