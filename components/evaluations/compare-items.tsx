import type { CompareItem, ItemPair } from "@/lib/evaluations/compare-runs";
import { Card } from "@/components/ui/card";
import { VerdictBadge } from "./verdict-badge";
import { formatDelta, formatValue, inline } from "./format";
import { TableScroll } from "@/components/ui/table-scroll";

/** Rows shown per section; the count in the title is always the full one. */
const SHOWN = 200;

const th = "px-3 py-2 text-left font-semibold text-slate-700";

function label(item: CompareItem) {
  return item.itemIndex === null ? inline(item.input, 80) : `#${item.itemIndex} ${inline(item.input, 70)}`;
}

/** Matched items: the baseline's and the candidate's output and verdict, and each score's change. */
export function PairsSection({ title, pairs, empty }: { title: string; pairs: ItemPair[]; empty: string }) {
  return (
    <Card title={`${title} (${pairs.length})`}>
      {pairs.length === 0 ? <p className="text-sm text-slate-600">{empty}</p> : (
        <TableScroll label={title} framed={false}>
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={title}>
            <thead className="bg-slate-50">
              <tr>{["Item", "Baseline", "Candidate", "Scores (baseline → candidate)"].map((h) => <th key={h} scope="col" className={th}>{h}</th>)}</tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {pairs.slice(0, SHOWN).map((p, i) => (
                <tr key={i}>
                  <td className="max-w-xs px-3 py-2 font-mono text-xs text-slate-700 break-words">{label(p.a)}</td>
                  <td className="max-w-xs px-3 py-2"><VerdictBadge passed={p.a.passed} /><p className="mt-1 line-clamp-3 whitespace-pre-wrap text-slate-800">{p.a.output}</p></td>
                  <td className="max-w-xs px-3 py-2"><VerdictBadge passed={p.b.passed} /><p className="mt-1 line-clamp-3 whitespace-pre-wrap text-slate-800">{p.b.output}</p></td>
                  <td className="px-3 py-2 text-xs text-slate-700">
                    {p.scores.map((s) => (
                      <div key={s.name} className="whitespace-nowrap"><span className="text-slate-500">{s.name}</span> {formatValue(s.a)} → {formatValue(s.b)} <span className={s.delta !== null && s.delta < 0 ? "text-rose-700" : "text-slate-600"}>({formatDelta(s.delta)})</span></div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pairs.length > SHOWN ? <p className="mt-2 text-xs text-slate-500">The first {SHOWN} of {pairs.length} are shown.</p> : null}
        </TableScroll>
      )}
    </Card>
  );
}

/** Items only one of the two runs carries. */
export function OnlySection({ title, items }: { title: string; items: CompareItem[] }) {
  if (items.length === 0) return null;
  return (
    <Card title={`${title} (${items.length})`}>
      <ul className="divide-y divide-slate-100 text-sm" aria-label={title}>
        {items.slice(0, SHOWN).map((item, i) => (
          <li key={i} className="flex items-start justify-between gap-4 py-2">
            <span className="font-mono text-xs text-slate-700 break-words">{label(item)}</span>
            <VerdictBadge passed={item.passed} />
          </li>
        ))}
      </ul>
      {items.length > SHOWN ? <p className="mt-2 text-xs text-slate-500">The first {SHOWN} of {items.length} are shown.</p> : null}
    </Card>
  );
}
