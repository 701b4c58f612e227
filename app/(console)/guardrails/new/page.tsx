import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { PageHeader } from "@/components/ui/page-header";
import { GuardrailCreateForm } from "@/components/guardrails/guardrail-create-form";

export const metadata = { title: "New guardrail" };

export default async function NewGuardrailPage({ searchParams }: { searchParams: Promise<{ useCaseId?: string }> }) {
  const actor = await requirePagePermission("guardrail:edit");
  // Only use cases of the actor's teams: guardrail:edit is scoped to the owning team.
  const useCases = await db().useCase.findMany({ where: { teamId: { in: actor.teamIds } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return (
    <>
      <PageHeader title="New guardrail" description="It starts as a draft with default blocked messages. Configure its policies next." />
      <GuardrailCreateForm useCases={useCases} initialUseCaseId={(await searchParams).useCaseId} />
    </>
  );
}
