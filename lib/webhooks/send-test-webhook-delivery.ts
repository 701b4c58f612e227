import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { WEBHOOK_TEST_EVENT, type WebhookDeliveryPayload } from "./events";

/** Queues a `webhook.test` delivery to this webhook only, so an admin can check the receiver. */
export async function sendTestWebhookDelivery(ctx: ServiceContext, webhookId: string, now = new Date()) {
  authorize(ctx.actor, "webhook:manage");
  return ctx.db.$transaction(async (tx) => {
    const hook = await tx.webhook.findUnique({ where: { id: webhookId }, select: { id: true, url: true, active: true } });
    if (!hook) throw notFound("Webhook");
    if (!hook.active) throw new AppError("CONFLICT", "This webhook is paused: activate it to send a test delivery");
    const eventId = newId("evt");
    const payload: WebhookDeliveryPayload = {
      id: eventId,
      type: WEBHOOK_TEST_EVENT,
      occurredAt: now.toISOString(),
      data: { message: "A test delivery from Strata. If the signature verifies, your receiver is ready.", webhookId, sentBy: ctx.actor.name },
    };
    const delivery = await tx.webhookDelivery.create({
      data: { id: newId("whd"), webhookId, eventId, event: WEBHOOK_TEST_EVENT, payload: payload as Prisma.InputJsonObject, nextAttemptAt: now },
      select: { id: true },
    });
    await recordAuditEvent(tx, ctx, { action: "webhook.test", resourceType: "webhook", resourceId: webhookId, after: { deliveryId: delivery.id, eventId } });
    return { deliveryId: delivery.id };
  });
}
