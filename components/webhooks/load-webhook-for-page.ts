import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { UserActor } from "@/lib/permissions";
import { getWebhookOrThrow, listWebhookDeliveries } from "@/lib/webhooks/queries";

/** A delivery due within this window is worth watching: the dispatcher runs every ~2 s. */
const WATCH_MS = 60_000;

/**
 * The webhook and one page of its log, or Next's 404 page. A page number past the end shows the
 * last page rather than an error: it is a link someone kept, not a mistake worth a 422.
 */
export async function loadWebhookForPage(actor: UserActor, id: string, rawPage: string | undefined) {
  const reader = { db: db(), actor };
  try {
    const webhook = await getWebhookOrThrow(reader, id);
    const total = Object.values(webhook.deliveryCounts).reduce((a, b) => a + b, 0);
    const wanted = Math.max(1, Number.parseInt(rawPage ?? "1", 10) || 1);
    const log = await listWebhookDeliveries(reader, id, { page: Math.min(wanted, Math.max(1, Math.ceil(total / 20))), pageSize: 20 });
    const watching = log.deliveries.some((d) => d.status === "PENDING" && d.nextAttemptAt !== null && Date.parse(d.nextAttemptAt) - Date.now() < WATCH_MS);
    return { webhook, log, watching };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
