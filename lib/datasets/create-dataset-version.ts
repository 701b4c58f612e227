import { AppError, parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createDatasetVersionSchema, type DatasetItem } from "./schemas";
import { serializeDatasetVersion } from "./serialize";
import { lockDatasetOrThrow } from "./load-dataset";

/**
 * Freezes the draft items as version latestVersion + 1. The dataset row stays locked until the
 * transaction commits, so concurrent creators get consecutive numbers; @@unique([datasetId,
 * number]) would refuse a duplicate even without the lock.
 */
export async function createDatasetVersion(ctx: ServiceContext, id: string, input: unknown) {
  const { message } = parseInput(createDatasetVersionSchema, input);
  return ctx.db.$transaction(async (tx) => {
    const current = await lockDatasetOrThrow(tx, id);
    authorize(ctx.actor, "dataset:edit", { teamId: current.teamId });
    const draft = await tx.datasetItem.findMany({ where: { datasetId: id }, orderBy: { position: "asc" }, select: { input: true, expected: true, tags: true } });
    if (draft.length === 0) throw new AppError("CONFLICT", "The draft has no items: import some before creating a version");
    const items: DatasetItem[] = draft.map((d) => ({ input: d.input as Record<string, unknown>, expected: d.expected, tags: d.tags }));
    const number = current.row.latestVersion + 1;
    const created = await tx.datasetVersion.create({
      data: { id: newId("dsv"), datasetId: id, number, message, items: items as never, itemCount: items.length, createdById: ctx.actor.id },
    });
    await tx.dataset.update({ where: { id }, data: { latestVersion: number } });
    const { items: _items, ...after } = serializeDatasetVersion(created);
    await recordAuditEvent(tx, ctx, {
      action: "dataset.create-version",
      resourceType: "dataset",
      resourceId: id,
      before: { latestVersion: current.row.latestVersion },
      after,
    });
    return after;
  });
}
