import { parseInput } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { updateGateSchema } from "./schemas";
import { serializeGate } from "./serialize";
import { assertNoTwinGate, lockGateOrThrow, rethrowDuplicate } from "./load-gate";

/** Changes a gate. Recorded runs keep their verdict; their pages say that the gates changed since. */
export async function updateGate(ctx: ServiceContext, id: string, input: unknown) {
  const gate = parseInput(updateGateSchema, input);
  return ctx.db
    .$transaction(async (tx) => {
      const current = await lockGateOrThrow(tx, id);
      authorize(ctx.actor, "evaluation-gate:manage", { teamId: current.teamId });
      await assertNoTwinGate(tx, current.gate.useCaseId, gate, id);
      const before = serializeGate(current.gate);
      const after = serializeGate(await tx.evaluationGate.update({ where: { id }, data: gate }));
      await recordAuditEvent(tx, ctx, { action: "evaluation-gate.update", resourceType: "evaluation-gate", resourceId: id, before, after });
      return after;
    })
    .catch((error: unknown) => rethrowDuplicate(error, gate));
}
