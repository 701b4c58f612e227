import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { PageHeader } from "@/components/ui/page-header";
import { PromptCreateForm } from "@/components/prompts/prompt-create-form";

export const metadata = { title: "New prompt" };

export default async function NewPromptPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("prompt:edit");
  const { useCaseId } = await searchParams;
  // Only use cases of the user's own teams: prompt:edit is scoped to the owning team.
  const rows = await db().useCase.findMany({
    where: { teamId: { in: actor.teamIds } },
    select: { id: true, name: true, team: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
  const useCases = rows.map((u) => ({ id: u.id, name: u.name, teamName: u.team.name }));
  return (
    <>
      <PageHeader title="New prompt" description="It starts as a draft. Freeze it as version 1 when it is ready." />
      <PromptCreateForm useCases={useCases} initialUseCaseId={useCases.some((u) => u.id === useCaseId) ? useCaseId : undefined} />
    </>
  );
}
