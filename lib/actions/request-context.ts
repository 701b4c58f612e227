import "server-only";
import { headers } from "next/headers";
import { getActor } from "@/lib/auth/session";
import type { UserActor } from "@/lib/permissions";

/**
 * What a server action knows about its request: the headers that decide same-origin, and the
 * signed-in user. Kept in its own module so the RBAC matrix test can supply a user while every
 * other line of the action path (permission check, service, database, audit) runs for real.
 */
export async function actionRequest(): Promise<{ origin: string | null; host: string | null; actor: UserActor | null }> {
  const h = await headers();
  return { origin: h.get("origin"), host: h.get("x-forwarded-host") ?? h.get("host"), actor: await getActor() };
}
