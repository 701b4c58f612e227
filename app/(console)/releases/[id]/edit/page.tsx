import { redirect } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getReleaseFormOptions } from "@/lib/releases/queries";
import { PageHeader } from "@/components/ui/page-header";
import { ReleaseForm } from "@/components/releases/release-form";
import { releaseValues } from "@/components/releases/form-defaults";
import { loadReleaseForPage } from "@/components/releases/load-release-for-page";

export const metadata = { title: "Edit release" };

export default async function EditReleasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("release:read");
  const r = await loadReleaseForPage(actor, (await params).id);
  await requirePagePermission("release:edit", { teamId: r.useCase.team.id });
  // A submitted release never changes: its page says so and offers a new attempt.
  if (r.status !== "DRAFT") redirect(`/releases/${r.id}`);
  const options = await getReleaseFormOptions({ db: db(), actor }, r.useCaseId);
  return (
    <>
      <PageHeader title={`Edit release #${r.number} of ${r.useCase.name}`} description="Drafts can change freely; once submitted, a release is frozen." />
      <ReleaseForm options={options} initial={releaseValues(r)} releaseId={r.id} />
    </>
  );
}
