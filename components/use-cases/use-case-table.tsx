import Link from "next/link";
import type { listUseCases } from "@/lib/use-cases/queries";
import { OverdueBadge, RiskBadge, StatusBadge } from "./use-case-badges";
import { TableScroll } from "@/components/ui/table-scroll";
import { DateTime } from "@/components/ui/date-time";

type Row = Awaited<ReturnType<typeof listUseCases>>["items"][number];

const COLUMNS = [
  { key: "name", label: "Use case", sortable: true },
  { key: "team", label: "Team", sortable: false },
  { key: "riskTier", label: "Risk tier", sortable: true },
  { key: "status", label: "Status", sortable: true },
  { key: "nextReviewDate", label: "Next review", sortable: true },
  { key: "updatedAt", label: "Updated", sortable: true },
] as const;

export function UseCaseTable({ rows, params }: { rows: Row[]; params: Record<string, string | undefined> }) {
  const sortHref = (key: string) => {
    const order = params.sort === key && params.order !== "desc" ? "desc" : "asc";
    const q = new URLSearchParams(Object.entries({ ...params, sort: key, order, page: "" }).filter(([, v]) => v) as [string, string][]);
    return `/use-cases?${q.toString()}`;
  };
  return (
    <TableScroll label="Use cases">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            {COLUMNS.map((c) => {
              const sorted = params.sort === c.key || (!params.sort && c.key === "updatedAt");
              const dir = params.order === "asc" ? "ascending" : "descending";
              return (
                <th key={c.key} scope="col" aria-sort={sorted ? dir : undefined} className="px-4 py-3 text-left font-semibold text-slate-700">
                  {c.sortable ? <Link href={sortHref(c.key)} className="hover:text-indigo-700">{c.label}{sorted ? (dir === "ascending" ? " ↑" : " ↓") : ""}</Link> : c.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((u) => (
            <tr key={u.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/use-cases/${u.id}`} className="font-medium text-indigo-700 hover:underline">{u.name}</Link>
                <p className="font-mono text-xs text-slate-500">{u.slug}</p>
              </td>
              <td className="px-4 py-3 text-slate-700">{u.team.name}</td>
              <td className="px-4 py-3"><RiskBadge tier={u.riskTier} /></td>
              <td className="px-4 py-3"><StatusBadge status={u.status} /></td>
              <td className="px-4 py-3 text-slate-700">
                <span className="mr-2">{u.nextReviewDate ? <DateTime value={u.nextReviewDate} day /> : "—"}</span>
                {u.isReviewOverdue ? <OverdueBadge /> : null}
              </td>
              <td className="px-4 py-3 text-slate-600"><DateTime value={u.updatedAt} day /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
