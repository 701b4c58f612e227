import Link from "next/link";
import type { DeploymentView } from "@/lib/deployments/queries";
import { ArtifactList } from "./artifact-list";
import { DeploymentKindBadge } from "./deployment-kind-badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { DateTime } from "@/components/ui/date-time";

type Row = DeploymentView & { useCase?: { id: string; name: string } };

/** Who put which release where, when, and why — newest first. */
export function DeploymentHistory({ rows, showUseCase = true, showEnvironment = false }: { rows: Row[]; showUseCase?: boolean; showEnvironment?: boolean }) {
  const headers = ["When", ...(showUseCase ? ["Use case"] : []), ...(showEnvironment ? ["Environment"] : []), "Release", "Kind", "By", "Comment", "Bedrock ARNs"];
  return (
    <TableScroll label="Deployment history">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>{headers.map((h) => <th key={h} scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((d) => (
            <tr key={d.id} className="align-top">
              <td className="whitespace-nowrap px-4 py-3 text-slate-700"><DateTime value={d.deployedAt} /></td>
              {showUseCase ? <td className="px-4 py-3">{d.useCase ? <Link href={`/use-cases/${d.useCase.id}`} className="text-slate-900 hover:underline">{d.useCase.name}</Link> : null}</td> : null}
              {showEnvironment ? <td className="px-4 py-3 text-slate-700">{d.environment.toLowerCase()}</td> : null}
              <td className="whitespace-nowrap px-4 py-3"><Link href={`/releases/${d.release.id}`} className="font-medium text-indigo-700 hover:underline">#{d.release.number}</Link></td>
              <td className="px-4 py-3"><DeploymentKindBadge kind={d.kind} /></td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">{d.deployedBy}</td>
              <td className="max-w-xs px-4 py-3 text-slate-700">{d.comment || <span className="text-slate-500">—</span>}</td>
              <td className="max-w-md px-4 py-3"><ArtifactList artifacts={d.artifacts} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
