import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { getChangesSinceLastReview, getUseCaseActivity } from "@/lib/use-cases/queries";
import { EDITABLE_STATUSES, REQUIRED_APPROVALS } from "@/lib/use-cases/schemas";
import { loadUseCaseForPage } from "@/components/use-cases/load-use-case-for-page";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { RiskBadge, StatusBadge } from "@/components/use-cases/use-case-badges";
import { UseCaseOverview } from "@/components/use-cases/use-case-overview";
import { HistoryList } from "@/components/use-cases/activity-feed";
import { ReviewThread } from "@/components/reviews/review-thread";
import { LifecycleActions } from "@/components/use-cases/lifecycle-actions";
import { ReviewPanel } from "@/components/use-cases/review-panel";
import { CatalogLinks } from "@/components/use-cases/catalog-links";
import { ReviewChanges } from "@/components/use-cases/review-changes";

export default async function UseCasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("use-case:read");
  const u = await loadUseCaseForPage(actor, (await params).id);
  const [activity, since, prompts, guardrails] = await Promise.all([
    getUseCaseActivity({ db: db(), actor }, u.id),
    getChangesSinceLastReview({ db: db(), actor }, u.id),
    db().prompt.count({ where: { useCaseId: u.id } }),
    db().guardrail.count({ where: { useCaseId: u.id } }),
  ]);
  const editable = (EDITABLE_STATUSES as readonly string[]).includes(u.status);
  const steps = [
    ...(editable && can(actor, "use-case:submit", u) ? (["submit"] as const) : []),
    ...(u.status === "APPROVED" && can(actor, "use-case:operate", u) ? (["mark-in-production"] as const) : []),
    ...(["APPROVED", "IN_PRODUCTION"].includes(u.status) && can(actor, "use-case:operate", u) ? (["retire"] as const) : []),
  ];
  const roundReviews = activity.reviews.filter((r) => r.round === u.reviewRound);
  const canReview = u.status === "SUBMITTED" && can(actor, "use-case:review") && actor.id !== u.submittedById && actor.id !== u.createdById && !roundReviews.some((r) => r.reviewerId === actor.id && r.decision);
  return (
    <>
      <PageHeader
        title={u.name}
        description={<span className="flex items-center gap-2"><StatusBadge status={u.status} /><RiskBadge tier={u.riskTier} /></span>}
        actions={<LifecycleActions id={u.id} canEdit={editable && can(actor, "use-case:update", u)} steps={steps} />}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Overview"><UseCaseOverview u={u} /></Card>
          {since ? <Card title={`Changes since round ${since.round}'s request for changes`}><ReviewChanges since={since} /></Card> : null}
          {canReview ? (
            <Card title="Your review">
              <ReviewPanel id={u.id} approvalsNeeded={Number.isFinite(REQUIRED_APPROVALS[u.riskTier]) ? REQUIRED_APPROVALS[u.riskTier] : 0} approvalsSoFar={roundReviews.filter((r) => r.decision === "APPROVE").length} prohibited={u.riskTier === "PROHIBITED"} />
            </Card>
          ) : null}
          <Card title="Review thread"><ReviewThread reviews={activity.reviews} /></Card>
        </div>
        <div className="space-y-6">
          <Card title="Built from"><CatalogLinks useCaseId={u.id} prompts={prompts} guardrails={guardrails} /></Card>
          <Card title="History" className="h-fit"><HistoryList history={activity.history} /></Card>
        </div>
      </div>
    </>
  );
}
