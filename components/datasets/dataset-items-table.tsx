import type { listDraftItems } from "@/lib/datasets/queries";
import { TableScroll } from "@/components/ui/table-scroll";

type Item = Awaited<ReturnType<typeof listDraftItems>>[number];

const show = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** One page of draft items: each input variable, the expected answer and the tags. */
export function DatasetItemsTable({ items }: { items: Item[] }) {
  return (
    <TableScroll label="Dataset items" framed={false}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            {["#", "Input", "Expected", "Tags"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {items.map((item) => (
            <tr key={item.position}>
              <td className="px-3 py-2 text-slate-500">{item.position + 1}</td>
              <td className="px-3 py-2">
                <dl className="space-y-1">
                  {Object.entries(item.input).map(([name, value]) => (
                    <div key={name} className="flex gap-2">
                      <dt className="font-mono text-xs text-slate-500">{name}</dt>
                      <dd className="line-clamp-3 whitespace-pre-wrap text-slate-800">{show(value)}</dd>
                    </div>
                  ))}
                </dl>
              </td>
              <td className="line-clamp-4 whitespace-pre-wrap px-3 py-2 text-slate-800">{item.expected}</td>
              <td className="px-3 py-2 text-xs text-slate-600">{item.tags.join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
