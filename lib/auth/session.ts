import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { can, type Permission, type RoleName, type Scoped, type UserActor } from "@/lib/permissions";
import { authOptions } from "./options";

/**
 * The signed-in user, re-read from the database on every request: a role change or a
 * deactivation takes effect at once, whatever the session cookie says.
 */
export const getActor = cache(async (): Promise<UserActor | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, isActive: true, memberships: { select: { teamId: true } } },
  });
  if (!user || !user.isActive) return null;
  return { kind: "user", id: user.id, name: user.name, email: user.email, role: user.role as RoleName, teamIds: user.memberships.map((m) => m.teamId) };
});

/** For pages: the signed-in user, or a redirect to sign-in. */
export async function requireActor(): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** For pages: the signed-in user holding the permission, or the 403 page. */
export async function requirePagePermission(permission: Permission, resource?: Scoped): Promise<UserActor> {
  const actor = await requireActor();
  if (!can(actor, permission, resource)) forbidden();
  return actor;
}
