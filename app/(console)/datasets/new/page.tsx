import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { PageHeader } from "@/components/ui/page-header";
import { DatasetCreateForm } from "@/components/datasets/dataset-create-form";

export const metadata = { title: "New dataset" };

export default async function NewDatasetPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("dataset:edit");
  const { useCaseId } = await searchParams;
  // Only use cases of the user's own teams: dataset:edit is scoped to the owning team.
  const rows = await db().useCase.findMany({ where: { teamId: { in: actor.teamIds } }, select: { id: true, name: true, team: { select: { name: true } } }, orderBy: { name: "asc" } });
  const useCases = rows.map((u) => ({ id: u.id, name: u.name, teamName: u.team.name }));
  return (
    <>
      <PageHeader title="New dataset" description="It starts empty: import items from CSV or JSONL, then freeze them as version 1." />
      <DatasetCreateForm useCases={useCases} initialUseCaseId={useCases.some((u) => u.id === useCaseId) ? useCaseId : undefined} />
    </>
  );
}
