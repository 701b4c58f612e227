import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { environmentGrid, listUseCaseOptions } from "@/lib/deployments/queries";
import { listDeploymentsSchema } from "@/lib/deployments/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { UseCaseFilter } from "@/components/ui/use-case-filter";
import { EnvironmentTabs } from "@/components/deployments/environment-tabs";
import { EnvironmentGridSection } from "@/components/deployments/environment-grid-section";

export const metadata = { title: "Environments" };

export default async function EnvironmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("release:read");
  const raw = await searchParams;
  // A hand-edited URL with bad values falls back to the defaults instead of failing.
  const params = listDeploymentsSchema.safeParse(raw).success ? { useCaseId: raw.useCaseId, page: raw.page } : {};
  const [grid, useCases] = await Promise.all([environmentGrid({ db: db(), actor }, params), listUseCaseOptions({ db: db(), actor })]);
  return (
    <>
      <PageHeader title="Environments" description="What runs in development, pre-production and production for every use case. Releases move dev → preprod → prod; each environment keeps its deployment history." />
      <EnvironmentTabs current={null} />
      {useCases.length ? <UseCaseFilter useCases={useCases} /> : null}
      <EnvironmentGridSection grid={grid} filtered={Boolean(params.useCaseId)} params={{ useCaseId: params.useCaseId }} />
    </>
  );
}
