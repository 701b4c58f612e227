import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createDatasetSchema } from "./schemas";
import { serializeDataset } from "./serialize";

/** A new, empty golden dataset of a use case: items are imported into its draft. */
export async function createDataset(ctx: ServiceContext, input: unknown) {
  const data = parseInput(createDatasetSchema, input);
  const useCase = await ctx.db.useCase.findUnique({ where: { id: data.useCaseId }, select: { id: true, teamId: true } });
  if (!useCase) throw new AppError("VALIDATION_FAILED", "useCaseId: no such use case", { fields: [{ field: "useCaseId", message: "no such use case" }] });
  authorize(ctx.actor, "dataset:edit", useCase);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const created = await tx.dataset.create({
        data: { id: newId("ds"), useCaseId: useCase.id, name: data.name, description: data.description, createdById: ctx.actor.id },
      });
      const after = serializeDataset(created);
      await recordAuditEvent(tx, ctx, { action: "dataset.create", resourceType: "dataset", resourceId: created.id, after });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `This use case already has a dataset named "${data.name}"`, { fields: [{ field: "name", message: "is already taken in this use case" }] });
    }
    throw error;
  }
}
