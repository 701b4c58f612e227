import type { z } from "zod";
import { PERMISSIONS } from "@/lib/permissions";
import { healthResponseSchema, runtimeConfigResponseSchema } from "@/lib/runtime/api-schemas";
import { jsonSchemaOf } from "./json-schema";
import { pathTextSchema } from "./path-params";

// The runtime configuration API and the health check, for lib/api/openapi.ts. Response schemas
// are inlined (like the guardrail paths) so the pinned components stay as they are.

const jsonSchema = (schema: z.ZodType) => jsonSchemaOf(schema, "output");

const json = (schema: unknown) => ({ "application/json": { schema } });
const apiError = json({ $ref: "#/components/schemas/ApiError" });
const scopes = PERMISSIONS["runtime:read"].tokenScopes.join(" or ");
const header = (description: string) => ({ description, schema: { type: "string" } });

export const RUNTIME_TAG = { name: "runtime", description: "What applications read at run time: the configuration deployed to their environment" };

export function runtimePaths() {
  return {
    "/runtime/{slug}": {
      get: {
        operationId: "getRuntimeConfig",
        tags: ["runtime"],
        summary: "The configuration deployed to an environment: prompts by role, model, guardrail, knowledge bases",
        description:
          `Resolved when the release was promoted (or restored by a rollback) and served as stored. Send the ETag back in If-None-Match: ` +
          `304 while nothing changed; a promotion or rollback changes it on the very next request (Cache-Control: private, no-cache). ` +
          `404 when no use case of the token's team has this slug, or nothing is deployed to the environment. Requires a token with scope ${scopes}.`,
        parameters: [
          { name: "slug", in: "path", required: true, description: "Use case slug", schema: jsonSchemaOf(pathTextSchema, "input") },
          { name: "environment", in: "query", required: true, description: "dev, preprod or prod (any case)", schema: { type: "string", enum: ["dev", "preprod", "prod"] } },
          { name: "If-None-Match", in: "header", required: false, description: "ETags from earlier answers (weak comparison, lists and * accepted)", schema: { type: "string" } },
        ],
        responses: {
          "200": {
            description: "The runtime configuration",
            headers: { ETag: header('Strong validator: "<base64url sha-256 of the body>"'), "Cache-Control": header("private, no-cache") },
            content: json(jsonSchema(runtimeConfigResponseSchema)),
          },
          "304": { description: "Not modified: the If-None-Match matched the current ETag (no body)", headers: { ETag: header("The current ETag") } },
          "401": { description: "Missing, unknown or revoked API token", content: apiError },
          "403": { description: "The token lacks the runtime:read scope", content: apiError },
          "404": { description: "No such use case visible to this token, or nothing deployed to the environment", content: apiError },
          "422": { description: "environment is missing or not dev, preprod or prod (details.fields names it)", content: apiError },
          "500": { description: "Internal error; quote the X-Request-Id response header when reporting it", content: apiError },
        },
      },
    },
    "/health": {
      get: {
        operationId: "getHealth",
        tags: ["meta"],
        summary: "Liveness check for load balancers (no token needed, no database)",
        security: [],
        responses: { "200": { description: "Always { \"status\": \"ok\" } while the server answers", content: json(jsonSchema(healthResponseSchema)) } },
      },
    },
  };
}
