import Link from "next/link";
import type { listReleases } from "@/lib/releases/queries";
import { approvalsText, ReleaseStatusBadge } from "./release-badges";
import { TableScroll } from "@/components/ui/table-scroll";
import { DateTime } from "@/components/ui/date-time";

type Row = Awaited<ReturnType<typeof listReleases>>["items"][number];

export function ReleaseTable({ rows }: { rows: Row[] }) {
  return (
    <TableScroll label="Releases">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            {["Release", "Use case", "Status", "Approvals", "Model", "Created"].map((h) => (
              <th key={h} scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/releases/${r.id}`} className="font-medium text-indigo-700 hover:underline">Release #{r.number}</Link>
                <p className="text-xs text-slate-500">{r.promptCount} prompt{r.promptCount === 1 ? "" : "s"}</p>
              </td>
              <td className="px-4 py-3">
                <Link href={`/use-cases/${r.useCase.id}`} className="text-slate-800 hover:underline">{r.useCase.name}</Link>
                <p className="text-xs text-slate-500">{r.useCase.team.name} · {r.useCase.riskTier.toLowerCase()} risk</p>
              </td>
              <td className="px-4 py-3"><ReleaseStatusBadge status={r.status} /></td>
              <td className="px-4 py-3 text-slate-700">{r.status === "DRAFT" ? <span className="text-slate-400">—</span> : approvalsText(r.approvals, r.approvalsNeeded)}</td>
              <td className="px-4 py-3 font-mono text-xs text-slate-700">{r.modelId}</td>
              <td className="px-4 py-3 text-slate-600"><DateTime value={r.createdAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
