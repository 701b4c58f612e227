import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

type Option = { id: string; number: number; candidate: string; passed: boolean };

/** A plain GET form (works without script): this run against another run of the same use case. */
export function ComparePicker({ runId, others }: { runId: string; others: Option[] }) {
  if (others.length === 0) return <p className="text-sm text-slate-600">This is the only run of the use case: nothing to compare with yet.</p>;
  return (
    <form action="/evaluations/compare" method="get" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="b" value={runId} />
      <div className="min-w-64 flex-1">
        <label htmlFor="compare-a" className="block text-sm font-medium text-slate-800">Compare with (baseline)</label>
        <select id="compare-a" name="a" className={`${inputClass} mt-1.5`} defaultValue={others[0]!.id}>
          {others.map((r) => <option key={r.id} value={r.id}>#{r.number} · {r.candidate} · {r.passed ? "passed" : "failed"}</option>)}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>Compare</button>
    </form>
  );
}
