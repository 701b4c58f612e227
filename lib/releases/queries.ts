import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { notFound, parseInput } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/permissions";
import { evaluateGates } from "@/lib/evaluations/evaluate-gates";
import { REQUIRED_APPROVALS } from "@/lib/use-cases/schemas";
import { loadBundleOrThrow, runMetrics } from "./bundle";
import { listReleasesSchema } from "./schemas";
import { serializeRelease } from "./serialize";

type Reader = { db: PrismaClient; actor: Actor };

/** Everyone with release:read sees every team's releases; an API token only its own team's. */
function visible(actor: Actor): Prisma.ReleaseWhereInput {
  return actor.kind === "token" ? { useCase: { teamId: actor.teamId } } : {};
}

/** Approvals a release of this tier needs; null when it can never be approved. */
export const approvalsNeeded = (tier: keyof typeof REQUIRED_APPROVALS) => (Number.isFinite(REQUIRED_APPROVALS[tier]) ? REQUIRED_APPROVALS[tier] : null);

const useCaseSelect = { select: { id: true, name: true, slug: true, riskTier: true, status: true, team: { select: { id: true, name: true } } } } as const;

export async function listReleases({ db, actor }: Reader, input: Record<string, unknown>) {
  authorize(actor, "release:read");
  const f = parseInput(listReleasesSchema, input);
  const where: Prisma.ReleaseWhereInput = { AND: [visible(actor), f.useCaseId ? { useCaseId: f.useCaseId } : {}, f.status ? { status: f.status } : {}] };
  const [total, rows] = await Promise.all([
    db.release.count({ where }),
    db.release.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      select: {
        id: true, number: true, status: true, modelId: true, createdAt: true, submittedAt: true, createdById: true,
        useCase: useCaseSelect, _count: { select: { prompts: true, reviews: { where: { decision: "APPROVE" } } } },
      },
    }),
  ]);
  return {
    items: rows.map(({ _count, createdAt, submittedAt, ...r }) => ({
      ...r, createdAt: createdAt.toISOString(), submittedAt: submittedAt?.toISOString() ?? null,
      promptCount: _count.prompts, approvals: _count.reviews, approvalsNeeded: approvalsNeeded(r.useCase.riskTier),
    })),
    page: f.page,
    pageSize: f.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}

const names = async (db: PrismaClient, ids: (string | null)[]) => {
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids.filter((x): x is string => Boolean(x)))] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
};

/** Everything the release page shows: the bundle resolved, the gate verdict now, reviews, history. */
export async function getReleaseOrThrow({ db, actor }: Reader, id: string) {
  authorize(actor, "release:read");
  const row = await db.release.findFirst({ where: { AND: [{ id }, visible(actor)] }, include: { useCase: useCaseSelect, prompts: { select: { role: true, promptVersionId: true }, orderBy: { role: "asc" } } } });
  if (!row) throw notFound("Release");
  const [bundle, reviews, history, gates] = await Promise.all([
    loadBundleOrThrow(db, row.id),
    db.releaseReview.findMany({ where: { releaseId: row.id }, orderBy: { createdAt: "asc" } }),
    db.auditEvent.findMany({ where: { resourceType: "release", resourceId: row.id }, orderBy: { seq: "asc" }, take: 200, select: { seq: true, at: true, actorLabel: true, action: true } }),
    db.evaluationGate.findMany({ where: { useCaseId: row.useCaseId }, select: { metric: true, comparison: true, threshold: true }, orderBy: [{ metric: "asc" }, { comparison: "asc" }] }),
  ]);
  const who = await names(db, [row.createdById, row.submittedById, ...reviews.map((r) => r.reviewerId)]);
  const { useCase, prompts, ...release } = row;
  return {
    ...serializeRelease(release, prompts),
    useCase,
    bundle,
    createdByName: who.get(row.createdById) ?? "Unknown user",
    submittedByName: row.submittedById ? (who.get(row.submittedById) ?? "Unknown user") : null,
    verdict: bundle.run ? evaluateGates(gates, bundle.run.metrics) : null,
    gateCount: gates.length,
    approvals: reviews.filter((r) => r.decision === "APPROVE").length,
    approvalsNeeded: approvalsNeeded(useCase.riskTier),
    reviews: reviews.map((r) => ({ id: r.id, reviewerId: r.reviewerId, reviewerName: who.get(r.reviewerId) ?? "Unknown user", decision: r.decision, comment: r.comment, createdAt: r.createdAt.toISOString() })),
    history: history.map((e) => ({ seq: e.seq.toString(), at: e.at.toISOString(), actorLabel: e.actorLabel, action: e.action })),
  };
}

