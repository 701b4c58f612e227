import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listDraftItems } from "@/lib/datasets/queries";
import { userNames } from "@/lib/prompts/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { loadDatasetForPage } from "@/components/datasets/load-dataset-for-page";
import { DatasetItemsTable } from "@/components/datasets/dataset-items-table";
import { DatasetVersions } from "@/components/datasets/dataset-versions";
import { CreateDatasetVersionButton } from "@/components/datasets/create-dataset-version-button";

const PAGE_SIZE = 50;

export default async function DatasetPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("dataset:read");
  const d = await loadDatasetForPage(actor, (await params).id);
  const pageCount = Math.max(1, Math.ceil(d.itemCount / PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const [items, names] = await Promise.all([listDraftItems({ db: db(), actor }, d.id, page, PAGE_SIZE), userNames(db(), d.versions.map((v) => v.createdById))]);
  const canEdit = can(actor, "dataset:edit", { teamId: d.useCase.team.id });
  const importLink = <Link href={`/datasets/${d.id}/import`} className={buttonClass("secondary")}>Import items</Link>;
  return (
    <>
      <PageHeader
        title={d.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/use-cases/${d.useCase.id}`} className="text-indigo-700 hover:underline">{d.useCase.name}</Link>
            <span className="text-slate-400">·</span>
            <span>{d.useCase.team.name}</span>
            <Badge>{d.latestVersion ? `Latest: version ${d.latestVersion}` : "No versions yet"}</Badge>
          </span>
        }
        actions={canEdit ? <div className="flex gap-2">{importLink}<CreateDatasetVersionButton datasetId={d.id} nextNumber={d.latestVersion + 1} disabledReason={d.itemCount ? undefined : "Import items first"} /></div> : null}
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <Card
          className="xl:col-span-2"
          title={`Draft: ${d.itemCount} item${d.itemCount === 1 ? "" : "s"}`}
          actions={d.itemCount ? (
            <span className="flex gap-3 text-xs">
              <a className="text-indigo-700 hover:underline" href={`/datasets/${d.id}/export?format=csv`}>Export draft CSV</a>
              <a className="text-indigo-700 hover:underline" href={`/datasets/${d.id}/export?format=jsonl`}>Export draft JSONL</a>
            </span>
          ) : null}
        >
          {d.itemCount === 0 ? (
            <EmptyState title="The draft has no items" action={canEdit ? importLink : null}>Import a CSV or JSONL file of inputs and expected answers.</EmptyState>
          ) : (
            <>
              <DatasetItemsTable items={items} />
              <Pagination page={page} pageCount={pageCount} total={d.itemCount} params={{}} basePath={`/datasets/${d.id}`} />
            </>
          )}
        </Card>
        <Card title="Versions"><DatasetVersions datasetId={d.id} versions={d.versions} names={names} /></Card>
      </div>
    </>
  );
}
