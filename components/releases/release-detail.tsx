import Link from "next/link";
import { can, type UserActor } from "@/lib/permissions";
import type { ReleaseDetail as Detail } from "@/lib/releases/queries";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ReleaseBundle } from "./release-bundle";
import { GateVerdict } from "./gate-verdict";
import { SubmitReleaseButton } from "./submit-release-button";
import { ReleaseReviewForm } from "./release-review-form";
import { ApprovalSummary, ReleaseTimeline } from "./release-activity";
import { ReviewThread } from "@/components/reviews/review-thread";
import { ReleaseNotes } from "./release-notes";

/** Why this user may not decide on this release (the server checks the same), or null. */
function reviewBlocker(r: Detail, actor: UserActor): string | null {
  if (r.reviews.some((x) => x.reviewerId === actor.id && x.decision)) return "You already decided on this release.";
  if (r.createdById === actor.id) return "You wrote this release, so you cannot review it.";
  if (r.submittedById === actor.id) return "You submitted this release, so you cannot review it.";
  const prompt = r.bundle.prompts.find((p) => p.createdById === actor.id);
  if (prompt) return `You wrote prompt version ${prompt.promptName} v${prompt.version} pinned in this release, so you cannot review it.`;
  if (r.bundle.guardrail?.createdById === actor.id) return `You wrote guardrail version ${r.bundle.guardrail.name} v${r.bundle.guardrail.version} pinned in this release, so you cannot review it.`;
  return null;
}

/** The body of the release page: bundle, evidence, notes; approval and history on the side. */
export function ReleaseDetail({ r, actor }: { r: Detail; actor: UserActor }) {
  const canSubmit = r.status === "DRAFT" && can(actor, "release:submit", { teamId: r.useCase.team.id });
  const canReview = r.status === "SUBMITTED" && can(actor, "release:review");
  const blocker = canReview ? reviewBlocker(r, actor) : null;
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
      <div className="space-y-6 xl:col-span-2">
        <Card title="Bundle"><ReleaseBundle bundle={r.bundle} /></Card>
        <Card title={r.bundle.run ? `Evaluation run #${r.bundle.run.number} against the gates` : "Evaluation"}>
          <GateVerdict verdict={r.verdict} gateCount={r.gateCount} useCaseId={r.useCaseId} />
        </Card>
        <Card title="Release notes">
          {r.notes ? <ReleaseNotes text={r.notes} /> : <p className="text-sm text-slate-500">No notes.</p>}
        </Card>
      </div>
      <div className="space-y-6">
        {canSubmit ? (
          <Card title="Submit">
            <p className="mb-3 text-sm text-slate-600">Once submitted the release is frozen and goes to the reviewers.</p>
            <SubmitReleaseButton id={r.id} />
          </Card>
        ) : null}
        <Card title="Approval">
          <div className="space-y-4">
            {r.status === "DRAFT" ? <p className="text-sm text-slate-600">Not submitted yet.</p> : <ApprovalSummary r={r} />}
            {canReview ? (blocker ? <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">{blocker}</p> : <ReleaseReviewForm id={r.id} prohibited={r.approvalsNeeded === null} />) : null}
            <ReviewThread reviews={r.reviews} />
          </div>
        </Card>
        <Card title="Timeline"><ReleaseTimeline history={r.history} /></Card>
        <Card title="Evidence">
          <p className="mb-3 text-sm text-slate-600">Pins, gates, the review thread and deployments, for an auditor or a change ticket.</p>
          <div className="flex flex-wrap gap-2">
            <a href={`/releases/${r.id}/evidence?format=md`} className={buttonClass("secondary")} download>Export Markdown</a>
            <a href={`/releases/${r.id}/evidence?format=json`} className={buttonClass("secondary")} download>Export JSON</a>
          </div>
        </Card>
        <p className="text-xs text-slate-500">Created by {r.createdByName}{r.submittedByName ? ` · submitted by ${r.submittedByName}` : ""} · <Link href={`/use-cases/${r.useCaseId}`} className="text-indigo-700 underline">{r.useCase.name}</Link></p>
      </div>
    </div>
  );
}
