import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createUseCaseSchema } from "./schemas";
import { serializeUseCase } from "./serialize";

export async function createUseCase(ctx: ServiceContext, input: unknown) {
  const data = parseInput(createUseCaseSchema, input);
  authorize(ctx.actor, "use-case:create", { teamId: data.teamId });
  const team = await ctx.db.team.findUnique({ where: { id: data.teamId }, select: { id: true } });
  if (!team) throw new AppError("VALIDATION_FAILED", "teamId: no such team", { fields: [{ field: "teamId", message: "no such team" }] });
  try {
    return await ctx.db.$transaction(async (tx) => {
      const created = await tx.useCase.create({
        data: {
          ...data,
          id: newId("uc"),
          nextReviewDate: data.nextReviewDate ? new Date(`${data.nextReviewDate}T00:00:00Z`) : null,
          createdById: ctx.actor.id,
        },
      });
      const after = serializeUseCase(created);
      await recordAuditEvent(tx, ctx, { action: "use-case.create", resourceType: "use-case", resourceId: created.id, after });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `A use case with slug "${data.slug}" already exists`, { fields: [{ field: "slug", message: "is already taken" }] });
    }
    throw error;
  }
}
