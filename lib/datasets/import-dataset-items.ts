import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { importDatasetSchema, MAX_ITEMS } from "./schemas";
import { parseDatasetFile } from "./parse-dataset-file";
import { lockDatasetOrThrow } from "./load-dataset";

/**
 * Writes the good rows of a file into the draft, appended or replacing it, after the author has
 * seen the validation report. The file is parsed again here: the browser's report is a preview,
 * never trusted. Bad rows are never written.
 */
export async function importDatasetItems(ctx: ServiceContext, id: string, input: unknown) {
  const data = parseInput(importDatasetSchema, input);
  const { rows, errors } = parseDatasetFile(data.text, data.format);
  if (errors.some((e) => e.field === "(file)")) throw new AppError("PAYLOAD_TOO_LARGE", errors[0]!.reason);
  if (rows.length === 0) throw new AppError("VALIDATION_FAILED", "The file has no good rows: nothing was imported", { fields: [{ field: "text", message: "has no good rows" }] });
  if (rows.length !== data.confirmedRows) {
    throw new AppError("CONFLICT", `The file has ${rows.length} good rows, not the ${data.confirmedRows} you confirmed: check the report again`);
  }
  return ctx.db.$transaction(async (tx) => {
    const current = await lockDatasetOrThrow(tx, id);
    authorize(ctx.actor, "dataset:edit", { teamId: current.teamId });
    const before = await tx.datasetItem.count({ where: { datasetId: id } });
    const start = data.mode === "replace" ? 0 : before;
    if (start + rows.length > MAX_ITEMS) {
      throw new AppError("CONFLICT", `A dataset holds at most ${MAX_ITEMS} items: the draft has ${before}, the file ${rows.length}. Replace the draft instead, or import fewer rows`);
    }
    if (data.mode === "replace") await tx.datasetItem.deleteMany({ where: { datasetId: id } });
    await tx.datasetItem.createMany({
      data: rows.map((r, i) => ({ id: newId("dsi"), datasetId: id, position: start + i, input: r.input as Prisma.InputJsonObject, expected: r.expected, tags: r.tags })),
    });
    const after = { mode: data.mode, format: data.format, imported: rows.length, rejectedRows: new Set(errors.map((e) => e.row)).size, itemCount: start + rows.length };
    await recordAuditEvent(tx, ctx, { action: "dataset.import", resourceType: "dataset", resourceId: id, before: { itemCount: before }, after });
    return after;
  });
}
