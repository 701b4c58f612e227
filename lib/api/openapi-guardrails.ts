import type { z } from "zod";
import { PERMISSIONS } from "@/lib/permissions";
import { guardrailDetailResponseSchema, guardrailListResponseSchema, guardrailVersionResponseSchema } from "@/lib/guardrails/api-schemas";
import { jsonSchemaOf } from "./json-schema";
import { pathTextSchema, versionPathSchema } from "./path-params";

// The guardrail part of the v1 OpenAPI document, generated from the zod schemas the API tests
// parse responses with. Response schemas are inlined rather than added to components, so the
// use-case components stay exactly as lib/api/openapi.test.ts pins them; errors use ApiError.

const jsonSchema = (schema: z.ZodType) => jsonSchemaOf(schema, "output");

const json = (schema: unknown) => ({ "application/json": { schema } });
const apiError = json({ $ref: "#/components/schemas/ApiError" });
const scopes = PERMISSIONS["guardrail:read"].tokenScopes.join(" or ");

const ERRORS = {
  "401": { description: "Missing, unknown or revoked API token", content: apiError },
  "403": { description: "The token lacks the guardrails:read scope", content: apiError },
  "404": { description: "No such use case, guardrail or version visible to this token", content: apiError },
  "500": { description: "Internal error; quote the X-Request-Id response header when reporting it", content: apiError },
};

const path = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: jsonSchemaOf(pathTextSchema, "input") });

export const GUARDRAIL_TAG = { name: "guardrails", description: "Guardrail configurations in Bedrock's vocabulary (DRAFT and immutable versions)" };

export function guardrailPaths() {
  return {
    "/use-cases/{id}/guardrails": {
      get: {
        operationId: "listUseCaseGuardrails",
        tags: ["guardrails"],
        summary: "List a use case's guardrails, each with its DRAFT config",
        description: `404 when no use case of the token's team has this id or slug. Requires a token with scope ${scopes}.`,
        parameters: [path("id", "Use case id (uc_…) or slug")],
        responses: { "200": { description: "The guardrails", content: json(jsonSchema(guardrailListResponseSchema)) }, ...ERRORS },
      },
    },
    "/guardrails/{id}": {
      get: {
        operationId: "getGuardrail",
        tags: ["guardrails"],
        summary: "Read a guardrail: its DRAFT config and its list of versions",
        description: `404 when the token's team has no guardrail with this id. Requires a token with scope ${scopes}.`,
        parameters: [path("id", "Guardrail id (gr_…)")],
        responses: { "200": { description: "The guardrail", content: json(jsonSchema(guardrailDetailResponseSchema)) }, ...ERRORS },
      },
    },
    "/guardrails/{id}/versions/{n}": {
      get: {
        operationId: "getGuardrailVersion",
        tags: ["guardrails"],
        summary: "Read one immutable numbered version with its config",
        description: `404 when the token's team has no such guardrail, or the guardrail has no version n. Requires a token with scope ${scopes}.`,
        parameters: [path("id", "Guardrail id (gr_…)"), { ...path("n", "Version number (1, 2, …)"), schema: jsonSchemaOf(versionPathSchema.shape.n, "input") }],
        responses: {
          "200": { description: "The version", content: json(jsonSchema(guardrailVersionResponseSchema)) },
          "422": { description: "n is not a version number (details.fields names it)", content: apiError },
          ...ERRORS,
        },
      },
    },
  };
}
