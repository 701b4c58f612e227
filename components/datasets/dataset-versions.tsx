import type { DatasetDetail } from "@/lib/datasets/queries";
import { DateTime } from "@/components/ui/date-time";


/** The frozen versions, newest first, each downloadable in both formats. */
export function DatasetVersions({ datasetId, versions, names }: { datasetId: string; versions: DatasetDetail["versions"]; names: Record<string, string> }) {
  if (versions.length === 0) return <p className="text-sm text-slate-600">No versions yet: the draft is not frozen.</p>;
  return (
    <ol className="space-y-3" aria-label="Versions">
      {versions.map((v) => (
        <li key={v.id} className="text-sm">
          <p className="font-medium text-slate-900">Version {v.number} <span className="font-normal text-slate-500">· {v.itemCount} items</span></p>
          <p className="text-slate-700">{v.message}</p>
          <p className="text-xs text-slate-500">{names[v.createdById] ?? "Unknown user"} · <DateTime value={v.createdAt} /></p>
          <p className="mt-1 flex gap-3 text-xs">
            <a className="text-indigo-700 hover:underline" href={`/datasets/${datasetId}/export?format=csv&version=${v.number}`}>Export v{v.number} CSV</a>
            <a className="text-indigo-700 hover:underline" href={`/datasets/${datasetId}/export?format=jsonl&version=${v.number}`}>Export v{v.number} JSONL</a>
          </p>
        </li>
      ))}
    </ol>
  );
}
