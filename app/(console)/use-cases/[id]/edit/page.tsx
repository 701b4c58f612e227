import { redirect } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { EDITABLE_STATUSES } from "@/lib/use-cases/schemas";
import { loadUseCaseForPage } from "@/components/use-cases/load-use-case-for-page";
import { PageHeader } from "@/components/ui/page-header";
import { UseCaseForm } from "@/components/use-cases/use-case-form";
import { formValuesOf } from "@/components/use-cases/form-values";

export const metadata = { title: "Edit use case" };

export default async function EditUseCasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("use-case:read");
  const u = await loadUseCaseForPage(actor, (await params).id);
  await requirePagePermission("use-case:update", u);
  if (!(EDITABLE_STATUSES as readonly string[]).includes(u.status)) redirect(`/use-cases/${u.id}`);
  const teams = await db().team.findMany({ where: { id: u.teamId }, select: { id: true, name: true } });
  return (
    <>
      <PageHeader title={`Edit ${u.name}`} />
      <UseCaseForm teams={teams} id={u.id} initial={formValuesOf(u)} />
    </>
  );
}
