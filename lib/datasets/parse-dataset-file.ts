import type { z } from "zod";
import { csvRecords, unneutralise } from "./csv";
import { datasetItemSchema, MAX_FILE_BYTES, MAX_ITEMS, type DatasetFormat, type DatasetItem } from "./schemas";

// Pure: the import page runs it in the browser (in steps, for a progress bar) and the import
// service runs it again on the server before writing anything.

export type RowError = { row: number; field: string; reason: string };
export type ParseResult = { rows: DatasetItem[]; errors: RowError[] };

/** Rows between two progress reports. */
const STEP = 250;
const RESERVED = ["expected", "tags"];

function issuesOf(row: number, error: z.ZodError, prefix = ""): RowError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => ({ row, field: prefix + key, reason: "is not a known field (input, expected, tags)" }));
    const [head, key] = issue.path;
    const field = head === "input" && key !== undefined ? `input.${String(key)}` : String(head ?? "(row)");
    return [{ row, field, reason: issue.message }];
  });
}

function check(row: number, value: unknown, rows: DatasetItem[], errors: RowError[]) {
  const parsed = datasetItemSchema.safeParse(value);
  if (!parsed.success) errors.push(...issuesOf(row, parsed.error));
  else if (rows.length >= MAX_ITEMS) errors.push({ row, field: "(row)", reason: `a dataset holds at most ${MAX_ITEMS} items` });
  else rows.push(parsed.data);
}

function* csvSteps(text: string): Generator<number, ParseResult> {
  const rows: DatasetItem[] = [];
  const errors: RowError[] = [];
  const records = csvRecords(text);
  const header = records.next();
  if (header.done) return { rows, errors: [{ row: 1, field: "(header)", reason: "the file is empty" }] };
  const columns = header.value.cells.map((c) => c.trim());
  const seen = new Set<string>();
  columns.forEach((column) => {
    if (seen.has(column)) errors.push({ row: 1, field: column, reason: "appears twice in the header" });
    seen.add(column);
    if (!RESERVED.includes(column) && !/^input\.[^.]+$/.test(column)) errors.push({ row: 1, field: column || "(empty)", reason: "is not a known column: use expected, tags or input.<variable>" });
  });
  if (!columns.includes("expected")) errors.push({ row: 1, field: "expected", reason: "the header has no expected column" });
  // A header that cannot be read makes every row unreadable: report the header alone.
  if (errors.length) return { rows, errors };
  let row = 1;
  for (const record of records) {
    row++;
    const { cells } = record;
    if (cells.length === 1 && cells[0] === "") continue;
    if (record.unterminated) errors.push({ row, field: "(row)", reason: "a quoted field is never closed" });
    else if (cells.length !== columns.length) errors.push({ row, field: "(row)", reason: `has ${cells.length} fields; the header has ${columns.length}` });
    else {
      const input: Record<string, string> = {};
      const item: Record<string, unknown> = { input };
      columns.forEach((column, i) => {
        const value = unneutralise(cells[i]!);
        if (column === "expected") item.expected = value;
        else if (column === "tags") item.tags = value.split(";").map((t) => t.trim()).filter(Boolean);
        else if (value !== "") input[column.slice("input.".length)] = value;
      });
      check(row, item, rows, errors);
    }
    if (row % STEP === 0) yield record.end / text.length;
  }
  return { rows, errors };
}

function* jsonlSteps(text: string): Generator<number, ParseResult> {
  const rows: DatasetItem[] = [];
  const errors: RowError[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline + 1;
    const raw = text.slice(start, end).trim();
    line++;
    start = end;
    if (raw === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      errors.push({ row: line, field: "(line)", reason: `is not valid JSON (${(error as Error).message})` });
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) errors.push({ row: line, field: "(line)", reason: "must be a JSON object with input, expected and tags" });
    else check(line, value, rows, errors);
    if (line % STEP === 0) yield start / text.length;
  }
  return { rows, errors };
}

/** The parse as steps: yields the fraction of the file read so far, returns the result. */
export function* parseDatasetFileSteps(text: string, format: DatasetFormat): Generator<number, ParseResult> {
  if (new TextEncoder().encode(text).length > MAX_FILE_BYTES) {
    return { rows: [], errors: [{ row: 0, field: "(file)", reason: `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` }] };
  }
  return yield* format === "csv" ? csvSteps(text) : jsonlSteps(text);
}

/** Good rows (in file order) and one error per bad field, with 1-based row numbers (CSV: the header is row 1). */
export function parseDatasetFile(text: string, format: DatasetFormat): ParseResult {
  const steps = parseDatasetFileSteps(text, format);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
