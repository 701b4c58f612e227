import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listPrompts } from "@/lib/prompts/queries";
import { listPromptsSchema } from "@/lib/prompts/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { UseCaseFilter } from "@/components/ui/use-case-filter";
import { PromptTable } from "@/components/prompts/prompt-table";

export const metadata = { title: "Prompts" };

export default async function PromptsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("prompt:read");
  const raw = await searchParams;
  // A hand-edited URL with bad values falls back to the defaults instead of failing.
  const params = listPromptsSchema.safeParse(raw).success ? { useCaseId: raw.useCaseId, page: raw.page } : {};
  const [result, useCases] = await Promise.all([
    listPrompts({ db: db(), actor }, params),
    db().useCase.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const newHref = params.useCaseId ? `/prompts/new?useCaseId=${encodeURIComponent(params.useCaseId)}` : "/prompts/new";
  const newButton = can(actor, "prompt:edit") ? <Link href={newHref} className={buttonClass()}>New prompt</Link> : null;
  return (
    <>
      <PageHeader title="Prompts" description="Versioned prompt templates of every use case: edit a draft, freeze it as a version, compare and preview." actions={newButton} />
      <UseCaseFilter useCases={useCases} />
      {result.total === 0 ? (
        <EmptyState title={params.useCaseId ? "This use case has no prompts yet" : "No prompts yet"} action={newButton}>
          {params.useCaseId ? <Link href="/prompts" className="text-indigo-700 hover:underline">Show all prompts</Link> : "Create the first prompt of a use case to start versioning it."}
        </EmptyState>
      ) : (
        <>
          <PromptTable rows={result.items} />
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={{ useCaseId: params.useCaseId }} basePath="/prompts" />
        </>
      )}
    </>
  );
}
