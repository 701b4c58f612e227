import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listUseCases } from "@/lib/use-cases/queries";
import { listUseCasesSchema } from "@/lib/use-cases/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { UseCaseFilters } from "@/components/use-cases/use-case-filters";
import { UseCaseTable } from "@/components/use-cases/use-case-table";

export const metadata = { title: "Use cases" };

export default async function UseCasesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("use-case:read");
  const raw = await searchParams;
  // Unknown filter values in a hand-edited URL fall back to defaults instead of failing.
  const parsed = listUseCasesSchema.safeParse(raw);
  const params = parsed.success ? raw : {};
  const [result, teams] = await Promise.all([
    listUseCases({ db: db(), actor }, params),
    db().team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const filtered = Object.keys(params).some((k) => !["page", "sort", "order"].includes(k) && params[k]);
  const newButton = can(actor, "use-case:create") ? <Link href="/use-cases/new" className={buttonClass()}>Register use case</Link> : null;
  return (
    <>
      <PageHeader title="Use cases" description="Every generative-AI use case, its owner, risk tier and where it stands in governance." actions={newButton} />
      <UseCaseFilters teams={teams} />
      {result.total === 0 ? (
        <EmptyState title={filtered ? "No use cases match these filters" : "No use cases yet"} action={filtered ? <Link href="/use-cases" className={buttonClass("secondary")}>Clear filters</Link> : newButton}>
          {filtered ? "Try another search or clear the filters." : "Register the first use case to start its governance review."}
        </EmptyState>
      ) : (
        <>
          <UseCaseTable rows={result.items} params={params} />
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={params} basePath="/use-cases" />
        </>
      )}
    </>
  );
}
