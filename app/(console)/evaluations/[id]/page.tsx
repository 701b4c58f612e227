import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { creatorNames, listGates, listRunItems, listRunsForUseCase } from "@/lib/evaluations/queries";
import { loadRunForPage } from "@/components/evaluations/load-run-for-page";
import { RunHeader } from "@/components/evaluations/run-header";
import { RunDetailView } from "@/components/evaluations/run-detail";

const PAGE_SIZE = 50;

export const metadata = { title: "Evaluation run" };

export default async function RunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("evaluation:read");
  const run = await loadRunForPage(actor, (await params).id);
  const pageCount = Math.max(1, Math.ceil(run.itemCount / PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const [gates, items, runs, names] = await Promise.all([listGates(db(), run.useCase.id), listRunItems(db(), run.id, page, PAGE_SIZE), listRunsForUseCase(db(), run.useCase.id), creatorNames(db(), [run.createdById])]);
  const others = runs.filter((r) => r.id !== run.id);
  return (
    <>
      <RunHeader run={run} createdBy={names[run.createdById] ?? "unknown"} />
      <RunDetailView run={run} currentGates={gates} items={items} page={page} pageCount={pageCount} others={others} />
    </>
  );
}
