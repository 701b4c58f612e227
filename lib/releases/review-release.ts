import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { newId, type ServiceContext, type Tx } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { REQUIRED_APPROVALS } from "@/lib/use-cases/schemas";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";
import { lockReleaseOrThrow, type LockedRelease } from "./load-release";
import { reviewReleaseSchema } from "./schemas";

const NEXT_STATUS = { APPROVE: "APPROVED", REQUEST_CHANGES: "CHANGES_REQUESTED", REJECT: "REJECTED" } as const;
const AUDIT_ACTION = { APPROVED: "release.approved", CHANGES_REQUESTED: "release.changes-requested", REJECTED: "release.rejected" } as const;

/**
 * Separation of duties: whoever wrote the release, submitted it, or wrote a prompt or guardrail
 * version it pins cannot review it. Returns why the reviewer is excluded, or null.
 */
export async function conflictOfInterest(tx: Tx, r: LockedRelease, reviewerId: string): Promise<string | null> {
  if (r.createdById === reviewerId) return `You wrote release #${r.number}: its author cannot review it`;
  if (r.submittedById === reviewerId) return `You submitted release #${r.number}: its submitter cannot review it`;
  const prompt = await tx.promptVersion.findFirst({
    where: { createdById: reviewerId, id: { in: r.prompts.map((p) => p.promptVersionId) } },
    select: { number: true, prompt: { select: { name: true } } },
  });
  if (prompt) return `You wrote prompt version ${prompt.prompt.name} v${prompt.number} pinned in this release: its authors cannot review it`;
  if (r.guardrailVersionId) {
    const guard = await tx.guardrailVersion.findFirst({ where: { id: r.guardrailVersionId, createdById: reviewerId }, select: { number: true, guardrail: { select: { name: true } } } });
    if (guard) return `You wrote guardrail version ${guard.guardrail.name} v${guard.number} pinned in this release: its authors cannot review it`;
  }
  return null;
}

/**
 * Records a reviewer's decision on a submitted release, or a comment (no decision) that asks
 * before deciding: it is in the thread and the audit log, changes nothing, counts as no approval,
 * sends no webhook and does not keep its author from deciding later. Approval needs as many
 * different reviewers as the use case's risk tier asks for; a request for changes or a rejection
 * decides at once. The release row lock serialises concurrent reviewers, so each decision counts
 * once and exactly one of them causes the transition; the unique (releaseId, reviewerId) key on
 * decisions backs it.
 */
export async function reviewRelease(ctx: ServiceContext, id: string, input: unknown) {
  const { decision = null, comment } = parseInput(reviewReleaseSchema, input);
  authorize(ctx.actor, "release:review");
  try {
    return await ctx.db.$transaction(async (tx) => {
      const current = await lockReleaseOrThrow(tx, String(id));
      if (current.status !== "SUBMITTED") {
        throw new AppError("CONFLICT", `Only a submitted release can be reviewed; release #${current.number} is ${current.status.toLowerCase().replace("_", " ")}`);
      }
      const conflict = await conflictOfInterest(tx, current, ctx.actor.id);
      if (conflict) throw new AppError("FORBIDDEN", conflict);
      const tier = current.useCase.riskTier;
      if (decision === "APPROVE" && tier === "PROHIBITED") throw new AppError("CONFLICT", "A release of a use case in the PROHIBITED risk tier can never be approved");
      const already = decision && (await tx.releaseReview.findFirst({ where: { releaseId: current.id, reviewerId: ctx.actor.id, decision: { not: null } }, select: { decision: true } }));
      if (already) throw new AppError("CONFLICT", `You already decided on this release (${already.decision!.toLowerCase().replace("_", " ")})`);

      const review = await tx.releaseReview.create({ data: { id: newId("rrv"), releaseId: current.id, reviewerId: ctx.actor.id, decision, comment } });
      await recordAuditEvent(tx, ctx, { action: decision ? "release.review" : "release.comment", resourceType: "release", resourceId: current.id, after: { reviewId: review.id, decision, comment } });

      const required = REQUIRED_APPROVALS[tier];
      const approvals = await tx.releaseReview.count({ where: { releaseId: current.id, decision: "APPROVE" } });
      if (!decision || (decision === "APPROVE" && approvals < required)) {
        return { review: { id: review.id, decision }, approvals, required, status: current.status, transitioned: false };
      }
      const status = NEXT_STATUS[decision];
      await tx.release.update({ where: { id: current.id }, data: { status, decidedAt: new Date() } });
      await recordAuditEvent(tx, ctx, { action: AUDIT_ACTION[status], resourceType: "release", resourceId: current.id, before: { status: current.status }, after: { status, approvals, required } });
      const data = {
        release: { id: current.id, number: current.number, status }, useCase: { id: current.useCase.id, slug: current.useCase.slug, name: current.useCase.name },
        decision, comment, decidedBy: { id: ctx.actor.id, name: ctx.actor.name }, approvals, required,
      };
      await enqueueWebhookEvent(tx, AUDIT_ACTION[status], data);
      return { review: { id: review.id, decision }, approvals, required, status, transitioned: true };
    });
  } catch (error) {
    // Backstop for the unique key (the lock normally answers first).
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "You already decided on this release");
    throw error;
  }
}
