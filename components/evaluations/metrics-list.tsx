import type { Metric } from "@/lib/evaluations/evaluate-gates";
import { formatValue } from "./format";

/** Every metric the run carries. */
export function MetricsList({ metrics }: { metrics: Metric[] }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm" aria-label="Metrics">
      {metrics.map((m) => (
        <div key={m.name} className="flex justify-between gap-4 py-1.5">
          <dt className="font-mono text-xs text-slate-600">{m.name}</dt>
          <dd className="font-mono text-slate-900">{formatValue(m.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
