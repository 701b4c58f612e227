import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { PageHeader } from "@/components/ui/page-header";
import { UseCaseForm } from "@/components/use-cases/use-case-form";

export const metadata = { title: "Register use case" };

export default async function NewUseCasePage() {
  const actor = await requirePagePermission("use-case:create");
  const teams = await db().team.findMany({ where: { id: { in: actor.teamIds } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return (
    <>
      <PageHeader title="Register a use case" description="It starts as a draft. Submit it for governance review when it is complete." />
      <UseCaseForm teams={teams} />
    </>
  );
}
