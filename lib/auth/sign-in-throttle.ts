import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/context";

// Password guessing is slowed per (email as typed, client address): the email whether or not an
// account has it, so unknown and known emails get the same answers; the address, so guessing
// from one place never locks the owner out from another. State lives in the database so that
// several server processes agree.

/** Failures from one address before it has to wait. */
export const FREE_FAILURES = 5;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;
/** A key idle this long starts again from zero, and its row is pruned. */
export const FORGET_AFTER_MS = 24 * 3600_000;
/** At most one audit event per key per window (plus one whenever a wait starts). */
export const AUDIT_WINDOW_MS = 15 * 60_000;

export type ThrottleKey = { email: string; clientAddress: string };

/** The wait after the nth failure: none for the first few, then 30 s doubling to 15 min. */
export function throttleDelayMs(failures: number): number {
  const over = failures - FREE_FAILURES;
  return over < 0 ? 0 : Math.min(BASE_DELAY_MS * 2 ** over, MAX_DELAY_MS);
}

const ts = (d: Date) => d.toISOString();

/** Whole seconds this key must still wait before a password is even checked, or 0. */
export async function throttledForSeconds(db: PrismaClient | Tx, key: ThrottleKey, now: Date): Promise<number> {
  const row = await db.signInThrottle.findUnique({ where: { email_clientAddress: key }, select: { blockedUntil: true } });
  const left = row?.blockedUntil ? row.blockedUntil.getTime() - now.getTime() : 0;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

export type RecordedFailure = { failures: number; waitMs: number; audit: boolean };

/**
 * Counts one failure for the key — in SQL, so parallel guesses all count — sets its wait, and
 * says whether this failure is to be audited. Prunes idle keys on the way.
 */
export async function recordFailure(tx: Tx, key: ThrottleKey, now: Date): Promise<RecordedFailure> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  const [row] = await tx.$queryRaw<{ failures: number; auditedAt: Date | null }[]>`
    INSERT INTO "SignInThrottle" (email, "clientAddress", failures, "lastFailureAt")
    VALUES (${key.email}, ${key.clientAddress}, 1, ${ts(now)}::timestamptz)
    ON CONFLICT (email, "clientAddress") DO UPDATE SET
      failures = CASE WHEN "SignInThrottle"."lastFailureAt" < ${ts(forgetBefore)}::timestamptz THEN 1 ELSE "SignInThrottle".failures + 1 END,
      "lastFailureAt" = EXCLUDED."lastFailureAt"
    RETURNING failures, "auditedAt"`;
  const failures = Number(row!.failures);
  const waitMs = throttleDelayMs(failures);
  const audit = waitMs > 0 || !row!.auditedAt || row!.auditedAt.getTime() <= now.getTime() - AUDIT_WINDOW_MS;
  if (waitMs > 0 || audit) {
    await tx.signInThrottle.update({
      where: { email_clientAddress: key },
      data: { ...(waitMs > 0 ? { blockedUntil: new Date(now.getTime() + waitMs) } : {}), ...(audit ? { auditedAt: now } : {}) },
    });
  }
  await tx.$executeRaw`DELETE FROM "SignInThrottle" WHERE "lastFailureAt" < ${ts(forgetBefore)}::timestamptz`;
  return { failures, waitMs, audit };
}

/** A successful sign-in forgets this address's failures (not those of other addresses). */
export const clearFailures = (tx: Tx, key: ThrottleKey) => tx.signInThrottle.deleteMany({ where: key });

export type ThrottleState = {
  failures: number;
  /** The latest end of a wait, while one is running. */
  throttledUntil: Date | null;
  addresses: { clientAddress: string; failures: number; blockedUntil: Date | null }[];
};
export const NO_THROTTLE: ThrottleState = { failures: 0, throttledUntil: null, addresses: [] };

/** What an admin sees per email: recent failures by address and any running wait. */
export async function throttleStates(db: PrismaClient | Tx, emails: string[], now = new Date()): Promise<Map<string, ThrottleState>> {
  const rows = emails.length
    ? await db.signInThrottle.findMany({
        where: { email: { in: emails }, lastFailureAt: { gte: new Date(now.getTime() - FORGET_AFTER_MS) } },
        orderBy: [{ lastFailureAt: "desc" }],
        select: { email: true, clientAddress: true, failures: true, blockedUntil: true },
      })
    : [];
  const states = new Map<string, ThrottleState>();
  for (const r of rows) {
    const s = states.get(r.email) ?? { failures: 0, throttledUntil: null, addresses: [] };
    const running = r.blockedUntil && r.blockedUntil > now ? r.blockedUntil : null;
    s.failures += r.failures;
    s.addresses.push({ clientAddress: r.clientAddress, failures: r.failures, blockedUntil: running });
    if (running && (!s.throttledUntil || running > s.throttledUntil)) s.throttledUntil = running;
    states.set(r.email, s);
  }
  return states;
}

export const throttleStateOf = async (db: PrismaClient | Tx, email: string, now = new Date()) => (await throttleStates(db, [email], now)).get(email) ?? NO_THROTTLE;

/** Forgets every address's failures for an email (an admin's unlock, a password reset): the state before, and after. */
export async function clearThrottleForEmail(tx: Tx, email: string, now = new Date()): Promise<ThrottleState & { after: ThrottleState }> {
  const before = await throttleStateOf(tx, email, now);
  await tx.signInThrottle.deleteMany({ where: { email } });
  return { ...before, after: NO_THROTTLE };
}
