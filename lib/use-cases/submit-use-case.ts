import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { EDITABLE_STATUSES } from "./schemas";
import { serializeUseCase } from "./serialize";
import { lockUseCaseOrThrow } from "./load-use-case";

/** Sends a draft (or a use case whose changes were requested) to governance review. */
export async function submitUseCase(ctx: ServiceContext, id: string) {
  return ctx.db.$transaction(async (tx) => {
    const current = await lockUseCaseOrThrow(tx, id);
    authorize(ctx.actor, "use-case:submit", current);
    if (!(EDITABLE_STATUSES as readonly string[]).includes(current.status)) {
      throw new AppError("CONFLICT", `Only a draft or a use case with requested changes can be submitted; this one is ${current.status}`);
    }
    // Each submission opens a new review round: earlier decisions do not count again.
    const updated = await tx.useCase.update({
      where: { id },
      data: { status: "SUBMITTED", reviewRound: { increment: 1 }, submittedById: ctx.actor.id, submittedAt: new Date() },
    });
    const after = serializeUseCase(updated);
    await recordAuditEvent(tx, ctx, { action: "use-case.submit", resourceType: "use-case", resourceId: id, before: serializeUseCase(current), after });
    return after;
  });
}
