import Link from "next/link";
import type { PromptDetail } from "@/lib/prompts/queries";
import { DateTime } from "@/components/ui/date-time";

type Props = { promptId: string; versions: PromptDetail["versions"]; names: Record<string, string> };


/** Newest first; each version links to its diff against the one before (or the draft). */
export function VersionHistory({ promptId, versions, names }: Props) {
  if (versions.length === 0) return <p className="text-sm text-slate-500">No versions yet. Create one to freeze the draft.</p>;
  return (
    <ol className="space-y-3" aria-label="Versions">
      {versions.map((v) => (
        <li key={v.id} className="text-sm">
          <div className="flex items-baseline justify-between gap-2">
            <span className="font-semibold text-slate-900">Version {v.number}</span>
            <Link className="text-xs font-medium text-indigo-700 hover:underline" href={`/prompts/${promptId}/diff?from=${v.number > 1 ? v.number - 1 : v.number}&to=${v.number > 1 ? v.number : "draft"}`}>
              {v.number > 1 ? `Diff with v${v.number - 1}` : "Diff with draft"}
            </Link>
          </div>
          <p className="text-slate-700">{v.message}</p>
          <p className="text-xs text-slate-500">{names[v.createdById] ?? "Unknown user"} · <DateTime value={v.createdAt} /></p>
        </li>
      ))}
    </ol>
  );
}
