import Link from "next/link";
import type { GateResult, GateSpec, Metric } from "@/lib/evaluations/evaluate-gates";
import { gateDrift } from "@/lib/evaluations/gate-drift";
import { GateResultsTable } from "./gate-results-table";

/**
 * A run keeps the verdict of the gates it met; when the gates changed since, this says how, and
 * what the verdict would be against today's gates (which is what a release submit checks).
 */
export function GateDrift({ recorded, current, metrics, useCaseId }: { recorded: GateResult[]; current: GateSpec[]; metrics: Metric[]; useCaseId: string }) {
  const drift = gateDrift(recorded, current, metrics);
  if (!drift) return null;
  return (
    <section aria-label="Gates changed since this run" className="rounded-lg border border-amber-300 bg-amber-50 p-5">
      <h2 className="text-sm font-semibold text-amber-950">The gates changed since this run</h2>
      <p className="mt-1 text-sm text-amber-900">
        {drift.added.length ? <>Added: <span className="font-mono">{drift.added.join(", ")}</span>. </> : null}
        {drift.removed.length ? <>Removed or changed: <span className="font-mono">{drift.removed.join(", ")}</span>. </> : null}
        Against today&apos;s gates this run would <strong>{drift.now.passed ? "pass" : "fail"}</strong>. Its recorded verdict does not change.{" "}
        <Link className="text-indigo-700 underline hover:no-underline" href={`/evaluations/gates?useCaseId=${useCaseId}`}>See the gates</Link>
      </p>
      <div className="mt-3 rounded-md bg-white"><GateResultsTable results={drift.now.results} label="Verdict against today's gates" empty="The use case has no gates now." /></div>
    </section>
  );
}
