import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newRequestId } from "@/lib/context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SystemActor } from "@/lib/permissions";
import { dummyPasswordHash, verifyPassword } from "./password";

export const MAX_FAILURES_BEFORE_LOCK = 5;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;

export type PasswordSignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" | "locked"; retryAfterSeconds?: number };

/** Lock length doubles with each failure past the threshold: 1, 2, 4 … minutes, capped at 1 h. */
export function lockDurationMs(failures: number): number {
  const over = failures - MAX_FAILURES_BEFORE_LOCK;
  return over < 0 ? 0 : Math.min(BASE_LOCK_MS * 2 ** over, MAX_LOCK_MS);
}

const authSystem: SystemActor = { kind: "system", id: "system", name: "Sign-in" };

/**
 * Checks an email/password pair, throttling repeated failures per account. Failures, lockouts
 * and successes are audited; the caller gets no hint whether the email exists.
 */
export async function signInWithPassword(db: PrismaClient, email: string, password: string, now = new Date()): Promise<PasswordSignInResult> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user || !user.passwordHash || !user.isActive) {
    await verifyPassword(await dummyPasswordHash(), password);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000) };
  }
  const valid = await verifyPassword(user.passwordHash, password);
  const ctx = { actor: authSystem, requestId: newRequestId() };
  if (!valid) {
    return db.$transaction(async (tx) => {
      // Increment in SQL so parallel guesses cannot overwrite each other's count.
      const updated = await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: { increment: 1 } } });
      const lockMs = lockDurationMs(updated.failedLoginCount);
      const lockedUntil = lockMs ? new Date(now.getTime() + lockMs) : null;
      if (lockedUntil) await tx.user.update({ where: { id: user.id }, data: { lockedUntil } });
      await recordAuditEvent(tx, ctx, {
        action: lockedUntil ? "auth.sign-in-locked" : "auth.sign-in-failed",
        resourceType: "user",
        resourceId: user.id,
        after: { failedLoginCount: updated.failedLoginCount, lockedUntil: lockedUntil?.toISOString() ?? null },
      });
      return lockedUntil ? { ok: false as const, reason: "locked" as const, retryAfterSeconds: lockMs / 1000 } : { ok: false as const, reason: "invalid" as const };
    });
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
    // Recorded as the user who signed in, in the role they hold.
    const actor = { kind: "user" as const, id: user.id, name: user.name, email: user.email, role: user.role, teamIds: [] };
    await recordAuditEvent(tx, { ...ctx, actor }, { action: "auth.sign-in", resourceType: "user", resourceId: user.id, after: { method: "password" } });
  });
  return { ok: true, userId: user.id };
}
