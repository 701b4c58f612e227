import type { Prisma } from "@/lib/generated/prisma/client";
import { newId, type Tx } from "@/lib/context";
import type { WebhookEvent, WebhookPayload } from "./events";

/**
 * Records one delivery per subscribed, active webhook — inside the caller's transaction, so an
 * event is announced exactly when the change it reports commits (the outbox pattern). The
 * dispatcher delivers them afterwards; nothing here touches the network.
 */
export async function enqueueWebhookEvent(tx: Tx, type: WebhookEvent, data: Record<string, unknown>, now = new Date()): Promise<string> {
  const eventId = newId("evt");
  const hooks = await tx.webhook.findMany({ where: { active: true, events: { has: type } }, select: { id: true } });
  if (hooks.length === 0) return eventId;
  const payload: WebhookPayload = { id: eventId, type, occurredAt: now.toISOString(), data };
  await tx.webhookDelivery.createMany({
    data: hooks.map((h) => ({ id: newId("whd"), webhookId: h.id, eventId, event: type, payload: payload as Prisma.InputJsonObject, nextAttemptAt: now })),
  });
  return eventId;
}
