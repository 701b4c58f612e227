import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listReleases } from "@/lib/releases/queries";
import { listReleasesSchema } from "@/lib/releases/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { UseCaseFilter } from "@/components/ui/use-case-filter";
import { ReleaseStatusFilter } from "@/components/releases/release-status-filter";
import { ReleaseTable } from "@/components/releases/release-table";

export const metadata = { title: "Releases" };

export default async function ReleasesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("release:read");
  const raw = await searchParams;
  // A hand-edited URL with bad values falls back to the defaults instead of failing.
  const params = listReleasesSchema.safeParse(raw).success ? { useCaseId: raw.useCaseId, status: raw.status, page: raw.page } : {};
  const [result, useCases] = await Promise.all([
    listReleases({ db: db(), actor }, params),
    db().useCase.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const newHref = params.useCaseId ? `/releases/new?useCaseId=${encodeURIComponent(params.useCaseId)}` : "/releases/new";
  const newButton = can(actor, "release:edit") ? <Link href={newHref} className={buttonClass()}>New release</Link> : null;
  const filtered = Boolean(params.useCaseId || params.status);
  return (
    <>
      <PageHeader title="Releases" description="Bundles that pin exactly what runs — prompt versions, guardrail, model, knowledge bases — with the evaluation that proves them, approved by reviewers before promotion." actions={newButton} />
      <div className="flex flex-wrap gap-3"><UseCaseFilter useCases={useCases} /><ReleaseStatusFilter /></div>
      {result.total === 0 ? (
        <EmptyState title={filtered ? "No releases match these filters" : "No releases yet"} action={newButton}>
          {filtered ? <Link href="/releases" className="text-indigo-700 hover:underline">Show all releases</Link> : "Pin prompt and guardrail versions with a passing evaluation run, then submit the release for approval."}
        </EmptyState>
      ) : (
        <>
          <ReleaseTable rows={result.items} />
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={{ useCaseId: params.useCaseId, status: params.status }} basePath="/releases" />
        </>
      )}
    </>
  );
}
