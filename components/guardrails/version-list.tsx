import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";

type Version = { id: string; number: number; message: string; createdAt: string };


/** Newest first; each links to its diff against the previous version. */
export function VersionList({ guardrailId, versions }: { guardrailId: string; versions: Version[] }) {
  if (versions.length === 0) return <p className="text-sm text-slate-600">No versions yet. Save the draft, then create version 1.</p>;
  return (
    <ol className="divide-y divide-slate-100" aria-label="Versions">
      {versions.map((v) => (
        <li key={v.id} className="py-2">
          <div className="flex items-center justify-between gap-2">
            <span className="text-sm font-semibold text-slate-900">Version {v.number}</span>
            <span className="flex gap-3 text-xs">
              {v.number > 1 ? <Link className="text-indigo-700 hover:underline" href={`/guardrails/${guardrailId}/diff?from=${v.number - 1}&to=${v.number}`}>Diff with v{v.number - 1}</Link> : null}
              <Link className="text-indigo-700 hover:underline" href={`/guardrails/${guardrailId}/bench?target=${v.number}`}>Test</Link>
            </span>
          </div>
          <p className="text-sm text-slate-700">{v.message}</p>
          <p className="text-xs text-slate-500"><DateTime value={v.createdAt} /></p>
        </li>
      ))}
    </ol>
  );
}
