import { diffWords } from "diff";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import type { EntryChange, PolicyDiff } from "@/lib/guardrails/diff";

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
const summary = (value: unknown) =>
  Object.entries((value ?? {}) as Record<string, unknown>).filter(([, v]) => v !== "" && !(Array.isArray(v) && v.length === 0)).map(([k, v]) => `${k}: ${show(v)}`).join(" · ");

/** A changed string field shown word by word; other fields as before → after. */
function FieldChange({ field, before, after }: { field: string; before: unknown; after: unknown }) {
  if (typeof before === "string" && typeof after === "string") {
    return (
      <p className="text-sm">
        <span className="mr-2 font-mono text-xs text-slate-500">{field}</span>
        {diffWords(before, after).map((part, i) =>
          part.added ? <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline">{part.value}</ins>
          : part.removed ? <del key={i} className="bg-rose-100 text-rose-900">{part.value}</del>
          : <span key={i}>{part.value}</span>,
        )}
      </p>
    );
  }
  return (
    <p className="text-sm">
      <span className="mr-2 font-mono text-xs text-slate-500">{field}</span>
      <del className="bg-rose-100 text-rose-900">{show(before) ?? "—"}</del> → <ins className="bg-emerald-100 text-emerald-900 no-underline">{show(after) ?? "—"}</ins>
    </p>
  );
}

function Entry({ change, kind }: { change: EntryChange; kind: "added" | "removed" | "changed" }) {
  const tone = kind === "added" ? "green" : kind === "removed" ? "red" : "amber";
  const before = change.before as Record<string, unknown> | undefined;
  const after = change.after as Record<string, unknown> | undefined;
  return (
    <li className="py-2">
      <div className="flex items-center gap-2">
        <Badge tone={tone}>{kind}</Badge>
        <span className="font-mono text-xs font-semibold text-slate-900">{change.key}</span>
      </div>
      {kind === "changed" ? (
        <div className="mt-1 space-y-1 pl-2">{change.fields?.map((f) => <FieldChange key={f} field={f} before={before?.[f]} after={after?.[f]} />)}</div>
      ) : (
        <p className="mt-1 pl-2 text-sm text-slate-700">{summary(change.after ?? change.before)}</p>
      )}
    </li>
  );
}

export function GuardrailDiffView({ diff }: { diff: PolicyDiff[] }) {
  const changed = diff.filter((d) => d.added.length + d.removed.length + d.changed.length > 0);
  if (changed.length === 0) return <Card><p className="text-sm text-slate-600">No differences: both configurations are identical.</p></Card>;
  return (
    <div className="space-y-4">
      {changed.map((d) => (
        <Card key={d.policy} title={`${d.label} — ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`}>
          <ul className="divide-y divide-slate-100">
            {d.added.map((c) => <Entry key={`a-${c.key}`} change={c} kind="added" />)}
            {d.removed.map((c) => <Entry key={`r-${c.key}`} change={c} kind="removed" />)}
            {d.changed.map((c) => <Entry key={`c-${c.key}`} change={c} kind="changed" />)}
          </ul>
        </Card>
      ))}
    </div>
  );
}
