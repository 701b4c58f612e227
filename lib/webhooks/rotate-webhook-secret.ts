import { notFound } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { generateWebhookSecret } from "./signature";

/**
 * Replaces the signing secret at once: deliveries from the next attempt on are signed with the
 * new one, so the receiver must be updated too. The new secret is returned once, never audited.
 */
export async function rotateWebhookSecret(ctx: ServiceContext, id: string): Promise<{ secret: string }> {
  authorize(ctx.actor, "webhook:manage");
  const secret = generateWebhookSecret();
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({ where: { id }, data: { secret } });
    if (count === 0) throw notFound("Webhook");
    await recordAuditEvent(tx, ctx, { action: "webhook.rotate-secret", resourceType: "webhook", resourceId: id, after: { secretRotated: true } });
  });
  return { secret };
}
