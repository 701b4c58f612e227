import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { csvField } from "./csv";
import { exportDatasetSchema, type DatasetFormat, type DatasetItem } from "./schemas";
import { getDatasetItemsOrThrow } from "./queries";

/** CSV cells are text: numbers and booleans are written as such, objects and arrays as JSON. */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The import format: one input.<name> column per variable any item uses, then expected and tags. */
export function itemsToCsv(items: DatasetItem[]): string {
  const variables = [...new Set(items.flatMap((i) => Object.keys(i.input)))];
  const header = [...variables.map((v) => `input.${v}`), "expected", "tags"];
  const lines = [header, ...items.map((i) => [...variables.map((v) => cellText(i.input[v])), i.expected, i.tags.join(";")])];
  return lines.map((cells) => cells.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export function itemsToJsonl(items: DatasetItem[]): string {
  return items.map((i) => JSON.stringify({ input: i.input, expected: i.expected, tags: i.tags })).join("\n") + (items.length ? "\n" : "");
}

/** The draft or one version as a file the import accepts back. */
export async function exportDataset(reader: { db: PrismaClient; actor: Actor }, id: string, query: Record<string, unknown>) {
  const q = parseInput(exportDatasetSchema, query);
  const { name, items } = await getDatasetItemsOrThrow(reader, id, q.version);
  const format: DatasetFormat = q.format;
  const base = `${name.replace(/[^A-Za-z0-9_.-]+/g, "-")}-${q.version ? `v${q.version}` : "draft"}`;
  return format === "csv"
    ? { fileName: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: itemsToCsv(items) }
    : { fileName: `${base}.jsonl`, contentType: "application/x-ndjson; charset=utf-8", body: itemsToJsonl(items) };
}
