import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listGuardrails } from "@/lib/guardrails/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { GuardrailFilters } from "@/components/guardrails/guardrail-filters";
import { GuardrailTable } from "@/components/guardrails/guardrail-table";

export const metadata = { title: "Guardrails" };

export default async function GuardrailsPage({ searchParams }: { searchParams: Promise<{ useCaseId?: string }> }) {
  const actor = await requirePagePermission("guardrail:read");
  const { useCaseId } = await searchParams;
  const [rows, useCases] = await Promise.all([
    listGuardrails({ db: db(), actor }, { useCaseId: useCaseId || undefined }),
    db().useCase.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const newHref = useCaseId ? `/guardrails/new?useCaseId=${encodeURIComponent(useCaseId)}` : "/guardrails/new";
  const newButton = can(actor, "guardrail:edit") ? <Link href={newHref} className={buttonClass()}>New guardrail</Link> : null;
  return (
    <>
      <PageHeader title="Guardrails" description="Guardrail configurations in Bedrock's vocabulary: a draft, immutable numbered versions, and a test bench." actions={newButton} />
      <GuardrailFilters useCases={useCases} />
      {rows.length === 0 ? (
        <EmptyState title={useCaseId ? "This use case has no guardrails" : "No guardrails yet"} action={newButton}>
          A guardrail blocks or anonymizes what a model receives and returns: denied topics, content filters, words, PII and regexes.
        </EmptyState>
      ) : (
        <GuardrailTable rows={rows} />
      )}
    </>
  );
}
