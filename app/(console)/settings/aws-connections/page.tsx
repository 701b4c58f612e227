import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listAwsConnections } from "@/lib/aws-connections/queries";
import { PageHeader } from "@/components/ui/page-header";
import { AwsConnectionCard } from "@/components/aws-connections/aws-connection-card";
import { CredentialsExplainer } from "@/components/aws-connections/credentials-explainer";

export const metadata = { title: "AWS connections" };

export default async function AwsConnectionsPage() {
  const actor = await requirePagePermission("aws-connection:read");
  const environments = await listAwsConnections({ db: db(), actor });
  const canManage = can(actor, "aws-connection:manage");
  return (
    <>
      {/* Engineers read this page but not Settings: a link there would only lead to a 403. */}
      {can(actor, "settings:read") ? <Link href="/settings" className="mb-2 inline-block text-sm text-slate-500 hover:text-indigo-700">← Settings</Link> : null}
      <PageHeader title="AWS connections" description="Where Strata reaches Amazon Bedrock, CloudWatch and Cost Explorer for each environment." />
      <CredentialsExplainer />
      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-3">
        {environments.map((e) => (
          <AwsConnectionCard key={e.environment} environment={e.environment} connection={e.connection} canManage={canManage} />
        ))}
      </div>
    </>
  );
}
