import { parseInput, validationError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { createEvaluationRun } from "./create-evaluation-run";
import { parseRunFile } from "./parse-run-file";
import { uploadEvaluationRunSchema } from "./schemas";

/**
 * The console's JSONL upload: the file is parsed again here (the browser's report is a preview,
 * never trusted) and the run goes through the same service as the API. A file with any bad line
 * is refused whole: a run is evidence, and silently dropping lines would change its verdict.
 */
export async function uploadEvaluationRun(ctx: ServiceContext, input: unknown) {
  const { text, ...header } = parseInput(uploadEvaluationRunSchema, input);
  const { metrics, items, errors } = parseRunFile(text);
  if (errors.length > 0 || !metrics) {
    throw validationError(errors.map((e) => ({ field: e.line ? `line ${e.line}: ${e.field}` : e.field, message: e.reason })));
  }
  return createEvaluationRun(ctx, { ...header, metrics, items }, "upload");
}
