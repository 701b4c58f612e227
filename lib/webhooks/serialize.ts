import type { Webhook, WebhookDelivery } from "@/lib/generated/prisma/client";

type WebhookRow = Pick<Webhook, "id" | "url" | "description" | "events" | "active" | "createdById" | "createdAt" | "updatedAt">;

/** The public shape of a webhook (pages, audit): never the secret. */
export function serializeWebhook(w: WebhookRow) {
  return {
    id: w.id,
    url: w.url,
    description: w.description,
    events: w.events,
    active: w.active,
    createdById: w.createdById,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}
export type WebhookDto = ReturnType<typeof serializeWebhook>;

/** Every column except the secret: pass as `select` so it stays in the database layer. */
export const WEBHOOK_PUBLIC_SELECT = {
  id: true,
  url: true,
  description: true,
  events: true,
  active: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
} as const;

type DeliveryRow = Pick<
  WebhookDelivery,
  "id" | "webhookId" | "eventId" | "event" | "payload" | "status" | "attempts" | "nextAttemptAt" | "lastAttemptAt" | "lastStatusCode" | "lastError" | "deliveredAt" | "createdAt"
>;

export function serializeDelivery(d: DeliveryRow) {
  return {
    id: d.id,
    webhookId: d.webhookId,
    eventId: d.eventId,
    event: d.event,
    payload: d.payload,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}
export type WebhookDeliveryDto = ReturnType<typeof serializeDelivery>;
