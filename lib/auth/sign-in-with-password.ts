import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newRequestId, type Tx } from "@/lib/context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SystemActor } from "@/lib/permissions";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";
import { clearFailures, recordFailure, throttledForSeconds, type RecordedFailure, type ThrottleKey } from "./sign-in-throttle";
import { UNKNOWN_ADDRESS } from "./client-address";

export type PasswordSignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

const authSystem: SystemActor = { kind: "system", id: "system", name: "Sign-in" };
/** Longer than any real address: keeps an absurd "email" from bloating the throttle table. */
const MAX_EMAIL_LENGTH = 320;

type Options = { clientAddress?: string; now?: Date };

/**
 * Checks an email/password pair from one client address. Unknown, deactivated and SSO-only
 * emails take the same path as a wrong password — a dummy hash is verified, the same throttle
 * counts and the same answers come back — so no answer and no timing tells which accounts exist.
 */
export async function signInWithPassword(db: PrismaClient, email: string, password: string, options: Options = {}): Promise<PasswordSignInResult> {
  const now = options.now ?? new Date();
  const key: ThrottleKey = { email: email.trim().toLowerCase().slice(0, MAX_EMAIL_LENGTH), clientAddress: options.clientAddress ?? UNKNOWN_ADDRESS };
  const wait = await throttledForSeconds(db, key, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await db.user.findUnique({
    where: { email: key.email },
    select: { id: true, name: true, email: true, role: true, passwordHash: true, isActive: true },
  });
  const usable = user?.passwordHash && user.isActive ? user : null;
  const valid = await verifyPassword(usable?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  const ctx = { actor: authSystem, requestId: newRequestId() };

  if (valid && usable) {
    await db.$transaction(async (tx) => {
      await clearFailures(tx, key);
      await tx.user.update({ where: { id: usable.id }, data: { lastLoginAt: now } });
      // Recorded as the user who signed in, in the role they hold.
      const actor = { kind: "user" as const, id: usable.id, name: usable.name, email: usable.email, role: usable.role, teamIds: [] };
      await recordAuditEvent(tx, { ...ctx, actor }, { action: "auth.sign-in", resourceType: "user", resourceId: usable.id, after: { method: "password", clientAddress: key.clientAddress } });
    });
    return { ok: true, userId: usable.id };
  }

  const failure = await db.$transaction(async (tx) => {
    const recorded = await recordFailure(tx, key, now);
    if (recorded.audit) await auditFailure(tx, ctx, key, recorded, user?.id ?? null);
    return recorded;
  });
  return failure.waitMs > 0 ? { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(failure.waitMs / 1000) } : { ok: false, reason: "invalid" };
}

/**
 * Rate-limited by the throttle (once per key per window, and when a wait starts), the same for
 * known and unknown emails: each event carries the running count, so none is lost by skipping.
 */
async function auditFailure(tx: Tx, ctx: { actor: SystemActor; requestId: string }, key: ThrottleKey, recorded: RecordedFailure, userId: string | null) {
  const after = { email: key.email, clientAddress: key.clientAddress, failures: recorded.failures, waitSeconds: recorded.waitMs / 1000, knownAccount: userId !== null };
  await recordAuditEvent(tx, ctx, {
    action: recorded.waitMs > 0 ? "auth.sign-in-throttled" : "auth.sign-in-failed",
    // An unknown email has no resource of its own: its events are filed under the email.
    resourceType: userId ? "user" : "sign-in",
    resourceId: userId ?? key.email,
    after,
  });
}
