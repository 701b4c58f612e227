import Link from "next/link";
import { AWS_ENVIRONMENTS, ENVIRONMENT_LABELS, type AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import type { DeploymentView } from "@/lib/deployments/queries";
import { envHref } from "./format";
import { DeploymentKindBadge } from "./deployment-kind-badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { DateTime } from "@/components/ui/date-time";

type Row = { useCase: { id: string; name: string; slug: string; team: { name: string } }; environments: Record<AwsEnvironmentName, DeploymentView | null> };

function Cell({ d }: { d: DeploymentView | null }) {
  if (!d) return <span className="text-slate-500">Not deployed</span>;
  return (
    <div className="space-y-0.5">
      <div className="flex items-center gap-2">
        <Link href={`/releases/${d.release.id}`} className="font-medium text-indigo-700 hover:underline">Release #{d.release.number}</Link>
        {d.kind === "ROLLBACK" ? <DeploymentKindBadge kind={d.kind} /> : null}
      </div>
      <p className="text-xs text-slate-500"><DateTime value={d.deployedAt} /></p>
      <p className="text-xs text-slate-500">by {d.deployedBy}</p>
    </div>
  );
}

/** Use cases × dev/preprod/prod: what runs in each environment now. */
export function EnvironmentGrid({ rows }: { rows: Row[] }) {
  return (
    <TableScroll label="Environments by use case">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">Use case</th>
            {AWS_ENVIRONMENTS.map((env) => (
              <th key={env} scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">
                <Link href={envHref(env)} className="hover:underline">{ENVIRONMENT_LABELS[env]}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.useCase.id} className="align-top hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/use-cases/${r.useCase.id}`} className="font-medium text-slate-900 hover:underline">{r.useCase.name}</Link>
                <p className="font-mono text-xs text-slate-500">{r.useCase.slug}</p>
                <p className="text-xs text-slate-500">{r.useCase.team.name}</p>
              </td>
              {AWS_ENVIRONMENTS.map((env) => (
                <td key={env} className="px-4 py-3"><Cell d={r.environments[env]} /></td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
