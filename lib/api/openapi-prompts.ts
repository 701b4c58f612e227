import { PERMISSIONS } from "@/lib/permissions";
import { listPromptsSchema, renderSchema } from "@/lib/prompts/schemas";
import {
  promptDetailResponseSchema,
  promptListResponseSchema,
  promptVersionResponseSchema,
  renderedPromptResponseSchema,
} from "@/lib/prompts/api-schemas";
import { apiErrorSchema } from "./schemas";
import { jsonSchemaOf } from "./json-schema";
import { pathTextSchema, versionPathSchema } from "./path-params";

// The prompt catalog's part of the v1 OpenAPI document, generated from the zod schemas the
// services parse with and the API tests check responses against (spread in by ./openapi.ts).

type JsonSchema = Record<string, unknown>;

/** Named schemas of the prompt endpoints. */
export const promptComponents = {
  RenderPromptInput: jsonSchemaOf(renderSchema, "input"),
  PromptListResponse: jsonSchemaOf(promptListResponseSchema, "output"),
  PromptDetailResponse: jsonSchemaOf(promptDetailResponseSchema, "output"),
  PromptVersionResponse: jsonSchemaOf(promptVersionResponseSchema, "output"),
  RenderedPromptResponse: jsonSchemaOf(renderedPromptResponseSchema, "output"),
};

// Inlined rather than $ref'd: the document's components.schemas is pinned by
// lib/api/openapi.test.ts to the use-case schemas. Inlining keeps the content identical.
const schema = (name: keyof typeof promptComponents) => promptComponents[name];
const json = (s: unknown) => ({ "application/json": { schema: s } });
const apiError = jsonSchemaOf(apiErrorSchema, "output");

const ERRORS: Record<number, string> = {
  400: "Malformed JSON body",
  401: "Missing, unknown or revoked API token",
  403: "The token lacks the prompts:read scope",
  404: "No such prompt, version or use case visible to this token (another team's answer 404)",
  413: "Body larger than the limit (STRATA_API_BODY_LIMIT_BYTES, default 262144 bytes)",
  415: "Content-Type is not application/json",
  422: "Invalid input: details.fields names each invalid field (for render: variables.<name>)",
  500: "Internal error; quote the X-Request-Id response header when reporting it",
};
const errors = (...statuses: number[]) =>
  Object.fromEntries([...statuses, 500].map((s) => [String(s), { description: ERRORS[s], content: json(apiError) }]));

const scope = `Requires a token with scope ${PERMISSIONS["prompt:read"].tokenScopes.join(" or ")}; a token sees only its own team's prompts.`;
const path = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: jsonSchemaOf(pathTextSchema, "input") });
const promptId = path("id", "Prompt id (prm_…)");
const versionNumber = { ...path("n", "Version number (1, 2, 3…)"), schema: jsonSchemaOf(versionPathSchema.shape.n, "input") };
const pageParameters = (["page", "pageSize"] as const).map((name) => ({
  name,
  in: "query",
  required: false,
  schema: (jsonSchemaOf(listPromptsSchema, "input") as { properties: Record<string, JsonSchema> }).properties[name],
}));

export const promptPaths = {
  "/use-cases/{id}/prompts": {
    get: {
      operationId: "listUseCasePrompts",
      tags: ["prompts"],
      summary: "List the prompts of a use case",
      description: `Newest draft change first, paginated. 404 when no use case of the token's team has this id or slug. ${scope}`,
      parameters: [path("id", "Use case id (uc_…) or slug"), ...pageParameters],
      responses: { "200": { description: "One page of prompts", content: json(schema("PromptListResponse")) }, ...errors(401, 403, 404, 422) },
    },
  },
  "/prompts/{id}": {
    get: {
      operationId: "getPrompt",
      tags: ["prompts"],
      summary: "Read a prompt: its draft and the list of its versions",
      description: `404 when the token's team has no prompt with this id. ${scope}`,
      parameters: [promptId],
      responses: { "200": { description: "The prompt", content: json(schema("PromptDetailResponse")) }, ...errors(401, 403, 404) },
    },
  },
  "/prompts/{id}/versions/{n}": {
    get: {
      operationId: "getPromptVersion",
      tags: ["prompts"],
      summary: "Read one version (versions never change)",
      description: `404 when the token's team has no such prompt, or the prompt has no version n. ${scope}`,
      parameters: [promptId, versionNumber],
      responses: { "200": { description: "The version", content: json(schema("PromptVersionResponse")) }, ...errors(401, 403, 404, 422) },
    },
  },
  "/prompts/{id}/versions/{n}/render": {
    post: {
      operationId: "renderPromptVersion",
      tags: ["prompts"],
      summary: "Fill a version's variables and return the rendered prompt",
      description: `The variables are the version's own: numbers must be numeric, json variables must parse, and every missing, mistyped or unknown variable is named in one 422. 404 when the token's team has no such prompt or version. Nothing is stored. ${scope}`,
      parameters: [promptId, versionNumber],
      requestBody: { required: true, content: json(schema("RenderPromptInput")) },
      responses: { "200": { description: "The rendered prompt, with its model id and inference parameters", content: json(schema("RenderedPromptResponse")) }, ...errors(400, 401, 403, 404, 413, 415, 422) },
    },
  },
};
