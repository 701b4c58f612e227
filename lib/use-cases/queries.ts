import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { notFound, parseInput } from "@/lib/errors";
import { likeLiteral } from "@/lib/db/like-literal";
import { authorize, type Actor } from "@/lib/permissions";
import { listUseCasesSchema, type ListUseCasesInput } from "./schemas";
import { isReviewOverdue, serializeUseCase } from "./serialize";
import { changedFields } from "./review-changes";

type Reader = { db: PrismaClient; actor: Actor };

const today = () => new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);

export async function listUseCases({ db, actor }: Reader, input: ListUseCasesInput | Record<string, unknown>) {
  authorize(actor, "use-case:read");
  const f = parseInput(listUseCasesSchema, input);
  // Everyone with use-case:read sees every team's use cases; API tokens see their own team's.
  const where: Prisma.UseCaseWhereInput = {
    ...(f.teamId ? { teamId: f.teamId } : {}),
    ...(f.riskTier ? { riskTier: f.riskTier } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.overdue === "true" ? { nextReviewDate: { lt: today() }, status: { notIn: ["RETIRED", "REJECTED"] } } : {}),
    ...(f.q
      ? {
          OR: [
            { name: { contains: likeLiteral(f.q), mode: "insensitive" } },
            { slug: { contains: likeLiteral(f.q), mode: "insensitive" } },
            { description: { contains: likeLiteral(f.q), mode: "insensitive" } },
          ],
        }
      : {}),
    // ANDed with the filters, so no filter can widen a token's view beyond its own team.
    ...(actor.kind === "token" ? { AND: [{ teamId: actor.teamId }] } : {}),
  };
  const [total, rows] = await Promise.all([
    db.useCase.count({ where }),
    db.useCase.findMany({
      where,
      orderBy: [f.sort === "nextReviewDate" ? { nextReviewDate: { sort: f.order, nulls: "last" } } : { [f.sort]: f.order }, { id: "asc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      include: { team: { select: { id: true, name: true, slug: true } } },
    }),
  ]);
  return {
    items: rows.map((u) => ({ ...serializeUseCase(u), team: u.team, isReviewOverdue: isReviewOverdue(u) })),
    page: f.page,
    pageSize: f.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}

export async function getUseCaseOrThrow({ db, actor }: Reader, idOrSlug: string) {
  authorize(actor, "use-case:read");
  const u = await db.useCase.findFirst({
    where: {
      OR: [{ id: idOrSlug }, { slug: idOrSlug }],
      ...(actor.kind === "token" ? { teamId: actor.teamId } : {}),
    },
    include: { team: { select: { id: true, name: true, slug: true } } },
  });
  if (!u) throw notFound("Use case");
  return { ...serializeUseCase(u), team: u.team, isReviewOverdue: isReviewOverdue(u) };
}

/** The review thread and the history (from the audit log) shown on the detail page. */
export async function getUseCaseActivity({ db }: Reader, id: string) {
  const [reviews, history] = await Promise.all([
    db.useCaseReview.findMany({ where: { useCaseId: id }, orderBy: { createdAt: "asc" }, omit: { snapshot: true } }),
    db.auditEvent.findMany({ where: { resourceType: "use-case", resourceId: id }, orderBy: { seq: "asc" }, take: 200 }),
  ]);
  const userIds = [...new Set(reviews.map((r) => r.reviewerId))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    reviews: reviews.map((r) => ({
      id: r.id, round: r.round, reviewerId: r.reviewerId, reviewerName: names.get(r.reviewerId) ?? "Unknown user",
      decision: r.decision, comment: r.comment, createdAt: r.createdAt.toISOString(),
    })),
    history: history.map((e) => ({
      seq: e.seq.toString(),
      at: e.at.toISOString(),
      actorLabel: e.actorLabel,
      actorRole: e.actorRole,
      action: e.action,
      before: e.before,
      after: e.after,
    })),
  };
}

/**
 * What changed since the last review round, like a pull request's "changes since your last
 * review": the use case as the reviewer saw it when they requested changes (the snapshot kept
 * with that decision), against the use case now, field by field. Only while that loop is open —
 * changes requested, or resubmitted and in review; null otherwise, or when changes were never
 * requested. `changes` is null when that round's snapshot is missing (not invented).
 */
export async function getChangesSinceLastReview(reader: Reader, id: string) {
  const useCase = await getUseCaseOrThrow(reader, id);
  if (useCase.status !== "SUBMITTED" && useCase.status !== "CHANGES_REQUESTED") return null;
  const last = await reader.db.useCaseReview.findFirst({
    where: { useCaseId: useCase.id, decision: "REQUEST_CHANGES" },
    orderBy: [{ round: "desc" }, { createdAt: "desc" }],
  });
  if (!last) return null;
  const reviewer = await reader.db.user.findUnique({ where: { id: last.reviewerId }, select: { name: true } });
  const snapshot = last.snapshot as Record<string, unknown> | null;
  return {
    round: last.round,
    reviewerName: reviewer?.name ?? "Unknown user",
    requestedAt: last.createdAt.toISOString(),
    comment: last.comment,
    changes: snapshot ? changedFields(snapshot, useCase) : null,
  };
}
