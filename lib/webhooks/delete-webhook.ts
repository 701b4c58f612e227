import { notFound } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { serializeWebhook, WEBHOOK_PUBLIC_SELECT } from "./serialize";

/** Deletes the webhook and, by cascade, its delivery log; the audit keeps what it was. */
export async function deleteWebhook(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "webhook:manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await tx.webhook.findUnique({ where: { id }, select: WEBHOOK_PUBLIC_SELECT });
    if (!current) throw notFound("Webhook");
    const deliveries = await tx.webhookDelivery.count({ where: { webhookId: id } });
    // deleteMany, so of two concurrent deletions the second finds nothing and says so.
    const { count } = await tx.webhook.deleteMany({ where: { id } });
    if (count === 0) throw notFound("Webhook");
    const before = { ...serializeWebhook(current), deliveries };
    await recordAuditEvent(tx, ctx, { action: "webhook.delete", resourceType: "webhook", resourceId: id, before });
    return { id };
  });
}
