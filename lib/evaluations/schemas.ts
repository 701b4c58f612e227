import { z } from "zod";
import { INT4_MAX, INT4_MESSAGE, jsonObjectSchema } from "@/lib/input-limits";
import { NUL_MESSAGE, nulPath } from "@/lib/errors";

// Shared by the gate form, the upload page (parsed in the browser), the API and the services.

export const MAX_RUN_ITEMS = 10_000;
export const MAX_RUN_METRICS = 100;
/** The JSONL upload goes through a server action (limit 6 MB in next.config.ts). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/**
 * POST /api/v1/evaluation-runs carries up to 10,000 items, far more than the API's general body
 * limit (256 KiB by default): this route reads its body with its own, larger limit — 8 MiB, about
 * 800 bytes per item. It stays below Next's proxy body limit (proxyClientMaxBodySize, 10 MiB),
 * past which the proxy would truncate the body and the client would get a 400 instead of a 413.
 */
export const EVALUATION_RUN_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export const COMPARISONS = ["GTE", "GT", "LTE", "LT"] as const;
export const METRIC_NAME = /^[a-z][a-z0-9_.]*$/;

export const metricNameSchema = z
  .string("is required")
  .min(1, "is required")
  .max(64, "must be at most 64 characters")
  .regex(METRIC_NAME, "must start with a lowercase letter and have only lowercase letters, digits, _ and .");

// zod 4 refuses NaN and ±Infinity for z.number(): a metric or threshold is always finite.
const finiteNumber = z.number("must be a finite number");
const id = z.string("is required").trim().min(1, "is required").max(100, "must be at most 100 characters");

export const gateSchema = z
  .object({
    metric: metricNameSchema,
    comparison: z.enum(COMPARISONS, "must be one of GTE, GT, LTE, LT"),
    threshold: finiteNumber,
  })
  .strict();

export const createGateSchema = gateSchema.extend({ useCaseId: id }).strict();
export const updateGateSchema = gateSchema;

export const runItemSchema = z
  .object({
    itemIndex: z.number("must be a whole number").int("must be a whole number").min(0, "must be 0 or more").max(INT4_MAX, INT4_MESSAGE).optional(),
    input: jsonObjectSchema("must be an object of the item's input variables"),
    output: z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be text") }).max(50_000, "must be at most 50000 characters"),
    expected: z.string("must be text").max(50_000, "must be at most 50000 characters").optional(),
    scores: z.record(metricNameSchema, finiteNumber, "must be an object of score names to numbers").optional(),
    passed: z.boolean("must be true or false").optional(),
  })
  .strict();

export type RunItemInput = z.output<typeof runItemSchema>;

export const metricSchema = z.object({ name: metricNameSchema, value: finiteNumber }).strict();

export const metricsSchema = z
  .array(metricSchema, "must be a list of { name, value }")
  .min(1, "must have at least one metric")
  .max(MAX_RUN_METRICS, `must have at most ${MAX_RUN_METRICS} metrics`)
  .superRefine((metrics, ctx) => {
    const seen = new Set<string>();
    metrics.forEach((m, i) => {
      if (seen.has(m.name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `${m.name} appears twice` });
      seen.add(m.name);
    });
  });

const candidate = z.string("is required").trim().min(1, "is required").max(100, "must be at most 100 characters");
const externalUrl = z
  .url({ protocol: /^https?$/, message: "must be an http or https URL" })
  .max(2000, "must be at most 2000 characters")
  // The protocol check is invisible to z.toJSONSchema (format uri allows any scheme); state it.
  .meta({ pattern: "^https?://" })
  .optional();
const datasetVersion = z.number("must be a version number").int("must be a whole number").min(1, "must be 1 or more").max(INT4_MAX, INT4_MESSAGE);

export const createEvaluationRunSchema = z
  .object({
    useCaseId: id,
    candidate,
    datasetId: id,
    datasetVersion,
    releaseId: id.optional(),
    metrics: metricsSchema,
    items: z.array(runItemSchema, "must be a list of items").max(MAX_RUN_ITEMS, `must have at most ${MAX_RUN_ITEMS} items`).default([]),
    externalUrl,
  })
  .strict()
  .superRefine((run, ctx) => {
    const path = nulPath(run);
    if (path) ctx.addIssue({ code: "custom", path, message: NUL_MESSAGE });
  });

export type CreateEvaluationRunInput = z.output<typeof createEvaluationRunSchema>;

/** The upload form: the run's header fields, plus the JSONL file's text (parsed again on the server). */
export const uploadEvaluationRunSchema = z
  .object({
    useCaseId: id,
    candidate,
    datasetId: id,
    datasetVersion,
    externalUrl: z.preprocess((v) => (v === "" ? undefined : v), externalUrl),
    text: z.string("is required").min(1, "is required: choose a file"),
  })
  .strict();

export const listRunsSchema = z.object({
  useCaseId: z.string().min(1).optional(),
  page: z.coerce.number("must be a number").int().min(1, "must be at least 1").max(INT4_MAX, INT4_MESSAGE).default(1),
  pageSize: z.coerce.number("must be a number").int().min(1, "must be between 1 and 100").max(100, "must be between 1 and 100").default(25),
});
