import { AppError, parseInput } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { clearThrottleForEmail } from "@/lib/auth/sign-in-throttle";
import { resetPasswordSchema } from "./schemas";
import { serializeUser, USER_PUBLIC_SELECT } from "./serialize";
import { lockUserOrThrow } from "./load-user";

/**
 * Sets a new password for a local account and clears its sign-in throttle from every address.
 * Single-sign-on accounts are refused: a Strata password would let them sign in around the
 * identity provider's MFA and off-boarding.
 */
export async function resetUserPassword(ctx: ServiceContext, id: string, input: unknown) {
  const { password } = parseInput(resetPasswordSchema, input);
  authorize(ctx.actor, "user:manage");
  const passwordHash = await hashPassword(password);
  return ctx.db.$transaction(async (tx) => {
    const current = await lockUserOrThrow(tx, id);
    if (current.authProvider !== "local") {
      throw new AppError("CONFLICT", `${current.email} signs in with single sign-on; the identity provider manages its password`);
    }
    const updated = await tx.user.update({
      where: { id },
      data: { passwordHash },
      select: USER_PUBLIC_SELECT,
    });
    const cleared = await clearThrottleForEmail(tx, current.email);
    // The audit trail records that the password changed, never the password or its hash.
    await recordAuditEvent(tx, ctx, {
      action: "user.reset-password",
      resourceType: "user",
      resourceId: id,
      before: { failedSignIns: cleared.failures, wasThrottled: cleared.throttledUntil !== null },
      after: { failedSignIns: 0, passwordChanged: true },
    });
    return serializeUser(updated, cleared.after);
  });
}
