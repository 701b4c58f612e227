import { Badge } from "@/components/ui/badge";
import type { BudgetedVerdict } from "@/lib/guardrails/evaluate-with-budget";

/** One text's local verdict: intervened or not, which policy, what was found, and the output. */
export function VerdictCard({ verdict, source, elapsedMs }: { verdict: BudgetedVerdict; source: string; elapsedMs: number }) {
  if (verdict.action === "TIME_BUDGET_EXCEEDED") {
    return (
      <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="status">
        <Badge tone="amber">Stopped</Badge> Evaluation exceeded its {verdict.budgetMs} ms time budget (a regex backtracking on this text) and was stopped. No verdict.
      </div>
    );
  }
  const a = verdict.assessments[0];
  const findings = [
    ...(a.wordPolicy?.customWords ?? []).map((w) => ({ policy: "Word", what: "custom word", match: w.match, action: w.action })),
    ...(a.wordPolicy?.managedWordLists ?? []).map((w) => ({ policy: "Word", what: "PROFANITY", match: w.match, action: w.action })),
    ...(a.sensitiveInformationPolicy?.piiEntities ?? []).map((p) => ({ policy: "PII", what: p.type, match: p.match, action: p.action })),
    ...(a.sensitiveInformationPolicy?.regexes ?? []).map((r) => ({ policy: "Regex", what: r.name, match: r.match, action: r.action })),
  ];
  const intervened = verdict.action === "GUARDRAIL_INTERVENED";
  return (
    <div className={`rounded-md border p-3 ${intervened ? "border-rose-200 bg-rose-50/40" : "border-emerald-200 bg-emerald-50/40"}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={intervened ? "red" : "green"}>{intervened ? (verdict.blocked ? "Intervened — blocked" : "Intervened — anonymized") : "Not intervened"}</Badge>
        <Badge>{source}</Badge>
        {verdict.intervenedPolicies.map((p) => <Badge key={p} tone="violet">{p}</Badge>)}
        <span className="ml-auto text-xs text-slate-500">{elapsedMs} ms</span>
      </div>
      {findings.length ? (
        <table className="mt-2 min-w-full text-xs">
          <caption className="sr-only">Findings</caption>
          <thead><tr className="text-left text-slate-600"><th scope="col" className="pr-3">Policy</th><th scope="col" className="pr-3">Type</th><th scope="col" className="pr-3">Match</th><th scope="col">Action</th></tr></thead>
          <tbody>
            {findings.map((f, i) => (
              <tr key={i}><td className="pr-3">{f.policy}</td><td className="pr-3 font-mono">{f.what}</td><td className="pr-3 font-mono">{f.match}</td><td className="font-mono">{f.action}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="mt-2 text-xs font-semibold text-slate-600">Output</p>
      <p className="whitespace-pre-wrap break-words rounded bg-white p-2 font-mono text-xs text-slate-800" data-testid="verdict-output">{verdict.output}</p>
      {verdict.piiNotEvaluated.length ? <p className="mt-1 text-xs text-slate-500">Not checked locally (need Bedrock): {verdict.piiNotEvaluated.join(", ")}.</p> : null}
    </div>
  );
}
