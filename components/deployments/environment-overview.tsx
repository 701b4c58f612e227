import Link from "next/link";
import { ENVIRONMENT_LABELS, type AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import { environmentOverview } from "@/lib/deployments/queries";
import { can, type UserActor } from "@/lib/permissions";
import { db } from "@/lib/db";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { DeploymentHistory } from "./deployment-history";
import { ENV_NAMES, envHref } from "./format";
import { RunningNowTable } from "./running-now-table";

type Props = { actor: UserActor; environment: AwsEnvironmentName; params: { useCaseId?: string; page?: string } };

/** /environments/[environment]: what runs now, and the paginated deployment history. */
export async function EnvironmentOverview({ actor, environment, params }: Props) {
  const o = await environmentOverview({ db: db(), actor }, environment, params);
  const env = ENV_NAMES[environment];
  return (
    <div className="space-y-6">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        {o.connection
          ? <><Badge tone="green">AWS connected</Badge> Promotions check that pinned versions are published in the {o.connection.region} account and record their ARNs.</>
          : <><Badge>No AWS connection</Badge> Deployments to {env} carry no Bedrock ids.</>}
      </p>
      <Card title={`Running in ${env} now`}>
        {o.current.length === 0 ? (
          <EmptyState title={`Nothing runs in ${env} yet`}>
            {params.useCaseId ? <Link href={envHref(environment)} className="text-indigo-700 hover:underline">Show all use cases</Link> : `Approved releases are promoted to ${ENVIRONMENT_LABELS[environment].toLowerCase()} from their release page.`}
          </EmptyState>
        ) : (
          <RunningNowTable environment={environment} rows={o.current} canRollback={(teamId) => can(actor, "release:rollback", { teamId })} />
        )}
      </Card>
      <Card title="Deployment history">
        {o.total === 0 ? (
          <p className="text-sm text-slate-500">No deployments to {env} yet.</p>
        ) : (
          <>
            <DeploymentHistory rows={o.history} />
            <Pagination page={o.page} pageCount={o.pageCount} total={o.total} params={{ useCaseId: params.useCaseId }} basePath={envHref(environment)} />
          </>
        )}
      </Card>
    </div>
  );
}
