import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/permissions";
import { auditEventSelect, auditEventWhere, serializeAuditEvent, type AuditEventDto } from "./queries";
import { auditExportSchema, type AuditExportFormat, type AuditExportInput } from "./schemas";

type Reader = { db: PrismaClient; actor: Actor };

export const AUDIT_CSV_COLUMNS = [
  "seq",
  "at",
  "actorId",
  "actorLabel",
  "actorRole",
  "action",
  "resourceType",
  "resourceId",
  "requestId",
  "before",
  "after",
  "prevHash",
  "hash",
] as const satisfies readonly (keyof AuditEventDto)[];

const CONTENT_TYPE: Record<AuditExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
};

/**
 * One CSV field (RFC 4180). A value a spreadsheet would run as a formula (= + - @, and the tab
 * and carriage return OWASP lists) gets a leading apostrophe, so opening an export in Excel
 * cannot execute what an actor typed into a name. The JSON export keeps values untouched.
 */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvLine(cells: (string | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function csvValue(e: AuditEventDto, column: (typeof AUDIT_CSV_COLUMNS)[number]): string | null {
  if (column === "before" || column === "after") return e[column] === null ? null : JSON.stringify(e[column]);
  return e[column];
}

/**
 * Matching events in chain order, a batch at a time by seq cursor (never the whole log in
 * memory). The export is a snapshot: events appended while it runs are not included.
 */
async function* auditEventBatches(db: PrismaClient, where: Prisma.AuditEventWhereInput, batchSize: number) {
  const last = await db.auditEvent.findFirst({ where, orderBy: { seq: "desc" }, select: { seq: true } });
  if (!last) return;
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { AND: [where, { seq: cursor === undefined ? { lte: last.seq } : { gt: cursor, lte: last.seq } }] },
      orderBy: { seq: "asc" },
      take: batchSize,
      select: auditEventSelect,
    });
    if (rows.length) yield rows.map(serializeAuditEvent);
    if (rows.length < batchSize) return;
    cursor = rows[rows.length - 1]!.seq;
  }
}

async function* csvChunks(batches: AsyncIterable<AuditEventDto[]>) {
  yield csvLine([...AUDIT_CSV_COLUMNS]);
  for await (const batch of batches) yield batch.map((e) => csvLine(AUDIT_CSV_COLUMNS.map((c) => csvValue(e, c)))).join("");
}

async function* jsonChunks(batches: AsyncIterable<AuditEventDto[]>) {
  let separator = "\n";
  yield "[";
  for await (const batch of batches) {
    let chunk = "";
    for (const e of batch) {
      chunk += separator + JSON.stringify(e);
      separator = ",\n";
    }
    yield chunk;
  }
  yield separator === "\n" ? "]\n" : "\n]\n";
}

/** A pull stream: the next batch is read only when the client has taken the previous one. */
function toByteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export type AuditExport = { format: AuditExportFormat; filename: string; contentType: string; body: ReadableStream<Uint8Array> };

/**
 * Every event matching the filter as a CSV or JSON file. Authorization and validation happen
 * before this returns, so a refused or invalid request fails cleanly instead of mid-download.
 */
export async function exportAuditEvents({ db, actor }: Reader, input: AuditExportInput | Record<string, unknown>, options: { batchSize?: number } = {}): Promise<AuditExport> {
  authorize(actor, "audit:read");
  const { format, ...filter } = parseInput(auditExportSchema, input);
  const batches = auditEventBatches(db, auditEventWhere(filter), options.batchSize ?? 1000);
  return {
    format,
    filename: `strata-audit-${new Date().toISOString().slice(0, 10)}.${format}`,
    contentType: CONTENT_TYPE[format],
    body: toByteStream(format === "csv" ? csvChunks(batches) : jsonChunks(batches)),
  };
}
