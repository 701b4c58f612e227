import { TeamRow, type TeamRowData } from "./team-row";
import { TableScroll } from "@/components/ui/table-scroll";

export function TeamTable({ rows }: { rows: TeamRowData[] }) {
  return (
    <TableScroll label="Teams">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Teams</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">Team</th>
            <th scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">Description</th>
            <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">Members</th>
            <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">Use cases</th>
            <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((t) => <TeamRow key={`${t.id}:${t.name}:${t.description}`} team={t} />)}
        </tbody>
      </table>
    </TableScroll>
  );
}
