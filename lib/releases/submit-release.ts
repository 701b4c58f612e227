import { AppError } from "@/lib/errors";
import type { ServiceContext, Tx } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeGate, evaluateGates } from "@/lib/evaluations/evaluate-gates";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";
import { runMetrics } from "./bundle";
import { assertDraft, lockReleaseOrThrow, type LockedRelease } from "./load-release";
import { serializeRelease } from "./serialize";

const SUBMITTABLE_USE_CASE = ["APPROVED", "IN_PRODUCTION"];

/** The run's verdict against the use case's gates as they are now (not when the run arrived). */
export async function currentGateVerdict(tx: Tx, useCaseId: string, metrics: unknown) {
  const gates = await tx.evaluationGate.findMany({ where: { useCaseId }, select: { metric: true, comparison: true, threshold: true }, orderBy: [{ metric: "asc" }, { comparison: "asc" }] });
  return evaluateGates(gates, runMetrics(metrics));
}

async function assertSubmittable(tx: Tx, r: LockedRelease) {
  assertDraft(r, "submitted");
  if (!SUBMITTABLE_USE_CASE.includes(r.useCase.status)) {
    throw new AppError("CONFLICT", `The use case ${r.useCase.name} is ${r.useCase.status.toLowerCase().replace("_", " ")}: releases can be submitted only once the use case itself is approved`);
  }
  if (r.useCase.riskTier === "PROHIBITED") throw new AppError("CONFLICT", "The use case is in the PROHIBITED risk tier: none of its releases can be approved");
  if (!r.datasetVersionId || !r.evaluationRunId) {
    const missing = [!r.datasetVersionId && "a dataset version", !r.evaluationRunId && "an evaluation run"].filter(Boolean).join(" and ");
    throw new AppError("CONFLICT", `Pin ${missing} before submitting: a release is submitted with the evidence that it passes its gates`);
  }
  const run = await tx.evaluationRun.findUniqueOrThrow({ where: { id: r.evaluationRunId }, select: { number: true, datasetVersionId: true, metrics: true } });
  if (run.datasetVersionId !== r.datasetVersionId) {
    throw new AppError("CONFLICT", `Evaluation run #${run.number} was run on another dataset version than the one this release pins`);
  }
  const verdict = await currentGateVerdict(tx, r.useCaseId, run.metrics);
  if (!verdict.passed) {
    const failing = verdict.results.filter((g) => !g.passed).map((g) => `${describeGate(g)}: ${g.reason}`);
    throw new AppError("CONFLICT", `Evaluation run #${run.number} does not pass the use case's gates — ${failing.join("; ")}`, { gates: verdict.results });
  }
  return { run, verdict };
}

/**
 * Submits a draft for approval. It must carry a run on its pinned dataset version that passes
 * the use case's current gates; from here on the database refuses any change to what it pins.
 */
export async function submitRelease(ctx: ServiceContext, id: string) {
  return ctx.db.$transaction(async (tx) => {
    const current = await lockReleaseOrThrow(tx, String(id));
    authorize(ctx.actor, "release:submit", { teamId: current.useCase.teamId });
    const { run, verdict } = await assertSubmittable(tx, current);
    const updated = await tx.release.update({ where: { id: current.id }, data: { status: "SUBMITTED", submittedById: ctx.actor.id, submittedAt: new Date() } });
    const after = serializeRelease(updated, current.prompts);
    await recordAuditEvent(tx, ctx, {
      action: "release.submit", resourceType: "release", resourceId: current.id,
      before: { status: current.status }, after: { status: updated.status, evaluationRunId: updated.evaluationRunId, gates: verdict.results },
    });
    await enqueueWebhookEvent(tx, "release.submitted", {
      release: { id: updated.id, number: updated.number, status: updated.status }, useCase: { id: current.useCase.id, slug: current.useCase.slug, name: current.useCase.name },
      evaluationRun: { id: updated.evaluationRunId, number: run.number, passed: verdict.passed }, submittedBy: { id: ctx.actor.id, name: ctx.actor.name },
    });
    return after;
  });
}
