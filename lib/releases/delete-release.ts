import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertDraft, lockReleaseOrThrow } from "./load-release";
import { serializeRelease } from "./serialize";

/** Deletes a draft (its pinned prompts go with it). A submitted release is evidence: never deleted. */
export async function deleteRelease(ctx: ServiceContext, id: string) {
  return ctx.db.$transaction(async (tx) => {
    const current = await lockReleaseOrThrow(tx, String(id));
    authorize(ctx.actor, "release:edit", { teamId: current.useCase.teamId });
    assertDraft(current, "deleted");
    await tx.release.delete({ where: { id: current.id } });
    await recordAuditEvent(tx, ctx, { action: "release.delete", resourceType: "release", resourceId: current.id, before: serializeRelease(current, current.prompts) });
    return { id: current.id, useCaseId: current.useCaseId };
  });
}