export type ReleaseDetail = Awaited<ReturnType<typeof getReleaseOrThrow>>;

/** What the release form can pin for a use case: versions of its prompts, guardrails, datasets, and its runs with their verdict now. */
export async function getReleaseFormOptions({ db, actor }: Reader, useCaseId: string) {
  authorize(actor, "release:read");
  const versions = { orderBy: { number: "desc" }, select: { id: true, number: true, message: true } } as const;
  const [useCase, prompts, guardrails, datasets, runs, gates] = await Promise.all([
    db.useCase.findUnique({ where: { id: useCaseId }, select: { id: true, name: true, status: true, riskTier: true, teamId: true } }),
    db.prompt.findMany({ where: { useCaseId, latestVersion: { gt: 0 } }, orderBy: { name: "asc" }, select: { id: true, name: true, draft: true, versions } }),
    db.guardrail.findMany({ where: { useCaseId, latestVersion: { gt: 0 } }, orderBy: { name: "asc" }, select: { id: true, name: true, versions } }),
    db.dataset.findMany({ where: { useCaseId, latestVersion: { gt: 0 } }, orderBy: { name: "asc" }, select: { id: true, name: true, versions: { ...versions, select: { ...versions.select, itemCount: true } } } }),
    db.evaluationRun.findMany({ where: { useCaseId }, orderBy: { number: "desc" }, take: 200, select: { id: true, number: true, candidate: true, datasetVersionId: true, metrics: true, createdAt: true } }),
    db.evaluationGate.findMany({ where: { useCaseId }, select: { metric: true, comparison: true, threshold: true } }),
  ]);
  if (!useCase) throw notFound("Use case");
  return {
    useCase,
    productionRoles: await productionRoles(db, useCaseId),
    prompts: prompts.map(({ draft, ...p }) => ({ ...p, modelId: (draft as { modelId?: string }).modelId ?? null })),
    guardrails,
    datasets,
    runs: runs.map((r) => {
      const verdict = evaluateGates(gates, runMetrics(r.metrics));
      return { id: r.id, number: r.number, candidate: r.candidate, datasetVersionId: r.datasetVersionId, createdAt: r.createdAt.toISOString(), passed: verdict.passed, failing: verdict.results.filter((g) => !g.passed).length };
    }),
  };
}

export type ReleaseFormOptions = Awaited<ReturnType<typeof getReleaseFormOptions>>;

/** The roles of the release running in prod now and the prompt each pins (empty before the first). */
async function productionRoles(db: PrismaClient, useCaseId: string) {
  const active = await db.activeDeployment.findUnique({ where: { useCaseId_environment: { useCaseId, environment: "PROD" } }, select: { releaseId: true } });
  if (!active) return [];
  const rows = await db.releasePrompt.findMany({ where: { releaseId: active.releaseId }, orderBy: { role: "asc" }, select: { role: true, promptVersion: { select: { promptId: true } } } });
  return rows.map((r) => ({ role: r.role, promptId: r.promptVersion.promptId }));
}

/** The other releases of a use case, newest first (the "Compare with…" choices). */
export async function listSiblingReleases({ db, actor }: Reader, useCaseId: string, excludeId: string) {
  authorize(actor, "release:read");
  return db.release.findMany({ where: { AND: [{ useCaseId, id: { not: excludeId } }, visible(actor)] }, orderBy: { number: "desc" }, take: 100, select: { id: true, number: true, status: true } });
}
