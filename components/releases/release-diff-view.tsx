import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PromptDiffView } from "@/components/prompts/prompt-diff-view";
import { GuardrailDiffView } from "@/components/guardrails/guardrail-diff-view";
import type { PinLabel, ReleaseDiff } from "@/lib/releases/diff-releases";

const pin = (p: PinLabel | null) => (p ? `${p.name} v${p.version}` : "—");
const ROLE_TONE = { added: "green", removed: "red", changed: "amber", same: "gray" } as const;
const th = "py-2 pr-4 text-left font-semibold text-slate-600";

function Overview({ diff, left, right }: { diff: ReleaseDiff; left: string; right: string }) {
  const rows: [string, string, string, boolean][] = [
    ["Model", diff.model.left ?? "—", diff.model.right ?? "—", diff.model.changed],
    ["Guardrail", pin(diff.guardrail.left), pin(diff.guardrail.right), diff.guardrail.changed],
    ["Knowledge bases", [...diff.knowledgeBases.kept, ...diff.knowledgeBases.removed].join(", ") || "none", [...diff.knowledgeBases.kept, ...diff.knowledgeBases.added].join(", ") || "none", diff.knowledgeBases.changed],
    ["Dataset version", pin(diff.dataset.left), pin(diff.dataset.right), diff.dataset.changed],
    ["Evaluation run", diff.run.left ? `Run #${diff.run.left.version}` : "—", diff.run.right ? `Run #${diff.run.right.version}` : "—", diff.run.changed],
  ];
  return (
    <Card title="Bundle">
      <table className="min-w-full text-sm">
        <thead><tr><th scope="col" className={th}>Pin</th><th scope="col" className={th}>{left}</th><th scope="col" className={th}>{right}</th><th scope="col" className={th}><span className="sr-only">Changed</span></th></tr></thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map(([name, l, r, changed]) => (
            <tr key={name} className={changed ? "bg-amber-50" : undefined}>
              <th scope="row" className="py-2 pr-4 text-left font-medium text-slate-900">{name}</th>
              <td className="py-2 pr-4 text-slate-700">{l}</td>
              <td className="py-2 pr-4 text-slate-700">{r}</td>
              <td className="py-2 text-xs font-medium text-amber-800">{changed ? "Changed" : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function Metrics({ diff, left, right }: { diff: ReleaseDiff; left: string; right: string }) {
  return (
    <Card title="Evaluation metrics">
      {diff.metrics.length === 0 ? <p className="text-sm text-slate-500">Neither release pins a run with metrics.</p> : (
        <table className="min-w-full text-sm">
          <thead><tr><th scope="col" className={th}>Metric</th><th scope="col" className={th}>{left}</th><th scope="col" className={th}>{right}</th><th scope="col" className={th}>Delta</th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {diff.metrics.map((m) => (
              <tr key={m.name}>
                <th scope="row" className="py-2 pr-4 text-left font-mono text-[13px] font-medium text-slate-900">{m.name}</th>
                <td className="py-2 pr-4 text-slate-700">{m.left ?? "—"}</td>
                <td className="py-2 pr-4 text-slate-700">{m.right ?? "—"}</td>
                <td className="py-2 font-mono text-[13px] text-slate-700">{m.delta === null ? "—" : m.delta > 0 ? `+${m.delta}` : m.delta}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

/** The whole-bundle diff: overview, each role's prompt, the guardrail policy, the metrics. */
export function ReleaseDiffView({ diff, left, right }: { diff: ReleaseDiff; left: string; right: string }) {
  return (
    <div className="space-y-6">
      {!diff.changed ? <p role="status" className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">{left} and {right} pin the same things.</p> : null}
      <Overview diff={diff} left={left} right={right} />
      <Metrics diff={diff} left={left} right={right} />
      {diff.roles.map((r) => (
        <section key={r.role} className="space-y-3" aria-label={`Role ${r.role}`}>
          <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
            Role <span className="font-mono">{r.role}</span> <Badge tone={ROLE_TONE[r.status]}>{r.status === "same" ? "unchanged" : r.status}</Badge>
            <span className="text-sm font-normal text-slate-600">{pin(r.left)} → {pin(r.right)}</span>
          </h2>
          {r.prompt && r.status === "changed" ? <PromptDiffView diff={r.prompt} leftLabel={left} rightLabel={right} /> : null}
          {r.status === "added" && r.right ? <p className="text-sm text-slate-600">Only in {right}: <Link href={`/prompts/${r.right.parentId}`} className="text-indigo-700 hover:underline">{pin(r.right)}</Link></p> : null}
          {r.status === "removed" && r.left ? <p className="text-sm text-slate-600">Only in {left}: <Link href={`/prompts/${r.left.parentId}`} className="text-indigo-700 hover:underline">{pin(r.left)}</Link></p> : null}
        </section>
      ))}
      <section className="space-y-3" aria-label="Guardrail policy">
        <h2 className="text-base font-semibold text-slate-900">Guardrail policy <span className="text-sm font-normal text-slate-600">{pin(diff.guardrail.left)} → {pin(diff.guardrail.right)}</span></h2>
        {diff.guardrail.policies.length ? <GuardrailDiffView diff={diff.guardrail.policies} /> : <p className="text-sm text-slate-500">Neither release pins a guardrail.</p>}
      </section>
    </div>
  );
}
