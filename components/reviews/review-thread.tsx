import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";

const DECISION: Record<string, [string, BadgeTone]> = {
  APPROVE: ["Approved", "green"],
  REQUEST_CHANGES: ["Requested changes", "amber"],
  REJECT: ["Rejected", "red"],
};
// A review without a decision is a comment: a question asked before deciding.
const COMMENT: [string, BadgeTone] = ["Comment", "gray"];

export type ThreadEntry = { id: string; reviewerName: string; decision: string | null; comment: string; createdAt: string; round?: number };

/** Decisions and comments in the order they were made. */
export function ReviewThread({ reviews }: { reviews: ThreadEntry[] }) {
  if (!reviews.length) return <p className="text-sm text-slate-500">No reviews yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Review thread">
      {reviews.map((r) => {
        const [label, tone] = r.decision ? (DECISION[r.decision] ?? [r.decision, "gray" as const]) : COMMENT;
        return (
          <li key={r.id} className="rounded-md border border-slate-200 p-3">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium text-slate-900">{r.reviewerName}</span>
              <Badge tone={tone}>{label}</Badge>
              <span className="text-xs text-slate-500">{r.round !== undefined ? `round ${r.round} · ` : ""}<DateTime value={r.createdAt} /></span>
            </div>
            <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{r.comment}</p>
          </li>
        );
      })}
    </ol>
  );
}
