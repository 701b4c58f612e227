import { AppError, parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createVersionSchema, guardrailConfigSchema } from "./schemas";
import { lockGuardrailOrThrow, serializeVersion } from "./load-guardrail";

/**
 * Freezes the DRAFT as version latestVersion+1. The row lock serialises concurrent calls, so
 * numbers are distinct and consecutive; the unique (guardrailId, number) index backs that up.
 */
export async function createGuardrailVersion(ctx: ServiceContext, id: string, input: unknown) {
  const { message } = parseInput(createVersionSchema, input);
  return ctx.db.$transaction(async (tx) => {
    const { row, teamId } = await lockGuardrailOrThrow(tx, id);
    authorize(ctx.actor, "guardrail:edit", { teamId });
    // The draft was validated when saved; re-check so a version is never made from a draft that
    // predates a tightened rule.
    const config = guardrailConfigSchema.safeParse(row.draft);
    if (!config.success) throw new AppError("CONFLICT", "The draft is not a valid guardrail configuration any more; fix and save it first");
    const number = row.latestVersion + 1;
    const version = await tx.guardrailVersion.create({
      data: { id: newId("grv"), guardrailId: id, number, message, config: config.data, createdById: ctx.actor.id },
    });
    await tx.guardrail.update({ where: { id }, data: { latestVersion: number } });
    const after = serializeVersion(version);
    await recordAuditEvent(tx, ctx, { action: "guardrail.create-version", resourceType: "guardrail", resourceId: id, after: { number, message, versionId: version.id } });
    return after;
  });
}
