import { AppError, parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { REQUIRED_APPROVALS, reviewUseCaseSchema } from "./schemas";
import { serializeUseCase } from "./serialize";
import { lockUseCaseOrThrow } from "./load-use-case";

const NEXT_STATUS = { APPROVE: "APPROVED", REQUEST_CHANGES: "CHANGES_REQUESTED", REJECT: "REJECTED" } as const;
const AUDIT_ACTION = { APPROVE: "use-case.approved", REQUEST_CHANGES: "use-case.changes-requested", REJECT: "use-case.rejected" } as const;

/**
 * Records a reviewer's decision, or a comment (no decision) that asks before deciding: it is in
 * the thread and the audit log, changes nothing and counts as no approval, and does not keep
 * its author from deciding later. Approval needs as many different reviewers as the risk tier
 * asks for; a request for changes or a rejection decides at once. The row lock in
 * lockUseCaseOrThrow serialises concurrent reviewers, so exactly one of them causes the change.
 * Each review keeps the use case as the reviewer saw it: the next round shows what changed since.
 */
export async function reviewUseCase(ctx: ServiceContext, id: string, input: unknown) {
  const { decision = null, comment } = parseInput(reviewUseCaseSchema, input);
  authorize(ctx.actor, "use-case:review");
  return ctx.db.$transaction(async (tx) => {
    const current = await lockUseCaseOrThrow(tx, id);
    if (current.status !== "SUBMITTED") {
      throw new AppError("CONFLICT", `Only a submitted use case can be reviewed; this one is ${current.status}`);
    }
    if (current.submittedById === ctx.actor.id || current.createdById === ctx.actor.id) {
      throw new AppError("FORBIDDEN", "You cannot review a use case you created or submitted");
    }
    if (decision === "APPROVE" && current.riskTier === "PROHIBITED") {
      throw new AppError("CONFLICT", "A use case in the PROHIBITED risk tier can never be approved");
    }
    if (decision) {
      const already = await tx.useCaseReview.findFirst({
        where: { useCaseId: id, round: current.reviewRound, reviewerId: ctx.actor.id, decision: { not: null } },
        select: { decision: true },
      });
      if (already) throw new AppError("CONFLICT", `You already decided on this submission (${already.decision})`);
    }

    const seen = serializeUseCase(current);
    const review = await tx.useCaseReview.create({
      data: { id: newId("rev"), useCaseId: id, round: current.reviewRound, reviewerId: ctx.actor.id, decision, comment, snapshot: seen },
    });
    await recordAuditEvent(tx, ctx, {
      action: decision ? "use-case.review" : "use-case.comment",
      resourceType: "use-case",
      resourceId: id,
      after: { reviewId: review.id, round: review.round, decision, comment },
    });

    const approvals = await tx.useCaseReview.count({ where: { useCaseId: id, round: current.reviewRound, decision: "APPROVE" } });
    if (!decision || (decision === "APPROVE" && approvals < REQUIRED_APPROVALS[current.riskTier])) {
      return { useCase: seen, review: { id: review.id, decision }, approvals, transitioned: false };
    }
    const updated = await tx.useCase.update({ where: { id }, data: { status: NEXT_STATUS[decision] } });
    const after = serializeUseCase(updated);
    await recordAuditEvent(tx, ctx, {
      action: AUDIT_ACTION[decision],
      resourceType: "use-case",
      resourceId: id,
      before: { status: current.status },
      after: { status: updated.status },
    });
    return { useCase: after, review: { id: review.id, decision }, approvals, transitioned: true };
  });
}
