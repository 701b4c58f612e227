import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isLocked, serializeUser, USER_PUBLIC_SELECT } from "./serialize";
import { lockUserOrThrow } from "./load-user";

/**
 * Lifts a sign-in lock without touching the password. The failure count is cleared with it:
 * left in place, the very next mistyped password would lock the account again, for longer.
 */
export async function unlockUser(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "user:manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await lockUserOrThrow(tx, id);
    if (current.lockedUntil === null && current.failedLoginCount === 0) {
      throw new AppError("CONFLICT", `${current.email} is not locked`);
    }
    const updated = await tx.user.update({ where: { id }, data: { failedLoginCount: 0, lockedUntil: null }, select: USER_PUBLIC_SELECT });
    await recordAuditEvent(tx, ctx, {
      action: "user.unlock",
      resourceType: "user",
      resourceId: id,
      before: { failedLoginCount: current.failedLoginCount, lockedUntil: current.lockedUntil, wasLocked: isLocked(current) },
      after: { failedLoginCount: 0, lockedUntil: null },
    });
    return serializeUser(updated);
  });
}
