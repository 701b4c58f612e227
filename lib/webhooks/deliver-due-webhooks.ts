import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createGuardedFetch } from "./guarded-fetch";
import { BlockedTargetError, webhookNetworkPolicy, type Resolve } from "./network-guard";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from "./signature";

export const MAX_ATTEMPTS = 8;
export const DELIVERY_TIMEOUT_MS = 10_000;
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
/** A claim outlives the longest possible attempt, so no second dispatcher takes it meanwhile. */
const LEASE_MARGIN_MS = 20_000;
/** What the log keeps of a failing receiver's answer: enough to diagnose, not a data sink. */
export const ERROR_SNIPPET_CHARS = 500;

export type DeliverOptions = {
  now?: Date;
  /** Replaces the guarded fetch (tests only: it bypasses the network guard). */
  fetchImpl?: typeof fetch;
  /** Default: STRATA_WEBHOOK_ALLOW_PRIVATE_NETWORKS. */
  allowPrivateNetworks?: boolean;
  /** Host name resolution for the guard (tests give names only they know). */
  resolve?: Resolve;
  limit?: number;
  timeoutMs?: number;
  /** ±20 % random spread so many failing deliveries do not retry in lockstep; off in tests. */
  jitter?: boolean;
};

export type DeliverSummary = { claimed: number; succeeded: number; retrying: number; failed: number };

/** 30 s, 1 min, 2 min, … after the 1st, 2nd, 3rd failed attempt; never more than an hour. */
export function backoffMs(attempts: number, jitter = false): number {
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return jitter ? Math.min(BACKOFF_CAP_MS, Math.round(base * (0.8 + Math.random() * 0.4))) : base;
}

type Claimed = { id: string; event: string; payload: unknown; attempts: number; webhook: { url: string; secret: string } };

/**
 * Claims the due deliveries in one short transaction: SKIP LOCKED lets concurrent dispatchers
 * (several server processes on PostgreSQL) take disjoint rows, and moving nextAttemptAt to the
 * lease end is the claim itself — it commits before any HTTP call, so no transaction stays open
 * while a receiver is slow, and a crashed dispatcher's claim simply expires. Deliveries of a
 * paused webhook are not claimed: they wait until it is active again.
 */
async function claimDue(db: PrismaClient, now: Date, leaseUntil: Date, limit: number): Promise<Claimed[]> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT d.id FROM "WebhookDelivery" d JOIN "Webhook" w ON w.id = d."webhookId"
      WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= ${now.toISOString()}::timestamptz AND w.active
      ORDER BY d."nextAttemptAt", d.id
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED`;
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    await tx.webhookDelivery.updateMany({ where: { id: { in: ids } }, data: { nextAttemptAt: leaseUntil } });
    return tx.webhookDelivery.findMany({
      where: { id: { in: ids } },
      select: { id: true, event: true, payload: true, attempts: true, webhook: { select: { url: true, secret: true } } },
    });
  });
}

async function readSnippet(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < ERROR_SNIPPET_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // A body cut off mid-way still leaves the status code to report.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.trim();
}

type Attempt = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

async function attempt(d: Claimed, fetchImpl: typeof fetch, timeoutMs: number): Promise<Attempt> {
  const body = JSON.stringify(d.payload);
  try {
    const res = await fetchImpl(d.webhook.url, {
      method: "POST",
      body,
      // A redirect would send the signed payload somewhere the admin did not register.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Strata-Webhooks/1",
        [EVENT_HEADER]: d.event,
        [DELIVERY_HEADER]: d.id,
        [SIGNATURE_HEADER]: signatureHeader(d.webhook.secret, Math.floor(Date.now() / 1000), body),
      },
    });
    if (res.status >= 200 && res.status < 300) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: true, statusCode: res.status };
    }
    const snippet = await readSnippet(res);
    const redirect = res.status >= 300 && res.status < 400 ? " (redirects are not followed)" : "";
    const error = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}${redirect}${snippet ? `: ${snippet}` : ""}`;
    return { ok: false, statusCode: res.status, error: error.slice(0, ERROR_SNIPPET_CHARS) };
  } catch (error) {
    // Refused before connecting: the same words whether the port is open or closed.
    const blocked = error instanceof BlockedTargetError ? error : (error as { cause?: unknown })?.cause;
    if (blocked instanceof BlockedTargetError) return { ok: false, statusCode: null, error: `Not sent: ${blocked.reason}`.slice(0, ERROR_SNIPPET_CHARS) };
    return { ok: false, statusCode: null, error: describeNetworkError(error, timeoutMs) };
  }
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `Timed out after ${timeoutMs / 1000} s without a response`;
  const cause = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
  return `Could not connect: ${cause}`.slice(0, ERROR_SNIPPET_CHARS);
}

/**
 * One dispatcher pass: claim what is due, POST each payload signed, record the outcome. A 2xx
 * is success; anything else is retried with exponential backoff until MAX_ATTEMPTS, then FAILED
 * (an admin may redeliver it). The outcome is written only if this pass still holds the lease.
 */
export async function deliverDueWebhooks(db: PrismaClient, options: DeliverOptions = {}): Promise<DeliverSummary> {
  const clock = () => options.now ?? new Date();
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const startedAt = clock();
  const leaseUntil = new Date(startedAt.getTime() + timeoutMs + LEASE_MARGIN_MS);
  const claimed = await claimDue(db, startedAt, leaseUntil, options.limit ?? 20);
  const summary: DeliverSummary = { claimed: claimed.length, succeeded: 0, retrying: 0, failed: 0 };
  if (claimed.length === 0) return summary;
  // Every connection of this pass goes through the network guard (tests may swap fetch out).
  const guarded = options.fetchImpl
    ? null
    : createGuardedFetch({ allowPrivateNetworks: options.allowPrivateNetworks ?? webhookNetworkPolicy().allowPrivateNetworks, resolve: options.resolve });
  const fetchImpl = options.fetchImpl ?? guarded!.fetch;

  try {
    await Promise.all(
      claimed.map(async (d) => {
        const result = await attempt(d, fetchImpl, timeoutMs);
        const at = clock();
        const attempts = d.attempts + 1;
        const exhausted = attempts >= MAX_ATTEMPTS;
        const data = result.ok
          ? { status: "SUCCEEDED" as const, attempts, lastAttemptAt: at, lastStatusCode: result.statusCode, lastError: null, deliveredAt: at, nextAttemptAt: null }
          : {
              status: exhausted ? ("FAILED" as const) : ("PENDING" as const),
              attempts,
              lastAttemptAt: at,
              lastStatusCode: result.statusCode,
              lastError: result.error,
              nextAttemptAt: exhausted ? null : new Date(at.getTime() + backoffMs(attempts, options.jitter ?? false)),
            };
        await db.webhookDelivery.updateMany({ where: { id: d.id, status: "PENDING", nextAttemptAt: leaseUntil }, data });
        if (result.ok) summary.succeeded++;
        else if (exhausted) summary.failed++;
        else summary.retrying++;
      }),
    );
  } finally {
    await guarded?.close();
  }
  return summary;
}
