import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listUseCaseOptions } from "@/lib/deployments/queries";
import { ENVIRONMENT_LABELS, environmentParamSchema, listDeploymentsSchema } from "@/lib/deployments/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { UseCaseFilter } from "@/components/ui/use-case-filter";
import { EnvironmentTabs } from "@/components/deployments/environment-tabs";
import { EnvironmentOverview } from "@/components/deployments/environment-overview";

type Props = { params: Promise<{ environment: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props) {
  const env = environmentParamSchema.safeParse((await params).environment);
  return { title: env.success ? ENVIRONMENT_LABELS[env.data] : "Environments" };
}

export default async function EnvironmentPage({ params, searchParams }: Props) {
  const actor = await requirePagePermission("release:read");
  const env = environmentParamSchema.safeParse((await params).environment);
  if (!env.success) notFound();
  const raw = await searchParams;
  const query = listDeploymentsSchema.safeParse(raw).success ? { useCaseId: raw.useCaseId, page: raw.page } : {};
  const useCases = await listUseCaseOptions({ db: db(), actor });
  return (
    <>
      <PageHeader title={ENVIRONMENT_LABELS[env.data]} description={`What runs in ${env.data.toLowerCase()} now, and who deployed what, when and why.`} />
      <EnvironmentTabs current={env.data} />
      <UseCaseFilter useCases={useCases} />
      <EnvironmentOverview actor={actor} environment={env.data} params={query} />
    </>
  );
}
