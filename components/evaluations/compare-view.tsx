import Link from "next/link";
import { compareItems, compareMetrics, type CompareItem } from "@/lib/evaluations/compare-runs";
import type { RunDetail } from "@/lib/evaluations/queries";
import { Card } from "@/components/ui/card";
import { VerdictBadge } from "./verdict-badge";
import { formatDelta, formatValue } from "./format";
import { OnlySection, PairsSection } from "./compare-items";
import { CompareGates } from "./compare-gates";

function RunCard({ role, run }: { role: string; run: RunDetail }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{role}</p>
      <p className="mt-1 flex items-center gap-2">
        <Link href={`/evaluations/${run.id}`} className="font-medium text-indigo-700 hover:underline">Run #{run.number}</Link>
        <VerdictBadge passed={run.passed} />
      </p>
      <p className="mt-1 text-sm text-slate-600">Candidate <span className="font-mono text-slate-900">{run.candidate}</span> · {run.datasetName} v{run.datasetVersion}</p>
    </div>
  );
}

/** Two runs of one use case side by side: metrics with deltas, then items — regressions first. */
export function CompareView({ a, b, itemsA, itemsB }: { a: RunDetail; b: RunDetail; itemsA: CompareItem[]; itemsB: CompareItem[] }) {
  const metrics = compareMetrics(a.metrics, b.metrics);
  const items = compareItems(itemsA, itemsB);
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <RunCard role="Baseline" run={a} />
        <RunCard role="Candidate" run={b} />
      </div>
      {a.datasetVersionId !== b.datasetVersionId ? <p className="rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-900">The two runs used different dataset versions: items are matched by index and input, but the sets may differ.</p> : null}
      <Card title="Metrics">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Metrics compared">
          <thead className="bg-slate-50"><tr>{["Metric", `Baseline #${a.number}`, `Candidate #${b.number}`, "Change"].map((h) => <th key={h} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">{h}</th>)}</tr></thead>
          <tbody className="divide-y divide-slate-100">
            {metrics.map((m) => (
              <tr key={m.name}>
                <td className="px-3 py-2 font-mono text-xs text-slate-700">{m.name}</td>
                <td className="px-3 py-2 font-mono">{formatValue(m.a)}</td>
                <td className="px-3 py-2 font-mono">{formatValue(m.b)}</td>
                <td className="px-3 py-2 font-mono text-slate-700">{formatDelta(m.delta)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <CompareGates a={a.gates} b={b.gates} />
      <PairsSection title="Regressions: passed → failed" pairs={items.regressions} empty="No item that passed in the baseline fails in the candidate." />
      <PairsSection title="Fixes: failed → passed" pairs={items.fixes} empty="No item that failed in the baseline passes in the candidate." />
      <PairsSection title="Unchanged verdict" pairs={items.unchanged} empty="No other matched items." />
      <OnlySection title={`Only in baseline #${a.number}`} items={items.onlyA} />
      <OnlySection title={`Only in candidate #${b.number}`} items={items.onlyB} />
    </div>
  );
}
