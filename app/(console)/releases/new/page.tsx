import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getReleaseFormOptions } from "@/lib/releases/queries";
import { PageHeader } from "@/components/ui/page-header";
import { UseCasePicker } from "@/components/releases/use-case-picker";
import { ReleaseForm } from "@/components/releases/release-form";
import { newReleaseDefaults } from "@/components/releases/form-defaults";

export const metadata = { title: "New release" };

export default async function NewReleasePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("release:edit");
  const { useCaseId } = await searchParams;
  // Only use cases of the user's own teams: release:edit is scoped to the owning team.
  const rows = await db().useCase.findMany({ where: { teamId: { in: actor.teamIds } }, select: { id: true, name: true, status: true, team: { select: { name: true } } }, orderBy: { name: "asc" } });
  const chosen = rows.find((u) => u.id === useCaseId);
  const options = chosen ? await getReleaseFormOptions({ db: db(), actor }, chosen.id) : null;
  return (
    <>
      <PageHeader title={chosen ? `New release of ${chosen.name}` : "New release"} description="Pin the prompt versions, guardrail, model and knowledge bases that will run, with the evaluation run that proves them." />
      {options ? <ReleaseForm options={options} initial={newReleaseDefaults(options)} /> : <UseCasePicker useCases={rows.map((u) => ({ id: u.id, name: u.name, status: u.status, teamName: u.team.name }))} />}
    </>
  );
}
