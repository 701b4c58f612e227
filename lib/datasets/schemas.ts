import { z } from "zod";
import { boundedJson, INT4_MAX, INT4_MESSAGE } from "@/lib/input-limits";
import { VARIABLE_NAME } from "@/lib/prompts/template";

// Shared by the import page (parsed in the browser), the services and the parser.

export const MAX_ITEMS = 10_000;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_TAGS = 20;
export const DATASET_FORMATS = ["csv", "jsonl"] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

const jsonValue: z.ZodType<unknown> = boundedJson(z.union(
  [z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())],
  "must be text, a number, true/false or JSON",
));

export const datasetItemSchema = z
  .object({
    input: z
      .record(z.string().regex(VARIABLE_NAME, "variable names start with a letter or _ and have only letters, digits, _ and -"), jsonValue, "must be an object of variable values")
      .default({}),
    expected: z.string("is required").min(1, "is required").max(20_000, "must be at most 20000 characters"),
    tags: z
      .array(z.string("must be text").trim().min(1, "must not be empty").max(50, "must be at most 50 characters"), "must be a list of tags")
      .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
      .default([]),
  })
  .strict();

export type DatasetItemInput = z.output<typeof datasetItemSchema>;
export type DatasetItem = { input: Record<string, unknown>; expected: string; tags: string[] };

const name = z
  .string("is required")
  .trim()
  .min(1, "is required")
  .max(100, "must be at most 100 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, "must start with a letter or digit and have only letters, digits, spaces, _, . and -");

export const createDatasetSchema = z
  .object({
    useCaseId: z.string("is required").min(1, "is required"),
    name,
    description: z.string().trim().max(1000, "must be at most 1000 characters").default(""),
  })
  .strict();

export const importDatasetSchema = z
  .object({
    format: z.enum(DATASET_FORMATS, "must be csv or jsonl"),
    text: z.string("is required"),
    mode: z.enum(["append", "replace"], "must be append or replace"),
    /** The number of good rows the author saw and confirmed; a different file is refused. */
    confirmedRows: z.number("must be a number").int().min(0).max(INT4_MAX, INT4_MESSAGE),
  })
  .strict();

export const createDatasetVersionSchema = z
  .object({ message: z.string("is required").trim().min(1, "is required: say what changed").max(200, "must be at most 200 characters") })
  .strict();

export const listDatasetsSchema = z.object({
  useCaseId: z.string().min(1).optional(),
  page: z.coerce.number("must be a number").int().min(1, "must be at least 1").default(1),
  pageSize: z.coerce.number("must be a number").int().min(1, "must be between 1 and 100").max(100, "must be between 1 and 100").default(25),
});

export const exportDatasetSchema = z.object({
  format: z.enum(DATASET_FORMATS, "must be csv or jsonl").default("csv"),
  version: z.coerce.number("must be a version number").int("must be a whole number").min(1, "must be 1 or more").max(INT4_MAX, INT4_MESSAGE).optional(),
});

/** Which format a file name says it is in. */
export function formatOfFileName(fileName: string): DatasetFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  return null;
}
