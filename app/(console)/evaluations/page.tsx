import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { creatorNames, listEvaluationRuns, listUseCaseOptions } from "@/lib/evaluations/queries";
import { listRunsSchema } from "@/lib/evaluations/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { UseCaseFilter } from "@/components/ui/use-case-filter";
import { RunsTable } from "@/components/evaluations/runs-table";
import { NoRuns, RunsPageActions } from "@/components/evaluations/runs-page-parts";

export const metadata = { title: "Evaluations" };

export default async function EvaluationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("evaluation:read");
  const raw = await searchParams;
  // A hand-edited URL with bad values falls back to the defaults instead of failing.
  const params = listRunsSchema.safeParse(raw).success ? { useCaseId: raw.useCaseId, page: raw.page } : {};
  const [result, useCases] = await Promise.all([listEvaluationRuns({ db: db(), actor }, params), listUseCaseOptions(db())]);
  const names = await creatorNames(db(), result.items.map((r) => r.createdById));
  return (
    <>
      <PageHeader title="Evaluations" description="Evaluation runs of release candidates, posted by CI or uploaded, each judged against its use case's gates." actions={<RunsPageActions actor={actor} useCaseId={params.useCaseId} />} />
      <UseCaseFilter useCases={useCases} />
      {result.total === 0 ? <NoRuns useCaseId={params.useCaseId} /> : (
        <>
          <RunsTable rows={result.items} names={names} />
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={{ useCaseId: params.useCaseId }} basePath="/evaluations" />
        </>
      )}
    </>
  );
}
