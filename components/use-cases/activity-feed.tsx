import { Badge } from "@/components/ui/badge";
import { auditActionLabel } from "@/lib/audit/action-labels";
import type { getUseCaseActivity } from "@/lib/use-cases/queries";
import { DECISION_LABEL } from "./labels";
import { DateTime } from "@/components/ui/date-time";

type Activity = Awaited<ReturnType<typeof getUseCaseActivity>>;

export function ReviewThread({ reviews }: { reviews: Activity["reviews"] }) {
  if (!reviews.length) return <p className="text-sm text-slate-500">No review decisions yet.</p>;
  return (
    <ol className="space-y-4">
      {reviews.map((r) => {
        const [label, tone] = DECISION_LABEL[r.decision] ?? [r.decision, "gray" as const];
        return (
          <li key={r.id} className="rounded-md border border-slate-200 p-3">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium text-slate-900">{r.reviewerName}</span>
              <Badge tone={tone}>{label}</Badge>
              <span className="text-xs text-slate-500">round {r.round} · <DateTime value={r.createdAt} /></span>
            </div>
            <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{r.comment}</p>
          </li>
        );
      })}
    </ol>
  );
}

export function HistoryList({ history }: { history: Activity["history"] }) {
  return (
    <ol className="relative space-y-3 border-l border-slate-200 pl-4">
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
