import { auditActionLabel } from "@/lib/audit/action-labels";
import type { getUseCaseActivity } from "@/lib/use-cases/queries";
import { DateTime } from "@/components/ui/date-time";

type Activity = Awaited<ReturnType<typeof getUseCaseActivity>>;

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
