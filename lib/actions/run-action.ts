import "server-only";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/session";
import { newRequestId, type ServiceContext } from "@/lib/context";
import { AppError, toPublicError, type PublicError } from "@/lib/errors";
import { authorize, type Permission } from "@/lib/permissions";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: PublicError };

/**
 * Refuses a state change started from another site. Next.js compares Origin and Host for
 * server actions too; this check is ours so it cannot be configured away, and it covers every
 * action the same way.
 */
async function assertSameOrigin() {
  const h = await headers();
  const origin = h.get("origin");
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!origin || !host || new URL(origin).host !== host) {
    throw new AppError("FORBIDDEN", "Cross-site request refused");
  }
}

/**
 * The one way a server action runs: same-origin check, signed-in user, the permission from the
 * permission list, then the service. Errors come back as data (server actions must not throw
 * to the browser), with internal errors reduced to a generic message.
 */
export async function runAction<T>(permission: Permission, fn: (ctx: ServiceContext) => Promise<T>): Promise<ActionResult<T>> {
  try {
    await assertSameOrigin();
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    authorize(actor, permission);
    return { ok: true, data: await fn({ db: db(), actor, requestId: newRequestId() }) };
  } catch (error) {
    return { ok: false, error: toPublicError(error) };
  }
}
