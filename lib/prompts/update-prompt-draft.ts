import { parseInput } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { splitContent, updatePromptDraftSchema } from "./schemas";
import { serializePrompt } from "./serialize";
import { resolveVariables } from "./template";
import { lockPromptOrThrow } from "./load-prompt";

/** Replaces the draft (the whole content, as Bedrock's UpdatePrompt does). Versions are untouched. */
export async function updatePromptDraft(ctx: ServiceContext, id: string, input: unknown) {
  const data = parseInput(updatePromptDraftSchema, input);
  const content = splitContent(data);
  const draft = { ...content, variables: resolveVariables(content).variables };
  return ctx.db.$transaction(async (tx) => {
    const current = await lockPromptOrThrow(tx, id);
    authorize(ctx.actor, "prompt:edit", { teamId: current.teamId });
    const updated = await tx.prompt.update({
      where: { id },
      data: {
        draft,
        type: draft.type,
        ...(data.description === undefined ? {} : { description: data.description }),
        draftUpdatedAt: new Date(),
        draftUpdatedById: ctx.actor.id,
      },
    });
    const before = serializePrompt(current.row);
    const after = serializePrompt(updated);
    await recordAuditEvent(tx, ctx, {
      action: "prompt.update-draft",
      resourceType: "prompt",
      resourceId: id,
      before: { description: before.description, draft: before.draft },
      after: { description: after.description, draft: after.draft },
    });
    return after;
  });
}
