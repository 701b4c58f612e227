import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { forbidden } from "next/navigation";
import { can } from "@/lib/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { loadDatasetForPage } from "@/components/datasets/load-dataset-for-page";
import { DatasetImport } from "@/components/datasets/dataset-import";

export const metadata = { title: "Import dataset items" };

export default async function ImportDatasetPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("dataset:edit");
  const d = await loadDatasetForPage(actor, (await params).id);
  // dataset:edit is scoped to the owning team: a member of another team gets the 403 page.
  if (!can(actor, "dataset:edit", { teamId: d.useCase.team.id })) forbidden();
  return (
    <>
      <PageHeader title={`Import into ${d.name}`} description={<Link href={`/datasets/${d.id}`} className="text-indigo-700 hover:underline">← Back to the dataset</Link>} />
      <DatasetImport datasetId={d.id} draftCount={d.itemCount} />
    </>
  );
}
