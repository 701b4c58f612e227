import { parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { resolvePinsOrThrow } from "./bundle";
import { assertDraft, lockReleaseOrThrow } from "./load-release";
import { updateReleaseSchema } from "./schemas";
import { serializeRelease } from "./serialize";

/** Replaces a draft's whole bundle (notes kept when left out). Only drafts: 409 otherwise. */
export async function updateRelease(ctx: ServiceContext, id: string, input: unknown) {
  const data = parseInput(updateReleaseSchema, input);
  return ctx.db.$transaction(async (tx) => {
    const current = await lockReleaseOrThrow(tx, String(id));
    authorize(ctx.actor, "release:edit", { teamId: current.useCase.teamId });
    assertDraft(current, "edited");
    await resolvePinsOrThrow(tx, current.useCaseId, data);
    const prompts = data.prompts.map((p) => ({ id: newId("rlp"), ...p }));
    await tx.releasePrompt.deleteMany({ where: { releaseId: current.id } });
    const updated = await tx.release.update({
      where: { id: current.id },
      data: {
        modelId: data.modelId, guardrailVersionId: data.guardrailVersionId, datasetVersionId: data.datasetVersionId, evaluationRunId: data.evaluationRunId,
        knowledgeBaseIds: data.knowledgeBaseIds, ...(data.notes === undefined ? {} : { notes: data.notes }), prompts: { create: prompts },
      },
    });
    const after = serializeRelease(updated, prompts);
    await recordAuditEvent(tx, ctx, { action: "release.update", resourceType: "release", resourceId: current.id, before: serializeRelease(current, current.prompts), after });
    return after;
  });
}
