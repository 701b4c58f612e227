import type { RunItemDto } from "@/lib/evaluations/serialize";
import { VerdictBadge } from "./verdict-badge";
import { formatValue, inline } from "./format";
import { TableScroll } from "@/components/ui/table-scroll";

/** One page of a run's items: input, output against expected, scores and verdict. */
export function RunItemsTable({ items }: { items: RunItemDto[] }) {
  return (
    <TableScroll label="Items" framed={false}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Items">
        <thead className="bg-slate-50">
          <tr>{["#", "Dataset item", "Input", "Output", "Expected", "Scores", "Verdict"].map((h) => <th key={h} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {items.map((item) => (
            <tr key={item.position}>
              <td className="px-3 py-2 text-slate-500">{item.position + 1}</td>
              <td className="px-3 py-2 text-slate-600">{item.itemIndex === null ? "—" : `#${item.itemIndex}`}</td>
              <td className="max-w-xs px-3 py-2 font-mono text-xs text-slate-700 break-words">{inline(item.input)}</td>
              <td className="max-w-xs px-3 py-2"><div className="line-clamp-4 whitespace-pre-wrap text-slate-900">{item.output}</div></td>
              <td className="max-w-xs px-3 py-2"><div className="line-clamp-4 whitespace-pre-wrap text-slate-700">{item.expected ?? "—"}</div></td>
              <td className="px-3 py-2 text-xs text-slate-700">
                {Object.entries(item.scores).map(([name, value]) => <div key={name}><span className="text-slate-500">{name}</span> {formatValue(value)}</div>)}
              </td>
              <td className="px-3 py-2"><VerdictBadge passed={item.passed} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
