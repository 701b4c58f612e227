import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Strata-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>. The
// timestamp is signed with the body so a captured request cannot be replayed later with an old
// signature: receivers reject a t older than a few minutes (SIGNATURE_TOLERANCE_SECONDS).
export const SIGNATURE_HEADER = "Strata-Signature";
export const EVENT_HEADER = "Strata-Event";
export const DELIVERY_HEADER = "Strata-Delivery";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export const WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9_-]{43}$/;

/** 256 random bits, base64url, with a prefix that secret scanners and people recognise. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function signatureHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signatureHex(secret, timestamp, body)}`;
}

/**
 * What a receiver does (and what the tests' receiver does): recompute the HMAC over the raw
 * body, compare in constant time, refuse a stale timestamp.
 */
export function verifyWebhookSignature(secret: string, header: string | null | undefined, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || !/^[0-9a-f]{64}$/.test(parts.v1)) return false;
  if (Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_SECONDS) return false;
  return timingSafeEqual(Buffer.from(parts.v1, "hex"), Buffer.from(signatureHex(secret, t, body), "hex"));
}
