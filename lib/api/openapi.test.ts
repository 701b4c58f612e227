import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createUseCaseSchema, listUseCasesSchema, updateUseCaseSchema } from "@/lib/use-cases/schemas";
import { GET as getOpenApiJson } from "@/app/api/v1/openapi.json/route";
import { openApiDocument } from "./openapi";
import { apiErrorSchema, useCaseDetailResponseSchema, useCaseListResponseSchema, useCaseResponseSchema } from "./schemas";

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const API_DIR = path.resolve(__dirname, "../../app/api/v1");
const doc = openApiDocument();
const withoutDialect = (schema: Record<string, unknown>) => {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
};

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
  it("carries the live zod schemas, converted by z.toJSONSchema", () => {
    expect(doc.components.schemas).toEqual({
      CreateUseCaseInput: withoutDialect(z.toJSONSchema(createUseCaseSchema, { io: "input" })),
      UpdateUseCaseInput: withoutDialect(z.toJSONSchema(updateUseCaseSchema, { io: "input" })),
      ListUseCasesQuery: withoutDialect(z.toJSONSchema(listUseCasesSchema, { io: "input" })),
      UseCaseResponse: withoutDialect(z.toJSONSchema(useCaseResponseSchema, { io: "output" })),
      UseCaseDetailResponse: withoutDialect(z.toJSONSchema(useCaseDetailResponseSchema, { io: "output" })),
      UseCaseListResponse: withoutDialect(z.toJSONSchema(useCaseListResponseSchema, { io: "output" })),
      ApiError: withoutDialect(z.toJSONSchema(apiErrorSchema, { io: "output" })),
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

  it("is served without a token", async () => {
    const res = getOpenApiJson();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
