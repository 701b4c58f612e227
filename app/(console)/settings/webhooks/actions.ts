"use server";

import { runAction } from "@/lib/actions/run-action";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { sendTestWebhookDelivery } from "@/lib/webhooks/send-test-webhook-delivery";
import { redeliverWebhookDelivery } from "@/lib/webhooks/redeliver-webhook-delivery";

// Thin transports: the services validate, authorise and audit. The signing secret returned by
// create and rotate travels to the browser this once; it is never in the audit log.
export async function createWebhookAction(input: unknown) {
  return runAction("webhook:manage", (ctx) => createWebhook(ctx, input));
}

export async function updateWebhookAction(id: string, input: unknown) {
  return runAction("webhook:manage", (ctx) => updateWebhook(ctx, String(id), input));
}

export async function rotateWebhookSecretAction(id: string) {
  return runAction("webhook:manage", (ctx) => rotateWebhookSecret(ctx, String(id)));
}

export async function deleteWebhookAction(id: string) {
  return runAction("webhook:manage", (ctx) => deleteWebhook(ctx, String(id)));
}

export async function sendTestWebhookDeliveryAction(id: string) {
  return runAction("webhook:manage", (ctx) => sendTestWebhookDelivery(ctx, String(id)));
}

export async function redeliverWebhookDeliveryAction(webhookId: string, deliveryId: string) {
  return runAction("webhook:manage", (ctx) => redeliverWebhookDelivery(ctx, String(webhookId), String(deliveryId)));
}
