import { PERMISSIONS } from "@/lib/permissions";
import { createEvaluationRunSchema, EVALUATION_RUN_BODY_LIMIT_BYTES, MAX_RUN_ITEMS } from "@/lib/evaluations/schemas";
import { evaluationRunDetailResponseSchema, evaluationRunResponseSchema } from "@/lib/evaluations/api-schemas";
import { apiErrorSchema } from "./schemas";
import { jsonSchemaOf } from "./json-schema";
import { pathTextSchema } from "./path-params";

// The evaluation runs' part of the v1 OpenAPI document, generated from the zod schemas the
// service parses with and the API tests check responses against (spread in by ./openapi.ts).

export const EVALUATION_TAG = { name: "evaluations", description: "Evaluation runs posted by CI, judged against the use case's gates" };

const json = (s: unknown) => ({ "application/json": { schema: s } });
const apiError = jsonSchemaOf(apiErrorSchema, "output");

const ERRORS: Record<number, string> = {
  400: "Malformed JSON body",
  401: "Missing, unknown or revoked API token",
  403: "The token lacks the required scope",
  404: "No such run or use case visible to this token (another team's answer 404)",
  413: `Body larger than this route's limit of ${EVALUATION_RUN_BODY_LIMIT_BYTES} bytes`,
  415: "Content-Type is not application/json",
  422: "Invalid input: details.fields names each invalid field (e.g. metrics.0.value, items.12.itemIndex, datasetVersion)",
  500: "Internal error; quote the X-Request-Id response header when reporting it",
};
const errors = (...statuses: number[]) =>
  Object.fromEntries([...statuses, 500].map((s) => [String(s), { description: ERRORS[s], content: json(apiError) }]));

const scopes = (p: "evaluation:post" | "evaluation:read") => PERMISSIONS[p].tokenScopes.join(" or ");

const CURL_EXAMPLE = {
  useCaseId: "uc_…",
  candidate: "git-3f9c2e1",
  datasetId: "ds_…",
  datasetVersion: 3,
  metrics: [
    { name: "accuracy", value: 0.91 },
    { name: "latency_p95_ms", value: 2100 },
  ],
  items: [{ itemIndex: 0, input: { ticket: "Printer on fire" }, output: "hardware", expected: "hardware", scores: { exact_match: 1 }, passed: true }],
  externalUrl: "https://ci.example.com/jobs/1234",
};

export const evaluationPaths = {
  "/evaluation-runs": {
    post: {
      operationId: "createEvaluationRun",
      tags: ["evaluations"],
      summary: "Record an evaluation run and get its verdict",
      description:
        `The run is judged against the use case's gates as they are now: it passes when every gate does, and a gate whose metric the run does not carry fails. ` +
        `404 when the token's team has no use case useCaseId. The dataset version (datasetId + datasetVersion) and the optional releaseId must be the use case's: 422 naming the field otherwise. ` +
        `itemIndex, when given, is the 0-based index of the item in that dataset version: 422 when it is not below the version's number of items. ` +
        `Metric names are unique within a run (422 naming metrics.N.name); at most ${MAX_RUN_ITEMS} items. Runs are numbered per use case and never change afterwards. ` +
        `A failing run triggers the evaluation.gate-failed webhook. Requires a token with scope ${scopes("evaluation:post")} of the use case's team.`,
      requestBody: { required: true, content: { "application/json": { schema: jsonSchemaOf(createEvaluationRunSchema, "input"), example: CURL_EXAMPLE } } },
      responses: {
        "201": { description: "The run, with `passed` and the verdict of each gate in `gates`", content: json(jsonSchemaOf(evaluationRunResponseSchema, "output")) },
        ...errors(400, 401, 403, 404, 413, 415, 422),
      },
    },
  },
  "/evaluation-runs/{id}": {
    get: {
      operationId: "getEvaluationRun",
      tags: ["evaluations"],
      summary: "Read a run: its metrics and its recorded verdict",
      description: `404 when the token's team has no run with this id. Requires a token with scope ${scopes("evaluation:read")}; a token sees only its own team's runs.`,
      parameters: [{ name: "id", in: "path", required: true, description: "Run id (run_…)", schema: jsonSchemaOf(pathTextSchema, "input") }],
      responses: { "200": { description: "The run", content: json(jsonSchemaOf(evaluationRunDetailResponseSchema, "output")) }, ...errors(401, 403, 404) },
    },
  },
};
