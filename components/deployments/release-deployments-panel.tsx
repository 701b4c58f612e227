import Link from "next/link";
import { ENVIRONMENT_LABELS } from "@/lib/aws-connections/schemas";
import { releaseDeployments, unpublishedVersions } from "@/lib/deployments/queries";
import { previousStage, promotePermission } from "@/lib/deployments/schemas";
import { can, type UserActor } from "@/lib/permissions";
import { db } from "@/lib/db";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { DeploymentHistory } from "./deployment-history";
import { ENV_NAMES, envHref } from "./format";
import { PromoteButton } from "./promote-button";

type Env = Awaited<ReturnType<typeof releaseDeployments>>["environments"][number];

function status(e: Env) {
  if (e.runsHere) return <Badge tone="green">Runs now</Badge>;
  if (e.promoted) return <Badge tone="amber">Replaced{e.running ? ` by release #${e.running}` : ""}</Badge>;
  return <Badge>Not promoted</Badge>;
}

/**
 * For the release detail page: where this release runs now and ran before, and the promotion
 * to each stage it may enter next — or why it may not.
 */
export async function ReleaseDeploymentsPanel({ releaseId, actor }: { releaseId: string; actor: UserActor }) {
  const reader = { db: db(), actor };
  const { release, history, environments } = await releaseDeployments(reader, releaseId);
  const teamId = release.useCase.teamId;
  const rows = await Promise.all(
    environments.map(async (e) => {
      const before = previousStage(e.environment);
      const blocked =
        release.status !== "APPROVED" || e.runsHere ? null
        : before && !environments.find((x) => x.environment === before)!.promoted ? `Promote to ${ENV_NAMES[before]} first`
        : !can(actor, promotePermission(e.environment), { teamId }) ? `You cannot promote to ${ENV_NAMES[e.environment]} (needs ${promotePermission(e.environment)})`
        : null;
      const canPromote = release.status === "APPROVED" && !e.runsHere && blocked === null;
      const unpublished = canPromote && e.connected ? await unpublishedVersions(reader, release.id, e.environment) : [];
      return { ...e, blocked, canPromote, unpublished };
    }),
  );
  const next = rows.find((r) => r.canPromote && !r.promoted);
  return (
    <Card title="Deployments">
      {release.status !== "APPROVED" ? (
        <p className="mb-2 text-sm text-slate-600">Only an approved release can be promoted; this one is {release.status.toLowerCase().replace("_", " ")}.</p>
      ) : null}
      <ul className="divide-y divide-slate-100">
        {rows.map((r) => (
          <li key={r.environment} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="flex items-center gap-3">
              <Link href={envHref(r.environment)} className="w-32 text-sm font-medium text-slate-900 hover:underline">{ENVIRONMENT_LABELS[r.environment]}</Link>
              {status(r)}
              {!r.runsHere && !r.promoted && r.running ? <span className="text-xs text-slate-500">Release #{r.running} runs there</span> : null}
            </div>
            {r.canPromote ? (
              <PromoteButton releaseId={release.id} releaseNumber={release.number} environment={r.environment} connected={r.connected} unpublished={r.unpublished} replaces={r.running} variant={r === next ? "primary" : "secondary"} />
            ) : r.blocked && !r.runsHere ? (
              <span className="text-xs text-slate-500">{r.blocked}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <h3 className="mb-2 mt-5 text-sm font-semibold text-slate-900">History</h3>
      {history.length ? <DeploymentHistory rows={history} showUseCase={false} showEnvironment /> : <p className="text-sm text-slate-500">This release has not been deployed yet.</p>}
    </Card>
  );
}
