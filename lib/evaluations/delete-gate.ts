import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { serializeGate } from "./serialize";
import { lockGateOrThrow } from "./load-gate";

/** Removes a gate; the audit event keeps what it was. */
export async function deleteGate(ctx: ServiceContext, id: string) {
  return ctx.db.$transaction(async (tx) => {
    const current = await lockGateOrThrow(tx, id);
    authorize(ctx.actor, "evaluation-gate:manage", { teamId: current.teamId });
    const before = serializeGate(current.gate);
    await tx.evaluationGate.delete({ where: { id } });
    await recordAuditEvent(tx, ctx, { action: "evaluation-gate.delete", resourceType: "evaluation-gate", resourceId: id, before });
    return { id };
  });
}
