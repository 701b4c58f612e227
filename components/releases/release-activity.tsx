import { auditActionLabel } from "@/lib/audit/action-labels";
import type { ReleaseDetail } from "@/lib/releases/queries";
import { approvalsText } from "./release-badges";
import { DateTime } from "@/components/ui/date-time";

/** Approvals so far against what the risk tier needs, and who gave them. */
export function ApprovalSummary({ r }: { r: ReleaseDetail }) {
  const approvers = r.reviews.filter((x) => x.decision === "APPROVE").map((x) => x.reviewerName);
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p>
        <span className="font-semibold text-slate-900">{approvalsText(r.approvals, r.approvalsNeeded)}</span> approvals from different reviewers
        <span className="text-slate-500"> ({r.useCase.riskTier.toLowerCase()} risk tier)</span>
      </p>
      {approvers.length ? <p className="text-slate-600">Approved by {approvers.join(", ")}</p> : null}
    </div>
  );
}

export function ReleaseTimeline({ history }: { history: ReleaseDetail["history"] }) {
  return (
    <ol className="relative space-y-3 border-l border-slate-200 pl-4" aria-label="Status timeline">
      {history.map((h) => (
        <li key={h.seq} className="text-sm">
          <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border-2 border-white bg-indigo-400" aria-hidden />
          <p className="font-medium text-slate-900">{auditActionLabel(h.action)}</p>
          <p className="text-xs text-slate-500">{h.actorLabel} · <DateTime value={h.at} /></p>
        </li>
      ))}
    </ol>
  );
}
