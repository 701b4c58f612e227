import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { PromptDiff, SideBySide } from "@/lib/prompts/diff";
import type { VariableSpec } from "@/lib/prompts/template";

const LINE = {
  added: { sign: "+", label: "added", cls: "bg-emerald-50 text-emerald-900" },
  removed: { sign: "−", label: "removed", cls: "bg-rose-50 text-rose-900" },
  same: { sign: " ", label: "", cls: "text-slate-700" },
} as const;

const describe = (v?: VariableSpec) =>
  v ? `${v.type}${v.required ? ", required" : ", optional"}${v.default !== undefined ? `, default ${v.default}` : ""}${v.description ? ` — ${v.description}` : ""}` : "—";

/** Text line by line, variables and parameters side by side; changed rows are marked. */
export function PromptDiffView({ diff, leftLabel, rightLabel }: { diff: PromptDiff; leftLabel: string; rightLabel: string }) {
  return (
    <div className="space-y-6">
      {!diff.changed ? <p role="status" className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">{leftLabel} and {rightLabel} are identical.</p> : null}
      {diff.sections.map((s) => (
        <Card key={s.label} title={`${s.label}${s.changed ? "" : " (unchanged)"}`}>
          <pre role="region" tabIndex={0} className="overflow-x-auto rounded-md font-mono text-[13px] leading-relaxed" aria-label={`${s.label} diff`}>
            {s.lines.length === 0 ? <span className="text-slate-400">(empty)</span> : null}
            {s.lines.map((l, i) => (
              <div key={i} className={cn("px-2", LINE[l.kind].cls)} data-kind={l.kind}>
                <span aria-hidden="true" className="mr-2 select-none">{LINE[l.kind].sign}</span>
                {LINE[l.kind].label ? <span className="sr-only">{LINE[l.kind].label}: </span> : null}
                {l.text || " "}
              </div>
            ))}
          </pre>
        </Card>
      ))}
      <SideBySideTable title="Variables" rows={diff.variables.map((r) => ({ ...r, left: r.left && describe(r.left), right: r.right && describe(r.right) }))} leftLabel={leftLabel} rightLabel={rightLabel} mono />
      <SideBySideTable title="Model and parameters" rows={diff.parameters} leftLabel={leftLabel} rightLabel={rightLabel} />
    </div>
  );
}

function SideBySideTable({ title, rows, leftLabel, rightLabel, mono }: { title: string; rows: SideBySide<string>[]; leftLabel: string; rightLabel: string; mono?: boolean }) {
  return (
    <Card title={title}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">None on either side.</p>
      ) : (
        <table className="min-w-full text-sm">
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="py-2 pr-4 font-semibold">Name</th>
              <th scope="col" className="py-2 pr-4 font-semibold">{leftLabel}</th>
              <th scope="col" className="py-2 pr-4 font-semibold">{rightLabel}</th>
              <th scope="col" className="py-2 font-semibold"><span className="sr-only">Changed</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.name} className={r.changed ? "bg-amber-50" : undefined}>
                <th scope="row" className={cn("py-2 pr-4 text-left font-medium text-slate-900", mono && "font-mono")}>{r.name}</th>
                <td className="py-2 pr-4 text-slate-700">{r.left ?? "—"}</td>
                <td className="py-2 pr-4 text-slate-700">{r.right ?? "—"}</td>
                <td className="py-2 text-xs font-medium text-amber-800">{r.changed ? "Changed" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
