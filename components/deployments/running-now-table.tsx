import Link from "next/link";
import type { AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import type { DeploymentView } from "@/lib/deployments/queries";
import { DeploymentKindBadge } from "./deployment-kind-badge";
import { RollbackButton } from "./rollback-button";
import { TableScroll } from "@/components/ui/table-scroll";
import { DateTime } from "@/components/ui/date-time";

type Row = DeploymentView & { useCase: { id: string; name: string; slug: string; teamId: string; team: { name: string } }; rollbackTo: number | null };

/** What runs in one environment now, per use case, with Rollback for who may, where there is an earlier release to restore. */
export function RunningNowTable({ environment, rows, canRollback }: { environment: AwsEnvironmentName; rows: Row[]; canRollback: (teamId: string) => boolean }) {
  return (
    <TableScroll label="Running now">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            {["Use case", "Release", "Since", "By", "Rollback restores"].map((h) => <th key={h} scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">{h}</th>)}
            <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((d) => (
            <tr key={d.id} className="align-top">
              <td className="px-4 py-3">
                <Link href={`/use-cases/${d.useCase.id}`} className="font-medium text-slate-900 hover:underline">{d.useCase.name}</Link>
                <p className="font-mono text-xs text-slate-500">{d.useCase.slug}</p>
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                <Link href={`/releases/${d.release.id}`} className="font-medium text-indigo-700 hover:underline">Release #{d.release.number}</Link>{" "}
                <DeploymentKindBadge kind={d.kind} />
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700"><DateTime value={d.deployedAt} /></td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">{d.deployedBy}</td>
              <td className="px-4 py-3 text-slate-700">{d.rollbackTo === null ? <span className="text-slate-500">Nothing earlier</span> : `Release #${d.rollbackTo}`}</td>
              <td className="px-4 py-3 text-right">
                {d.rollbackTo !== null && canRollback(d.useCase.teamId) ? <RollbackButton useCaseId={d.useCase.id} useCaseName={d.useCase.name} environment={environment} currentRelease={d.release.number} rollbackTo={d.rollbackTo} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
