// The events an admin can subscribe a webhook to. Payload envelope (documented on the webhooks
// page): { id, type, occurredAt, data } where data describes the release or run.
export const WEBHOOK_EVENTS = [
  "release.submitted",
  "release.approved",
  "release.changes-requested",
  "release.rejected",
  "release.promoted",
  "release.rolled-back",
  "evaluation.gate-failed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "release.submitted": "Release submitted for approval",
  "release.approved": "Release approved",
  "release.changes-requested": "Changes requested on a release",
  "release.rejected": "Release rejected",
  "release.promoted": "Release promoted to an environment",
  "release.rolled-back": "Environment rolled back",
  "evaluation.gate-failed": "Evaluation run failed a gate",
};

export type WebhookPayload = { id: string; type: WebhookEvent; occurredAt: string; data: Record<string, unknown> };

/** Not subscribable: sent by "Send test delivery" to one webhook, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = "webhook.test";
export type WebhookDeliveryEvent = WebhookEvent | typeof WEBHOOK_TEST_EVENT;
export type WebhookDeliveryPayload = { id: string; type: WebhookDeliveryEvent; occurredAt: string; data: Record<string, unknown> };

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

export function webhookEventLabel(event: string): string {
  return isWebhookEvent(event) ? WEBHOOK_EVENT_LABELS[event] : event === WEBHOOK_TEST_EVENT ? "Test delivery" : event;
}
