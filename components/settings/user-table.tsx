import Link from "next/link";
import type { UserDto } from "@/lib/users/serialize";
import { RoleBadge, UserStateBadges } from "./user-badges";
import { TableScroll } from "@/components/ui/table-scroll";
import { DateTime } from "@/components/ui/date-time";

const COLUMNS = ["User", "Role", "Teams", "Status", "Last sign-in"];

export function UserTable({ rows }: { rows: UserDto[] }) {
  return (
    <TableScroll label="Users">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Users</caption>
        <thead className="bg-slate-50">
          <tr>
            {COLUMNS.map((label) => (
              <th key={label} scope="col" className="whitespace-nowrap px-4 py-3 text-left font-semibold text-slate-700">{label}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((u) => (
            <tr key={u.id} className={u.isActive ? "hover:bg-slate-50" : "bg-slate-50/60 text-slate-500"}>
              <th scope="row" className="px-4 py-3 text-left font-normal">
                <Link href={`/settings/users/${u.id}`} className="font-medium text-indigo-700 hover:underline">{u.name}</Link>
                <p className="text-xs text-slate-500">{u.email}</p>
              </th>
              <td className="px-4 py-3"><RoleBadge role={u.role} /></td>
              <td className="px-4 py-3 text-slate-700">
                {u.teams.length ? u.teams.map((t) => t.name).join(", ") : <span className="text-slate-500">No team</span>}
              </td>
              <td className="px-4 py-3"><UserStateBadges user={u} /></td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                {u.lastLoginAt ? <DateTime value={u.lastLoginAt} /> : <span className="text-slate-500">never</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
