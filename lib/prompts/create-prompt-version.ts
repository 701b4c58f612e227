import { AppError, parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createVersionSchema, promptContentSchema } from "./schemas";
import { serializeVersion } from "./serialize";
import { lockPromptOrThrow } from "./load-prompt";

/**
 * Freezes the current draft as version latestVersion + 1. The prompt row stays locked until the
 * transaction commits, so two people creating a version at the same moment get two consecutive
 * numbers; @@unique([promptId, number]) would refuse a duplicate even if the lock were missing.
 */
export async function createPromptVersion(ctx: ServiceContext, id: string, input: unknown) {
  const { message } = parseInput(createVersionSchema, input);
  return ctx.db.$transaction(async (tx) => {
    const current = await lockPromptOrThrow(tx, id);
    authorize(ctx.actor, "prompt:edit", { teamId: current.teamId });
    // Drafts are validated when saved; this guards against rows written by anything else.
    const parsed = promptContentSchema.safeParse(current.row.draft);
    if (!parsed.success) throw new AppError("CONFLICT", "The draft is not valid: open the prompt, fix it and save it before creating a version");
    const number = current.row.latestVersion + 1;
    const created = await tx.promptVersion.create({
      data: { id: newId("pv"), promptId: id, number, message, content: parsed.data, createdById: ctx.actor.id },
    });
    await tx.prompt.update({ where: { id }, data: { latestVersion: number } });
    const after = serializeVersion(created);
    await recordAuditEvent(tx, ctx, {
      action: "prompt.create-version",
      resourceType: "prompt",
      resourceId: id,
      before: { latestVersion: current.row.latestVersion },
      after,
    });
    return after;
  });
}
