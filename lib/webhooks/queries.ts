import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notFound, parseInput } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/permissions";
import { listDeliveriesSchema } from "./schemas";
import { serializeDelivery, serializeWebhook, WEBHOOK_PUBLIC_SELECT } from "./serialize";

type Reader = { db: PrismaClient; actor: Actor };

const LAST_DELIVERY_SELECT = { status: true, attempts: true, lastStatusCode: true, lastAttemptAt: true, createdAt: true, event: true } as const;

/** The admin's webhook list, newest first, each with its latest delivery. Never the secret. */
export async function listWebhooks({ db, actor }: Reader) {
  authorize(actor, "webhook:manage");
  const rows = await db.webhook.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { ...WEBHOOK_PUBLIC_SELECT, deliveries: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: LAST_DELIVERY_SELECT } },
  });
  return rows.map(({ deliveries, ...w }) => ({
    ...serializeWebhook(w),
    lastDelivery: deliveries[0]
      ? { ...deliveries[0], lastAttemptAt: deliveries[0].lastAttemptAt?.toISOString() ?? null, createdAt: deliveries[0].createdAt.toISOString() }
      : null,
  }));
}
export type WebhookListRow = Awaited<ReturnType<typeof listWebhooks>>[number];

export async function getWebhookOrThrow({ db, actor }: Reader, id: string) {
  authorize(actor, "webhook:manage");
  const row = await db.webhook.findUnique({ where: { id }, select: WEBHOOK_PUBLIC_SELECT });
  if (!row) throw notFound("Webhook");
  const counts = await db.webhookDelivery.groupBy({ by: ["status"], where: { webhookId: id }, _count: { _all: true } });
  const byStatus = { PENDING: 0, SUCCEEDED: 0, FAILED: 0 };
  for (const c of counts) byStatus[c.status] = c._count._all;
  return { ...serializeWebhook(row), deliveryCounts: byStatus };
}
export type WebhookDetail = Awaited<ReturnType<typeof getWebhookOrThrow>>;

/** One page of a webhook's delivery log, newest first. */
export async function listWebhookDeliveries({ db, actor }: Reader, webhookId: string, query: Record<string, unknown> = {}) {
  authorize(actor, "webhook:manage");
  const { page, pageSize } = parseInput(listDeliveriesSchema, query);
  const where = { webhookId };
  const [total, rows] = await Promise.all([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)), deliveries: rows.map(serializeDelivery) };
}
