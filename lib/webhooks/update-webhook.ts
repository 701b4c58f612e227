import { notFound, parseInput } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { updateWebhookSchema } from "./schemas";
import { serializeWebhook, WEBHOOK_PUBLIC_SELECT } from "./serialize";
import { assertWebhookUrlAllowed } from "./network-guard";

/** Changes url, description, events or active; the audit records only the fields that changed. */
export async function updateWebhook(ctx: ServiceContext, id: string, input: unknown) {
  authorize(ctx.actor, "webhook:manage");
  const data = parseInput(updateWebhookSchema, input);
  if (data.url !== undefined) await assertWebhookUrlAllowed(data.url);
  return ctx.db.$transaction(async (tx) => {
    // Locked so two concurrent edits are audited in the order they are applied.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Webhook" WHERE id = ${id} FOR UPDATE`;
    if (locked.length === 0) throw notFound("Webhook");
    const current = serializeWebhook(await tx.webhook.findUniqueOrThrow({ where: { id }, select: WEBHOOK_PUBLIC_SELECT }));
    const updated = serializeWebhook(await tx.webhook.update({ where: { id }, data, select: WEBHOOK_PUBLIC_SELECT }));
    const keys = (["url", "description", "events", "active"] as const).filter((k) => JSON.stringify(current[k]) !== JSON.stringify(updated[k]));
    if (keys.length > 0) {
      await recordAuditEvent(tx, ctx, {
        action: "webhook.update",
        resourceType: "webhook",
        resourceId: id,
        before: Object.fromEntries(keys.map((k) => [k, current[k]])),
        after: Object.fromEntries(keys.map((k) => [k, updated[k]])),
      });
    }
    return updated;
  });
}
