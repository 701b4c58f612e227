import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ReleaseDetail } from "@/lib/releases/queries";

const link = "text-indigo-700 hover:underline";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-3 sm:grid-cols-[11rem_1fr]">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** What the release pins, each with a link to the exact version. */
export function ReleaseBundle({ bundle }: { bundle: ReleaseDetail["bundle"] }) {
  return (
    <dl className="divide-y divide-slate-100">
      <Row label="Prompts">
        <ul className="space-y-1.5">
          {bundle.prompts.map((p) => (
            <li key={p.role} className="flex flex-wrap items-center gap-2">
              <Badge tone="indigo"><span className="font-mono">{p.role}</span></Badge>
              <Link href={`/prompts/${p.promptId}`} className={link}>{p.promptName} v{p.version}</Link>
              <span className="text-xs text-slate-500">{p.content.type === "CHAT" ? "chat" : "text"} · {p.content.variables.length} variable{p.content.variables.length === 1 ? "" : "s"}</span>
            </li>
          ))}
        </ul>
      </Row>
      <Row label="Model"><span className="font-mono text-[13px]">{bundle.modelId}</span></Row>
      <Row label="Guardrail">
        {bundle.guardrail ? <Link href={`/guardrails/${bundle.guardrail.guardrailId}`} className={link}>{bundle.guardrail.name} v{bundle.guardrail.version}</Link> : <span className="text-slate-500">None</span>}
      </Row>
      <Row label="Knowledge bases">
        {bundle.knowledgeBaseIds.length ? <span className="flex flex-wrap gap-1.5">{bundle.knowledgeBaseIds.map((k) => <Badge key={k}><span className="font-mono">{k}</span></Badge>)}</span> : <span className="text-slate-500">None</span>}
      </Row>
      <Row label="Dataset version">
        {bundle.dataset ? <Link href={`/datasets/${bundle.dataset.datasetId}`} className={link}>{bundle.dataset.name} v{bundle.dataset.version} <span className="text-slate-500">({bundle.dataset.itemCount} items)</span></Link> : <span className="text-amber-800">Not pinned yet</span>}
      </Row>
      <Row label="Evaluation run">
        {bundle.run ? <Link href={`/evaluations/${bundle.run.id}`} className={link}>Run #{bundle.run.number} · {bundle.run.candidate}</Link> : <span className="text-amber-800">Not pinned yet</span>}
      </Row>
    </dl>
  );
}
