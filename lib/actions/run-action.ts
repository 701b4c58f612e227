import "server-only";
import { db } from "@/lib/db";
import { newRequestId, type ServiceContext } from "@/lib/context";
import { AppError, toPublicError, type PublicError } from "@/lib/errors";
import { authorize, type Permission } from "@/lib/permissions";
import { actionRequest } from "./request-context";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: PublicError };

/**
 * The one way a server action runs: same-origin check, signed-in user, the permission from the
 * permission list, then the service (which checks team scope and audits). Errors come back as
 * data — server actions must not throw to the browser — with internal errors reduced to a
 * generic message.
 *
 * The same-origin check is a CSRF defence of our own: Next.js also compares Origin and Host for
 * server actions, but ours cannot be configured away and reads the same for every action.
 */
export async function runAction<T>(permission: Permission, fn: (ctx: ServiceContext) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const request = await actionRequest();
    if (!request.origin || !request.host || new URL(request.origin).host !== request.host) {
      throw new AppError("FORBIDDEN", "Cross-site request refused");
    }
    if (!request.actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    authorize(request.actor, permission);
    return { ok: true, data: await fn({ db: db(), actor: request.actor, requestId: newRequestId() }) };
  } catch (error) {
    return { ok: false, error: toPublicError(error) };
  }
}
