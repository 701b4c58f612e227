import { AppError, parseInput } from "@/lib/errors";
import { newId, type ServiceContext, type Tx } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockUseCaseOrThrow } from "@/lib/use-cases/load-use-case";
import { loadProductionBundle, resolvePinsOrThrow } from "./bundle";
import { draftReleaseNotes } from "./draft-release-notes";
import { createReleaseSchema, type ReleaseBundleInput } from "./schemas";
import { serializeRelease } from "./serialize";

const noSuchUseCase = () => new AppError("VALIDATION_FAILED", "useCaseId: no such use case", { fields: [{ field: "useCaseId", message: "no such use case" }] });

/** The use case a release is for, checked and authorised before anything is locked. */
export async function releaseUseCaseOrThrow(ctx: ServiceContext, useCaseId: string) {
  const useCase = await ctx.db.useCase.findUnique({ where: { id: useCaseId }, select: { id: true, name: true, teamId: true } });
  if (!useCase) throw noSuchUseCase();
  authorize(ctx.actor, "release:edit", { teamId: useCase.teamId });
  return useCase;
}

/**
 * Writes a new draft release of a use case, numbered after the last one. The use case row is
 * locked so concurrent creators get consecutive numbers (@@unique([useCaseId, number]) would
 * refuse a duplicate anyway). Notes left blank are drafted from the diff against production.
 */
export async function insertDraftRelease(tx: Tx, ctx: ServiceContext, useCase: { id: string; name: string }, bundleInput: ReleaseBundleInput, audit: { action: "release.create" | "release.copy"; copiedFromId?: string }) {
  await lockUseCaseOrThrow(tx, useCase.id);
  const bundle = await resolvePinsOrThrow(tx, useCase.id, bundleInput);
  const notes = bundleInput.notes?.trim() ? bundleInput.notes : draftReleaseNotes(useCase.name, bundle, await loadProductionBundle(tx, useCase.id));
  const last = await tx.release.aggregate({ where: { useCaseId: useCase.id }, _max: { number: true } });
  const prompts = bundleInput.prompts.map((p) => ({ id: newId("rlp"), role: p.role, promptVersionId: p.promptVersionId }));
  const created = await tx.release.create({
    data: {
      id: newId("rel"), useCaseId: useCase.id, number: (last._max.number ?? 0) + 1, modelId: bundleInput.modelId,
      guardrailVersionId: bundleInput.guardrailVersionId, datasetVersionId: bundleInput.datasetVersionId, evaluationRunId: bundleInput.evaluationRunId,
      knowledgeBaseIds: bundleInput.knowledgeBaseIds, notes, createdById: ctx.actor.id, prompts: { create: prompts.map(({ id, role, promptVersionId }) => ({ id, role, promptVersionId })) },
    },
  });
  const after = serializeRelease(created, prompts);
  await recordAuditEvent(tx, ctx, { action: audit.action, resourceType: "release", resourceId: created.id, after: audit.copiedFromId ? { ...after, copiedFromId: audit.copiedFromId } : after });
  return after;
}

/** A new draft release: the pinned versions, the model, knowledge bases, the evidence, notes. */
export async function createRelease(ctx: ServiceContext, input: unknown) {
  const { useCaseId, ...bundle } = parseInput(createReleaseSchema, input);
  const useCase = await releaseUseCaseOrThrow(ctx, useCaseId);
  return ctx.db.$transaction((tx) => insertDraftRelease(tx, ctx, useCase, bundle, { action: "release.create" }));
}
