import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listSiblingReleases } from "@/lib/releases/queries";
import { PageHeader } from "@/components/ui/page-header";
import { ReleaseStatusBadge } from "@/components/releases/release-badges";
import { ReleaseActions } from "@/components/releases/release-actions";
import { ComparePicker } from "@/components/releases/compare-picker";
import { ReleaseDetail } from "@/components/releases/release-detail";
import { loadReleaseForPage } from "@/components/releases/load-release-for-page";
import { ReleaseDeploymentsPanel } from "@/components/deployments/release-deployments-panel";

export const metadata = { title: "Release" };

export default async function ReleasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("release:read");
  const r = await loadReleaseForPage(actor, (await params).id);
  const others = await listSiblingReleases({ db: db(), actor }, r.useCaseId, r.id);
  const canEdit = can(actor, "release:edit", { teamId: r.useCase.team.id });
  return (
    <>
      <PageHeader
        title={`Release #${r.number}`}
        description={<span className="flex flex-wrap items-center gap-2"><Link href={`/use-cases/${r.useCase.id}`} className="text-indigo-700 hover:underline">{r.useCase.name}</Link><span className="text-slate-400">·</span><span>{r.useCase.team.name}</span><ReleaseStatusBadge status={r.status} /></span>}
        actions={<><ComparePicker id={r.id} others={others} /><ReleaseActions id={r.id} number={r.number} status={r.status} canEdit={canEdit} /></>}
      />
      <ReleaseDetail r={r} actor={actor} />
      {r.status === "APPROVED" ? <div className="mt-6"><ReleaseDeploymentsPanel releaseId={r.id} actor={actor} /></div> : null}
    </>
  );
}
