import type { UseCase } from "@/lib/generated/prisma/client";

/** The public shape of a use case (API, audit before/after): dates as strings, no internals. */
export function serializeUseCase(u: UseCase) {
  return {
    id: u.id,
    slug: u.slug,
    name: u.name,
    description: u.description,
    teamId: u.teamId,
    businessOwner: u.businessOwner,
    kpis: u.kpis as { name: string; target: string }[],
    riskTier: u.riskTier,
    dataClassification: u.dataClassification,
    handlesPersonalData: u.handlesPersonalData,
    audience: u.audience,
    costAllocationTag: u.costAllocationTag,
    nextReviewDate: u.nextReviewDate ? u.nextReviewDate.toISOString().slice(0, 10) : null,
    status: u.status,
    reviewRound: u.reviewRound,
    submittedById: u.submittedById,
    submittedAt: u.submittedAt?.toISOString() ?? null,
    createdById: u.createdById,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

export type UseCaseDto = ReturnType<typeof serializeUseCase>;

export function isReviewOverdue(u: { nextReviewDate: Date | string | null; status: string }, today = new Date()): boolean {
  if (!u.nextReviewDate || u.status === "RETIRED" || u.status === "REJECTED") return false;
  const due = typeof u.nextReviewDate === "string" ? u.nextReviewDate : u.nextReviewDate.toISOString().slice(0, 10);
  return due < today.toISOString().slice(0, 10);
}
