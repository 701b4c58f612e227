import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listDatasets } from "@/lib/datasets/queries";
import { listDatasetsSchema } from "@/lib/datasets/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { UseCaseFilter } from "@/components/ui/use-case-filter";
import { DatasetTable } from "@/components/datasets/dataset-table";

export const metadata = { title: "Datasets" };

export default async function DatasetsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("dataset:read");
  const raw = await searchParams;
  // A hand-edited URL with bad values falls back to the defaults instead of failing.
  const params = listDatasetsSchema.safeParse(raw).success ? { useCaseId: raw.useCaseId, page: raw.page } : {};
  const [result, useCases] = await Promise.all([
    listDatasets({ db: db(), actor }, params),
    db().useCase.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const newHref = params.useCaseId ? `/datasets/new?useCaseId=${encodeURIComponent(params.useCaseId)}` : "/datasets/new";
  const newButton = can(actor, "dataset:edit") ? <Link href={newHref} className={buttonClass()}>New dataset</Link> : null;
  return (
    <>
      <PageHeader title="Datasets" description="Golden datasets of every use case: inputs with their expected answers, imported from CSV or JSONL and frozen as versions." actions={newButton} />
      <UseCaseFilter useCases={useCases} />
      {result.total === 0 ? (
        <EmptyState title={params.useCaseId ? "This use case has no datasets yet" : "No datasets yet"} action={newButton}>
          {params.useCaseId ? <Link href="/datasets" className="text-indigo-700 hover:underline">Show all datasets</Link> : "Create the first golden dataset of a use case, then import its items."}
        </EmptyState>
      ) : (
        <>
          <DatasetTable rows={result.items} />
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={{ useCaseId: params.useCaseId }} basePath="/datasets" />
        </>
      )}
    </>
  );
}
