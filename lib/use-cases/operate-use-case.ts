import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { serializeUseCase } from "./serialize";
import { lockUseCaseOrThrow } from "./load-use-case";

const TRANSITIONS = {
  "mark-in-production": { from: ["APPROVED"], to: "IN_PRODUCTION" },
  retire: { from: ["APPROVED", "IN_PRODUCTION"], to: "RETIRED" },
} as const;

export type OperateTransition = keyof typeof TRANSITIONS;

/** The owner's lifecycle steps after approval: approved → in production → retired. */
export async function operateUseCase(ctx: ServiceContext, id: string, transition: OperateTransition) {
  const rule = TRANSITIONS[transition];
  if (!rule) throw new AppError("VALIDATION_FAILED", "transition: must be mark-in-production or retire");
  return ctx.db.$transaction(async (tx) => {
    const current = await lockUseCaseOrThrow(tx, id);
    authorize(ctx.actor, "use-case:operate", current);
    if (!(rule.from as readonly string[]).includes(current.status)) {
      throw new AppError("CONFLICT", `Cannot ${transition.replaceAll("-", " ")} a use case that is ${current.status}`);
    }
    const updated = await tx.useCase.update({ where: { id }, data: { status: rule.to } });
    const after = serializeUseCase(updated);
    await recordAuditEvent(tx, ctx, { action: `use-case.${transition}`, resourceType: "use-case", resourceId: id, before: { status: current.status }, after: { status: updated.status } });
    return after;
  });
}
