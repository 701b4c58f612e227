import { parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createWebhookSchema } from "./schemas";
import { serializeWebhook, WEBHOOK_PUBLIC_SELECT, type WebhookDto } from "./serialize";
import { generateWebhookSecret } from "./signature";
import { assertWebhookUrlAllowed } from "./network-guard";

export type CreatedWebhook = {
  /** Shown to the admin once, right after creation; the audit log never sees it. */
  secret: string;
  webhook: WebhookDto;
};

export async function createWebhook(ctx: ServiceContext, input: unknown): Promise<CreatedWebhook> {
  authorize(ctx.actor, "webhook:manage");
  const data = parseInput(createWebhookSchema, input);
  // Resolved before the transaction: no row stays locked while DNS answers.
  await assertWebhookUrlAllowed(data.url);
  const secret = generateWebhookSecret();
  const webhook = await ctx.db.$transaction(async (tx) => {
    const created = await tx.webhook.create({
      data: { id: newId("wh"), url: data.url, description: data.description, events: data.events, secret, createdById: ctx.actor.id },
      select: WEBHOOK_PUBLIC_SELECT,
    });
    const after = serializeWebhook(created);
    await recordAuditEvent(tx, ctx, { action: "webhook.create", resourceType: "webhook", resourceId: created.id, after });
    return after;
  });
  return { secret, webhook };
}
