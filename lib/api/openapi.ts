import { PERMISSIONS, type Permission } from "@/lib/permissions";
import { createUseCaseSchema, listUseCasesSchema, updateUseCaseSchema } from "@/lib/use-cases/schemas";
import { apiErrorSchema, useCaseDetailResponseSchema, useCaseListResponseSchema, useCaseResponseSchema } from "./schemas";
import { jsonSchemaOf } from "./json-schema";
import { pathTextSchema } from "./path-params";
import { promptPaths } from "./openapi-prompts";
import { GUARDRAIL_TAG, guardrailPaths } from "./openapi-guardrails";
import { EVALUATION_TAG, evaluationPaths } from "./openapi-evaluations";
import { RUNTIME_TAG, runtimePaths } from "./openapi-runtime";

// Generated from the same zod schemas the services parse with and the responses are checked
// against, so the published contract cannot drift from the code (lib/api/openapi.test.ts).

type JsonSchema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed JSON body",
  401: "Missing, unknown or revoked API token",
  403: "The token lacks the scope, or the resource belongs to another team",
  404: "No such use case visible to this token",
  409: "Conflict with the current state (duplicate slug, or not editable in its status)",
  413: "Body larger than the limit (STRATA_API_BODY_LIMIT_BYTES, default 262144 bytes)",
  415: "Content-Type is not application/json",
  422: "Invalid input: details.fields names each invalid field",
  500: "Internal error; quote the X-Request-Id response header when reporting it",
};

function errors(...statuses: number[]) {
  return Object.fromEntries(
    [...statuses, 500].map((s) => [String(s), { description: ERROR_DESCRIPTIONS[s], content: json(ref("ApiError")) }]),
  );
}

function scopeNote(permission: Permission): string {
  const scopes: readonly string[] = (PERMISSIONS[permission] as { tokenScopes?: readonly string[] }).tokenScopes ?? [];
  return `Requires a token with scope ${scopes.join(" or ")}.`;
}

const idParameter = { name: "id", in: "path", required: true, description: "Use case id (uc_…) or slug", schema: jsonSchemaOf(pathTextSchema, "input") };

function listQueryParameters() {
  const query = jsonSchemaOf(listUseCasesSchema, "input") as { properties: Record<string, JsonSchema> };
  return Object.entries(query.properties).map(([name, schema]) => ({ name, in: "query", required: false, schema }));
}

function buildDocument() {
  const schemas = {
    CreateUseCaseInput: jsonSchemaOf(createUseCaseSchema, "input"),
    UpdateUseCaseInput: jsonSchemaOf(updateUseCaseSchema, "input"),
    ListUseCasesQuery: jsonSchemaOf(listUseCasesSchema, "input"),
    UseCaseResponse: jsonSchemaOf(useCaseResponseSchema, "output"),
    UseCaseDetailResponse: jsonSchemaOf(useCaseDetailResponseSchema, "output"),
    UseCaseListResponse: jsonSchemaOf(useCaseListResponseSchema, "output"),
    ApiError: jsonSchemaOf(apiErrorSchema, "output"),
  };
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Strata API",
      version: "1.0.0",
      description:
        "Register and read governed AI use cases from CI and applications. Authenticate with an API token created by an admin (`Authorization: Bearer strata_…`); a token sees only its own team's use cases. " +
        "Every response carries an X-Request-Id header, and every error is `{ error: { code, message, details? } }`: a path that is not valid percent-encoding answers 400, a path not listed here 404, a method a path does not list 405 with an Allow header. " +
        "Requests are validated as described by their schemas (422, naming each field); in addition, every 4xx an operation answers for a schema-valid request is named in its description.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }],
    tags: [{ name: "use-cases", description: "The use-case registry" }, { name: "prompts", description: "The prompt catalog" }, GUARDRAIL_TAG, EVALUATION_TAG, RUNTIME_TAG, { name: "meta", description: "This description" }],
    paths: {
      "/use-cases": {
        get: {
          operationId: "listUseCases",
          tags: ["use-cases"],
          summary: "List the token's team's use cases",
          description: `Search, filter, sort and paginate. A teamId filter naming another team answers 403. ${scopeNote("use-case:read")}`,
          parameters: listQueryParameters(),
          responses: { "200": { description: "One page of use cases", content: json(ref("UseCaseListResponse")) }, ...errors(401, 403, 422) },
        },
        post: {
          operationId: "createUseCase",
          tags: ["use-cases"],
          summary: "Register a use case (as a draft)",
          description: `The teamId must be the token's team (403 otherwise); a slug already taken answers 409. ${scopeNote("use-case:create")}`,
          requestBody: { required: true, content: json(ref("CreateUseCaseInput")) },
          responses: { "201": { description: "Created", content: json(ref("UseCaseResponse")) }, ...errors(400, 401, 403, 409, 413, 415, 422) },
        },
      },
      "/use-cases/{id}": {
        get: {
          operationId: "getUseCase",
          tags: ["use-cases"],
          summary: "Read one use case by id or slug",
          description: `404 when no use case of the token's team has this id or slug. ${scopeNote("use-case:read")}`,
          parameters: [idParameter],
          responses: { "200": { description: "The use case", content: json(ref("UseCaseDetailResponse")) }, ...errors(401, 403, 404) },
        },
        patch: {
          operationId: "updateUseCase",
          tags: ["use-cases"],
          summary: "Change fields of a draft (or of a use case whose changes were requested)",
          description: `Send only the fields to change (at least one). 404 when no use case of the token's team has this id or slug; 409 unless it is a draft or its changes were requested. ${scopeNote("use-case:update")}`,
          parameters: [idParameter],
          requestBody: { required: true, content: json(ref("UpdateUseCaseInput")) },
          responses: { "200": { description: "The updated use case", content: json(ref("UseCaseResponse")) }, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      ...promptPaths,
      ...guardrailPaths(),
      ...evaluationPaths,
      ...runtimePaths(),
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          tags: ["meta"],
          summary: "This OpenAPI document (no token needed)",
          security: [],
          responses: { "200": { description: "OpenAPI 3.1 document", content: json({ type: "object" }) } },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "strata_<8-char prefix>_<secret>", description: "An API token created by an admin" },
      },
      schemas,
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

let cached: OpenApiDocument | undefined;

/** Built once per process: the schemas do not change while it runs. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildDocument();
  return cached;
}
