import { parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockUseCaseOrThrow } from "@/lib/use-cases/load-use-case";
import { createGateSchema } from "./schemas";
import { serializeGate } from "./serialize";
import { assertNoTwinGate, rethrowDuplicate } from "./load-gate";

/** Adds a gate to a use case; runs posted from now on are judged by it. */
export async function createGate(ctx: ServiceContext, input: unknown) {
  const { useCaseId, ...gate } = parseInput(createGateSchema, input);
  return ctx.db
    .$transaction(async (tx) => {
      const useCase = await lockUseCaseOrThrow(tx, useCaseId);
      authorize(ctx.actor, "evaluation-gate:manage", { teamId: useCase.teamId });
      await assertNoTwinGate(tx, useCaseId, gate);
      const created = serializeGate(await tx.evaluationGate.create({ data: { id: newId("gate"), useCaseId, ...gate, createdById: ctx.actor.id } }));
      await recordAuditEvent(tx, ctx, { action: "evaluation-gate.create", resourceType: "evaluation-gate", resourceId: created.id, after: created });
      return created;
    })
    .catch((error: unknown) => rethrowDuplicate(error, gate));
}
