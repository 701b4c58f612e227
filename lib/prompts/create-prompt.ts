import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createPromptSchema, splitContent } from "./schemas";
import { serializePrompt } from "./serialize";
import { resolveVariables } from "./template";

/** A new prompt of a use case, starting as a draft with no versions. */
export async function createPrompt(ctx: ServiceContext, input: unknown) {
  const data = parseInput(createPromptSchema, input);
  const useCase = await ctx.db.useCase.findUnique({ where: { id: data.useCaseId }, select: { id: true, teamId: true } });
  if (!useCase) throw new AppError("VALIDATION_FAILED", "useCaseId: no such use case", { fields: [{ field: "useCaseId", message: "no such use case" }] });
  authorize(ctx.actor, "prompt:edit", useCase);
  const content = splitContent(data);
  // Variables used in the template but not described yet are recorded as required strings.
  const draft = { ...content, variables: resolveVariables(content).variables };
  try {
    return await ctx.db.$transaction(async (tx) => {
      const created = await tx.prompt.create({
        data: {
          id: newId("prm"),
          useCaseId: useCase.id,
          name: data.name,
          description: data.description,
          type: draft.type,
          draft,
          draftUpdatedById: ctx.actor.id,
          createdById: ctx.actor.id,
        },
      });
      const after = serializePrompt(created);
      await recordAuditEvent(tx, ctx, { action: "prompt.create", resourceType: "prompt", resourceId: created.id, after });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `This use case already has a prompt named "${data.name}"`, { fields: [{ field: "name", message: "is already taken in this use case" }] });
    }
    throw error;
  }
}
