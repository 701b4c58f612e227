import { AppError, notFound } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { serializeDelivery } from "./serialize";

/**
 * Puts a FAILED delivery back in the queue with a fresh attempt budget: the same event id and
 * payload, so a receiver that deduplicates on Strata-Delivery / the event id stays correct.
 */
export async function redeliverWebhookDelivery(ctx: ServiceContext, webhookId: string, deliveryId: string, now = new Date()) {
  authorize(ctx.actor, "webhook:manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId }, select: { id: true, status: true, attempts: true } });
    if (!current) throw notFound("Webhook delivery");
    // Conditional on FAILED, so a double click queues it once.
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now },
    });
    if (count === 0) throw new AppError("CONFLICT", `Only a failed delivery can be redelivered; this one is ${current.status.toLowerCase()}`);
    await recordAuditEvent(tx, ctx, {
      action: "webhook.redeliver",
      resourceType: "webhook",
      resourceId: webhookId,
      before: { deliveryId, status: "FAILED", attempts: current.attempts },
      after: { deliveryId, status: "PENDING", attempts: 0 },
    });
    return serializeDelivery(await tx.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } }));
  });
}
