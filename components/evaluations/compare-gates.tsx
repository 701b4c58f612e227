import { describeGate, type GateResult } from "@/lib/evaluations/evaluate-gates";
import { Card } from "@/components/ui/card";
import { VerdictBadge } from "./verdict-badge";
import { formatValue } from "./format";

function Cell({ result }: { result: GateResult | undefined }) {
  if (!result) return <span className="text-xs text-slate-500">Not a gate then</span>;
  return <span className="flex items-center gap-2"><VerdictBadge passed={result.passed} /><span className="font-mono text-xs">{formatValue(result.value)}</span></span>;
}

/** Each gate either run was judged by, with both recorded verdicts. */
export function CompareGates({ a, b }: { a: GateResult[]; b: GateResult[] }) {
  const byA = new Map(a.map((r) => [describeGate(r), r]));
  const byB = new Map(b.map((r) => [describeGate(r), r]));
  const gates = [...new Set([...byA.keys(), ...byB.keys()])];
  if (gates.length === 0) return null;
  return (
    <Card title="Gates (recorded verdicts)">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Gates compared">
        <thead className="bg-slate-50"><tr>{["Gate", "Baseline", "Candidate"].map((h) => <th key={h} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">{h}</th>)}</tr></thead>
        <tbody className="divide-y divide-slate-100">
          {gates.map((g) => (
            <tr key={g}>
              <td className="px-3 py-2 font-mono text-slate-900">{g}</td>
              <td className="px-3 py-2"><Cell result={byA.get(g)} /></td>
              <td className="px-3 py-2"><Cell result={byB.get(g)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
