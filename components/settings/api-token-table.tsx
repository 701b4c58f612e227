import type { listApiTokens } from "@/lib/api-tokens/queries";
import { Badge } from "@/components/ui/badge";
import { ApiTokenScopeBadges } from "./api-token-scopes";
import { ApiTokenRevokeButton } from "./api-token-revoke-button";
import { TableScroll } from "@/components/ui/table-scroll";
import { DateTime } from "@/components/ui/date-time";

export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number] & { createdByName: string | null };

const COLUMNS = ["Name", "Team", "Permissions", "Token", "Created", "Last used", "Status"];

/** Every token, active first; revoked ones stay listed so their history remains readable. */
export function ApiTokenTable({ rows }: { rows: ApiTokenRow[] }) {
  return (
    <TableScroll label="API tokens">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">API tokens</caption>
        <thead className="bg-slate-50">
          <tr>
            {COLUMNS.map((label) => (
              <th key={label} scope="col" className="whitespace-nowrap px-4 py-3 text-left font-semibold text-slate-700">{label}</th>
            ))}
            <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((t) => (
            <tr key={t.id} className={t.isRevoked ? "bg-slate-50/60 text-slate-500" : "text-slate-700 hover:bg-slate-50"}>
              <th scope="row" className={`min-w-40 px-4 py-3 text-left font-medium ${t.isRevoked ? "text-slate-500" : "text-slate-900"}`}>{t.name}</th>
              <td className="px-4 py-3">{t.team.name}</td>
              <td className="px-4 py-3"><ApiTokenScopeBadges permissions={t.permissions} /></td>
              <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">strata_{t.prefix}_…</td>
              <td className="whitespace-nowrap px-4 py-3">
                <DateTime value={t.createdAt} day />
                {t.createdByName ? <p className="text-xs text-slate-500">by {t.createdByName}</p> : null}
              </td>
              <td className="whitespace-nowrap px-4 py-3">{t.lastUsedAt ? <DateTime value={t.lastUsedAt} /> : <span className="text-slate-500">never</span>}</td>
              <td className="whitespace-nowrap px-4 py-3">
                {t.revokedAt ? <Badge tone="red" className="gap-1">Revoked <DateTime value={t.revokedAt} day /></Badge> : <Badge tone="green">Active</Badge>}
              </td>
              <td className="px-4 py-3 text-right">
                {t.isRevoked ? null : <ApiTokenRevokeButton id={t.id} name={t.name} prefix={t.prefix} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
