import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deliverDueWebhooks, type DeliverOptions } from "./deliver-due-webhooks";

export const DISPATCH_INTERVAL_MS = 2_000;
const BATCH = 20;

/**
 * The background loop of the server process: a pass every ~2 s, one at a time (the next is
 * scheduled only when the last has finished), draining full batches at once. Returns stop(),
 * which waits for the pass in flight so the database can close after it.
 */
export function startWebhookDispatcher(db: PrismaClient, options: { intervalMs?: number; deliver?: Omit<DeliverOptions, "limit" | "now"> } = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? DISPATCH_INTERVAL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const pass = async () => {
    try {
      while (!stopped) {
        const { claimed } = await deliverDueWebhooks(db, { jitter: true, ...options.deliver, limit: BATCH });
        if (claimed < BATCH) break;
      }
    } catch (error) {
      // Name and message only: never the delivery, its payload or the webhook's secret.
      const e = error as { name?: string; message?: string };
      console.error(`[strata] webhook dispatcher pass failed: ${e?.name ?? "Error"}: ${e?.message ?? String(error)}`);
    }
  };
  const tick = async () => {
    if (stopped) return;
    running = pass();
    await running;
    running = null;
    if (!stopped) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => void tick(), intervalMs);
    // The loop alone must not keep a process (a script, a test) alive.
    timer.unref();
  };
  schedule();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
