import Link from "next/link";
import type { RunListRow } from "@/lib/evaluations/queries";
import { VerdictBadge } from "./verdict-badge";
import { formatValue } from "./format";
import { TableScroll } from "@/components/ui/table-scroll";
import { DateTime } from "@/components/ui/date-time";

/** The run list: newest first, verdict, candidate, dataset version and the first metrics. */
export function RunsTable({ rows, names }: { rows: RunListRow[]; names: Record<string, string> }) {
  return (
    <TableScroll label="Evaluation runs">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Evaluation runs">
        <thead className="bg-slate-50">
          <tr>
            {["Run", "Verdict", "Candidate", "Dataset", "Metrics", "Posted"].map((h) => (
              <th key={h} scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => {
            const failed = r.gates.filter((g) => !g.passed).length;
            return (
              <tr key={r.id} className="hover:bg-slate-50">
                <td className="px-4 py-3">
                  <Link href={`/evaluations/${r.id}`} aria-label={`${r.useCase.name} run #${r.number}`} className="whitespace-nowrap font-medium text-indigo-700 hover:underline">Run #{r.number}</Link>
                  <p className="text-xs text-slate-600">{r.useCase.name}</p>
                </td>
                <td className="px-4 py-3">
                  <VerdictBadge passed={r.passed} />
                  <p className="mt-1 whitespace-nowrap text-xs text-slate-500">{r.gates.length === 0 ? "No gates" : failed ? `${failed} of ${r.gates.length} gates failed` : `${r.gates.length} gates passed`}</p>
                </td>
                <td className="max-w-56 break-words px-4 py-3 font-mono text-xs text-slate-800">{r.candidate}</td>
                <td className="px-4 py-3 text-slate-700">{r.datasetName} <span className="whitespace-nowrap text-slate-500">v{r.datasetVersion}</span></td>
                <td className="px-4 py-3 text-xs text-slate-700">
                  {r.metrics.slice(0, 3).map((m) => (
                    <div key={m.name} className="whitespace-nowrap"><span className="text-slate-500">{m.name}</span> <span className="font-mono">{formatValue(m.value)}</span></div>
                  ))}
                  {r.metrics.length > 3 ? <div className="text-slate-500">+{r.metrics.length - 3} more</div> : null}
                </td>
                <td className="px-4 py-3 text-xs text-slate-600">
                  <p className="whitespace-nowrap">{names[r.createdById] ?? "Unknown"}</p>
                  <p className="whitespace-nowrap"><DateTime value={r.createdAt} /></p>
                  <p>{r.source === "api" ? "Posted by CI" : "Uploaded"}</p>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
