import type { z } from "zod";
import type { Metric } from "./evaluate-gates";
import { NUL_MESSAGE, nulPath } from "@/lib/errors";
import { MAX_RUN_ITEMS, MAX_UPLOAD_BYTES, metricsSchema, runItemSchema, type RunItemInput } from "./schemas";

// Pure: the upload page runs it in the browser (in steps, for a progress bar) and the upload
// service runs it again on the server before anything is written.
//
// The format, one JSON object per line (blank lines are skipped):
//   {"metrics": {"accuracy": 0.91, "latency_p95_ms": 2100}}          exactly one metrics line
//   {"itemIndex": 0, "input": {...}, "output": "...", "expected": "...", "scores": {...}, "passed": true}
// The use case, dataset version and candidate are chosen in the form, not in the file.

export type LineError = { line: number; field: string; reason: string };
export type RunFileResult = { metrics: Metric[] | null; items: RunItemInput[]; errors: LineError[] };

/** Lines between two progress reports. */
const STEP = 250;

function issuesOf(line: number, error: z.ZodError, prefix = ""): LineError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => ({ line, field: prefix + key, reason: "is not a known field (itemIndex, input, output, expected, scores, passed)" }));
    const field = issue.path.length ? prefix + issue.path.map(String).join(".") : prefix ? prefix.slice(0, -1) : "(line)";
    return [{ line, field, reason: issue.message }];
  });
}

function metricsLine(line: number, value: Record<string, unknown>, result: RunFileResult, isFirst: boolean) {
  const { metrics, ...rest } = value;
  for (const key of Object.keys(rest)) result.errors.push({ line, field: key, reason: "is not allowed on the metrics line" });
  if (!isFirst) return result.errors.push({ line, field: "metrics", reason: "appears twice: the file has one metrics line" });
  if (typeof metrics !== "object" || metrics === null || Array.isArray(metrics)) {
    return result.errors.push({ line, field: "metrics", reason: 'must be an object of metric names to numbers, e.g. {"accuracy": 0.91}' });
  }
  const parsed = metricsSchema.safeParse(Object.entries(metrics).map(([name, v]) => ({ name, value: v })));
  if (!parsed.success) {
    const names = Object.keys(metrics);
    for (const issue of parsed.error.issues) {
      const [index] = issue.path;
      const field = typeof index === "number" ? `metrics.${names[index]}` : "metrics";
      result.errors.push({ line, field, reason: issue.path[1] === "name" ? `is not a valid metric name: ${issue.message}` : issue.message });
    }
  } else result.metrics = parsed.data;
}

function itemLine(line: number, value: unknown, result: RunFileResult, itemCount?: number) {
  const parsed = runItemSchema.safeParse(value);
  if (!parsed.success) return result.errors.push(...issuesOf(line, parsed.error));
  const nul = nulPath(parsed.data);
  if (nul) return result.errors.push({ line, field: nul.join("."), reason: NUL_MESSAGE });
  if (itemCount !== undefined && parsed.data.itemIndex !== undefined && parsed.data.itemIndex >= itemCount) {
    return result.errors.push({ line, field: "itemIndex", reason: `must be less than ${itemCount}, the number of items in the dataset version` });
  }
  if (result.items.length >= MAX_RUN_ITEMS) return result.errors.push({ line, field: "(line)", reason: `a run holds at most ${MAX_RUN_ITEMS} items` });
  result.items.push(parsed.data);
}

/** Parses step by step, yielding the fraction done; `itemCount` (of the dataset version) bounds itemIndex. */
export function* parseRunFileSteps(text: string, itemCount?: number): Generator<number, RunFileResult> {
  const result: RunFileResult = { metrics: null, items: [], errors: [] };
  if (new TextEncoder().encode(text).length > MAX_UPLOAD_BYTES) {
    result.errors.push({ line: 0, field: "(file)", reason: `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` });
    return result;
  }
  let start = 0;
  let line = 0;
  let metricsLines = 0;
  while (start < text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline + 1;
    const raw = text.slice(start, end).trim();
    line++;
    start = end;
    if (raw !== "") {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        result.errors.push({ line, field: "(line)", reason: "is not valid JSON" });
        continue;
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) result.errors.push({ line, field: "(line)", reason: "must be a JSON object" });
      else if ("metrics" in value) metricsLine(line, value as Record<string, unknown>, result, ++metricsLines === 1);
      else itemLine(line, value, result, itemCount);
    }
    if (line % STEP === 0) yield start / text.length;
  }
  if (metricsLines === 0) {
    result.errors.push({ line: 0, field: "metrics", reason: 'the file has no metrics line, e.g. {"metrics": {"accuracy": 0.91}}' });
  }
  return result;
}

export function parseRunFile(text: string, itemCount?: number): RunFileResult {
  const steps = parseRunFileSteps(text, itemCount);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export const RUN_FILE_EXAMPLE = [
  '{"metrics": {"accuracy": 0.91, "guardrail_intervention_rate": 0.02, "latency_p95_ms": 2100}}',
  '{"itemIndex": 0, "input": {"ticket": "Printer on fire"}, "output": "hardware", "expected": "hardware", "scores": {"exact_match": 1}, "passed": true}',
  '{"itemIndex": 1, "input": {"ticket": "Card declined"}, "output": "hardware", "expected": "billing", "scores": {"exact_match": 0}, "passed": false}',
].join("\n");
