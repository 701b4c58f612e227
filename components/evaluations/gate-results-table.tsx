import { describeGate, type GateResult } from "@/lib/evaluations/evaluate-gates";
import { VerdictBadge } from "./verdict-badge";
import { formatValue } from "./format";
import { TableScroll } from "@/components/ui/table-scroll";

/** Each gate, the run's value for its metric, the verdict and, when it failed, why. */
export function GateResultsTable({ results, label = "Gate results", empty = "The use case had no gates when this run arrived, so it passed by default." }: { results: GateResult[]; label?: string; empty?: string }) {
  if (results.length === 0) return <p className="p-3 text-sm text-slate-600">{empty}</p>;
  return (
    <TableScroll label="Gate results" framed={false}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={label}>
        <thead className="bg-slate-50">
          <tr>{["Gate", "Value", "Verdict", "Reason"].map((h) => <th key={h} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {results.map((r) => (
            <tr key={`${r.metric}-${r.comparison}`}>
              <td className="px-3 py-2 font-mono text-slate-900">{describeGate(r)}</td>
              <td className="px-3 py-2 font-mono text-slate-800">{formatValue(r.value)}</td>
              <td className="px-3 py-2"><VerdictBadge passed={r.passed} /></td>
              <td className="px-3 py-2 text-slate-700">{r.reason ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
