import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { describeGate, type GateResult } from "@/lib/evaluations/evaluate-gates";

/** Each gate of the use case with the pinned run's value and whether it holds. */
export function GateVerdict({ verdict, gateCount, useCaseId }: { verdict: { passed: boolean; results: GateResult[] } | null; gateCount: number; useCaseId: string }) {
  if (!verdict) return <p className="text-sm text-slate-500">Pin an evaluation run to see it against the use case&apos;s gates.</p>;
  return (
    <div className="space-y-3">
      <p className="flex items-center gap-2 text-sm text-slate-700">
        Against the gates as they are now: <Badge tone={verdict.passed ? "green" : "red"}>{verdict.passed ? "Passes" : "Fails"}</Badge>
      </p>
      {gateCount === 0 ? (
        <p className="text-sm text-slate-500">This use case has no gates configured. <Link href={`/evaluations/gates?useCaseId=${useCaseId}`} className="text-indigo-700 hover:underline">Set its gates</Link></p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {verdict.results.map((g) => (
            <li key={describeGate(g)} className="flex items-center justify-between gap-3 py-2">
              <span className="font-mono text-[13px] text-slate-800">{describeGate(g)}</span>
              <span className="flex items-center gap-2">
                <span className="text-slate-600">{g.value ?? "missing"}</span>
                <Badge tone={g.passed ? "green" : "red"}>{g.passed ? "pass" : g.reason}</Badge>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
