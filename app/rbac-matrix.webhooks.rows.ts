// RBAC rows of the webhooks admin (see app/rbac-matrix.rows.ts). Webhooks are global: admins only.
import type { Fixture, Row } from "./rbac-matrix.rows";
import { call } from "./rbac-matrix.rows";
import * as webhookActions from "@/app/(console)/settings/webhooks/actions";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { sendTestWebhookDelivery } from "@/lib/webhooks/send-test-webhook-delivery";

const INPUT = { url: "https://hooks.example.com/strata", description: "Matrix", events: ["release.approved"] };
const webhook = async (fx: Fixture) => (await createWebhook(fx.admin, INPUT)).webhook;
const failedDelivery = async (fx: Fixture) => {
  const w = await webhook(fx);
  const { deliveryId } = await sendTestWebhookDelivery(fx.admin, w.id);
  await fx.db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED", attempts: 8, nextAttemptAt: null, lastStatusCode: 500 } });
  return [w.id, deliveryId];
};
const ADMIN_ONLY: Pick<Row, "allowed"> = { allowed: ["ADMIN"] };

export const MATRIX: Record<string, Row> = {
  createWebhookAction: { ...ADMIN_ONLY, setup: async () => [INPUT], call: call(webhookActions.createWebhookAction) },
  updateWebhookAction: { ...ADMIN_ONLY, setup: async (fx) => [(await webhook(fx)).id, { active: false }], call: call(webhookActions.updateWebhookAction) },
  rotateWebhookSecretAction: { ...ADMIN_ONLY, setup: async (fx) => [(await webhook(fx)).id], call: call(webhookActions.rotateWebhookSecretAction) },
  deleteWebhookAction: { ...ADMIN_ONLY, setup: async (fx) => [(await webhook(fx)).id], call: call(webhookActions.deleteWebhookAction) },
  sendTestWebhookDeliveryAction: { ...ADMIN_ONLY, setup: async (fx) => [(await webhook(fx)).id], call: call(webhookActions.sendTestWebhookDeliveryAction) },
  redeliverWebhookDeliveryAction: { ...ADMIN_ONLY, setup: failedDelivery, call: call(webhookActions.redeliverWebhookDeliveryAction) },
};
