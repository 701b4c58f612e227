import { AppError, parseInput } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { EDITABLE_STATUSES, updateUseCaseSchema } from "./schemas";
import { serializeUseCase } from "./serialize";
import { lockUseCaseOrThrow } from "./load-use-case";

export async function updateUseCase(ctx: ServiceContext, id: string, input: unknown) {
  const data = parseInput(updateUseCaseSchema, input);
  return ctx.db.$transaction(async (tx) => {
    const current = await lockUseCaseOrThrow(tx, id);
    authorize(ctx.actor, "use-case:update", current);
    if (!(EDITABLE_STATUSES as readonly string[]).includes(current.status)) {
      throw new AppError("CONFLICT", `A use case can be edited only as a draft or after changes were requested; this one is ${current.status}`);
    }
    const { nextReviewDate, ...rest } = data;
    const updated = await tx.useCase.update({
      where: { id },
      data: {
        ...rest,
        ...(nextReviewDate === undefined ? {} : { nextReviewDate: nextReviewDate ? new Date(`${nextReviewDate}T00:00:00Z`) : null }),
      },
    });
    const after = serializeUseCase(updated);
    await recordAuditEvent(tx, ctx, { action: "use-case.update", resourceType: "use-case", resourceId: id, before: serializeUseCase(current), after });
    return after;
  });
}
