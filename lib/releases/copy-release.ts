import { notFound } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { releaseUseCaseOrThrow, insertDraftRelease } from "./create-release";

/**
 * "New attempt": a new draft with the same pins as an earlier release (typically one a reviewer
 * sent back), for its author to change and submit again. The notes are kept for editing.
 */
export async function copyRelease(ctx: ServiceContext, id: string) {
  const source = await ctx.db.release.findUnique({ where: { id: String(id) }, include: { prompts: { select: { role: true, promptVersionId: true }, orderBy: { role: "asc" } } } });
  if (!source) throw notFound("Release");
  const useCase = await releaseUseCaseOrThrow(ctx, source.useCaseId);
  const bundle = {
    modelId: source.modelId, prompts: source.prompts, guardrailVersionId: source.guardrailVersionId, knowledgeBaseIds: source.knowledgeBaseIds,
    datasetVersionId: source.datasetVersionId, evaluationRunId: source.evaluationRunId, notes: source.notes,
  };
  return ctx.db.$transaction((tx) => insertDraftRelease(tx, ctx, useCase, bundle, { action: "release.copy", copiedFromId: source.id }));
}
