import { diffWords } from "diff";
import type { getChangesSinceLastReview } from "@/lib/use-cases/queries";
import type { FieldChange } from "@/lib/use-cases/review-changes";
import { DateTime } from "@/components/ui/date-time";
import { CLASSIFICATION_LABEL, TIER_LABEL } from "./labels";

type Since = NonNullable<Awaited<ReturnType<typeof getChangesSinceLastReview>>>;
type Side = "before" | "after";

const DEL = "bg-rose-100 text-rose-900";
const INS = "bg-emerald-100 text-emerald-900 no-underline";
const FREE_TEXT = new Set<FieldChange["field"]>(["name", "businessOwner", "description", "costAllocationTag"]);

/** A value as the overview shows it: labels for tiers and classifications, "—" for nothing. */
function plain(field: FieldChange["field"], value: unknown): string {
  if (value === null || value === "") return "—";
  if (field === "riskTier") return TIER_LABEL[String(value)]?.[0] ?? String(value);
  if (field === "dataClassification") return CLASSIFICATION_LABEL[String(value)] ?? String(value);
  if (field === "audience") return value === "EXTERNAL" ? "External" : "Internal";
  if (field === "handlesPersonalData") return value ? "Yes" : "No";
  return String(value);
}

/** Text word by word: the old side marks what was removed, the new side what was added. */
function Words({ before, after, side }: { before: string; after: string; side: Side }) {
  const parts = diffWords(before, after).filter((p) => (side === "before" ? !p.added : !p.removed));
  return (
    <span className="whitespace-pre-line">
      {parts.map((p, i) => (p.removed ? <del key={i} className={DEL}>{p.value}</del> : p.added ? <ins key={i} className={INS}>{p.value}</ins> : <span key={i}>{p.value}</span>))}
    </span>
  );
}

/** KPIs one per line; a line the other side lacks is marked. */
function Kpis({ change, side }: { change: FieldChange; side: Side }) {
  const lines = (v: unknown) => ((v ?? []) as { name: string; target: string }[]).map((k) => `${k.name}: ${k.target}`);
  const mine = lines(side === "before" ? change.before : change.after);
  const theirs = new Set(lines(side === "before" ? change.after : change.before));
  if (!mine.length) return <span>—</span>;
  const Mark = side === "before" ? "del" : "ins";
  return (
    <ul className="space-y-0.5">
      {mine.map((l, i) => <li key={i}>{theirs.has(l) ? l : <Mark className={side === "before" ? DEL : INS}>{l}</Mark>}</li>)}
    </ul>
  );
}

function Value({ change, side }: { change: FieldChange; side: Side }) {
  if (change.field === "kpis") return <Kpis change={change} side={side} />;
  const { before, after } = change;
  if (FREE_TEXT.has(change.field) && typeof before === "string" && typeof after === "string" && before && after) return <Words before={before} after={after} side={side} />;
  const text = plain(change.field, side === "before" ? before : after);
  return side === "before" ? <del className={DEL}>{text}</del> : <ins className={INS}>{text}</ins>;
}

/** What changed since the reviewer requested changes, field by field: old value and new. */
export function ReviewChanges({ since }: { since: Since }) {
  return (
    <div className="space-y-4">
      <div className="text-sm text-slate-600">
        <p>Compared with the use case as {since.reviewerName} saw it when requesting changes in round {since.round} (<DateTime value={since.requestedAt} />):</p>
        <blockquote className="mt-2 whitespace-pre-line border-l-2 border-amber-300 pl-3 text-slate-700">{since.comment}</blockquote>
      </div>
      {since.changes === null ? (
        <p className="text-sm text-slate-600">The use case as reviewed in round {since.round} was not kept, so what changed since cannot be shown.</p>
      ) : since.changes.length === 0 ? (
        <p role="status" className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">Nothing has changed since then.</p>
      ) : (
        <table className="w-full table-fixed text-sm" aria-label="Changes since the last review">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="w-40 py-2 pr-4 font-semibold">Field</th>
              <th scope="col" className="py-2 pr-4 font-semibold">Round {since.round}</th>
              <th scope="col" className="py-2 font-semibold">Now</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {since.changes.map((c) => (
              <tr key={c.field}>
                <th scope="row" className="py-2 pr-4 text-left font-medium text-slate-900">{c.label}</th>
                <td className="break-words py-2 pr-4 text-slate-700"><Value change={c} side="before" /></td>
                <td className="break-words py-2 text-slate-700"><Value change={c} side="after" /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
