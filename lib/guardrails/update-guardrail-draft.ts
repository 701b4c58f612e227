import { parseInput } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { updateDraftSchema } from "./schemas";
import { lockGuardrailOrThrow, serializeGuardrail } from "./load-guardrail";

/** Replaces the whole DRAFT, as Bedrock's UpdateGuardrail does; numbered versions are untouched. */
export async function updateGuardrailDraft(ctx: ServiceContext, id: string, input: unknown) {
  const data = parseInput(updateDraftSchema, input);
  return ctx.db.$transaction(async (tx) => {
    const { row, teamId } = await lockGuardrailOrThrow(tx, id);
    authorize(ctx.actor, "guardrail:edit", { teamId });
    const updated = await tx.guardrail.update({
      where: { id },
      data: { draft: data.config, draftUpdatedAt: new Date(), draftUpdatedById: ctx.actor.id },
    });
    const after = serializeGuardrail(updated, teamId);
    await recordAuditEvent(tx, ctx, { action: "guardrail.update-draft", resourceType: "guardrail", resourceId: id, before: { draft: row.draft }, after: { draft: after.draft } });
    return after;
  });
}
