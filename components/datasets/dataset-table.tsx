import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { listDatasets } from "@/lib/datasets/queries";
import { TableScroll } from "@/components/ui/table-scroll";

type Row = Awaited<ReturnType<typeof listDatasets>>["items"][number];

export function DatasetTable({ rows }: { rows: Row[] }) {
  return (
    <TableScroll label="Datasets">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            {["Dataset", "Use case", "Draft items", "Latest version"].map((h) => (
              <th key={h} scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((d) => (
            <tr key={d.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/datasets/${d.id}`} className="font-medium text-indigo-700 hover:underline">{d.name}</Link>
                {d.description ? <p className="text-xs text-slate-500">{d.description}</p> : null}
              </td>
              <td className="px-4 py-3">
                <Link href={`/use-cases/${d.useCase.id}`} className="text-slate-800 hover:underline">{d.useCase.name}</Link>
                <p className="text-xs text-slate-500">{d.useCase.team.name}</p>
              </td>
              <td className="px-4 py-3 text-slate-700">{d.itemCount}</td>
              <td className="px-4 py-3 text-slate-700">{d.latestVersion ? `v${d.latestVersion}` : <Badge>Draft only</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
