import type { Release } from "@/lib/generated/prisma/client";

/** The public shape of a release row (pages, audit before/after): dates as strings. */
export function serializeRelease(r: Release, prompts: { role: string; promptVersionId: string }[]) {
  return {
    id: r.id,
    useCaseId: r.useCaseId,
    number: r.number,
    status: r.status,
    modelId: r.modelId,
    prompts: prompts.map((p) => ({ role: p.role, promptVersionId: p.promptVersionId })),
    guardrailVersionId: r.guardrailVersionId,
    knowledgeBaseIds: r.knowledgeBaseIds,
    datasetVersionId: r.datasetVersionId,
    evaluationRunId: r.evaluationRunId,
    notes: r.notes,
    createdById: r.createdById,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    submittedById: r.submittedById,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

export type ReleaseDto = ReturnType<typeof serializeRelease>;
