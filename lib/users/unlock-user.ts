import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { clearThrottleForEmail } from "@/lib/auth/sign-in-throttle";
import { serializeUser } from "./serialize";
import { lockUserOrThrow } from "./load-user";

/**
 * Clears the sign-in throttle of an account's email, from every address, without touching the
 * password: for an owner who mistyped from the same network as an attacker, or a shared office
 * address. The owner signing in from elsewhere never needed it.
 */
export async function unlockUser(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "user:manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await lockUserOrThrow(tx, id);
    const cleared = await clearThrottleForEmail(tx, current.email);
    if (cleared.failures === 0) throw new AppError("CONFLICT", `${current.email} has no failed sign-ins to clear`);
    await recordAuditEvent(tx, ctx, {
      action: "user.unlock",
      resourceType: "user",
      resourceId: id,
      before: { failedSignIns: cleared.failures, wasThrottled: cleared.throttledUntil !== null, clientAddresses: cleared.addresses.map((a) => a.clientAddress) },
      after: { failedSignIns: 0 },
    });
    return serializeUser(current, cleared.after);
  });
}
