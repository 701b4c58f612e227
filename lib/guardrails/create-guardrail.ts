import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createGuardrailSchema } from "./schemas";
import { serializeGuardrail } from "./load-guardrail";

export async function createGuardrail(ctx: ServiceContext, input: unknown) {
  const data = parseInput(createGuardrailSchema, input);
  const useCase = await ctx.db.useCase.findUnique({ where: { id: data.useCaseId }, select: { id: true, teamId: true } });
  if (!useCase) throw new AppError("VALIDATION_FAILED", "useCaseId: no such use case", { fields: [{ field: "useCaseId", message: "no such use case" }] });
  authorize(ctx.actor, "guardrail:edit", useCase);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const created = await tx.guardrail.create({
        data: { id: newId("gr"), useCaseId: useCase.id, name: data.name, description: data.description, draft: data.config, draftUpdatedById: ctx.actor.id, createdById: ctx.actor.id },
      });
      const after = serializeGuardrail(created, useCase.teamId);
      await recordAuditEvent(tx, ctx, { action: "guardrail.create", resourceType: "guardrail", resourceId: created.id, after });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `This use case already has a guardrail named "${data.name}"`, { fields: [{ field: "name", message: "is already taken in this use case" }] });
    }
    throw error;
  }
}
