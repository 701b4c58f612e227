"use client";

import Link from "next/link";
import { createContext, useContext } from "react";
import { can, type Permission, type Scoped, type UserActor } from "@/lib/permissions";

// The signed-in user, for client components that hide what the user cannot open or do. Hiding
// is a courtesy: every page and action still checks on the server.
const ActorContext = createContext<UserActor | null>(null);

export function ActorProvider({ actor, children }: { actor: UserActor; children: React.ReactNode }) {
  return <ActorContext.Provider value={actor}>{children}</ActorContext.Provider>;
}

export function useCan(permission: Permission, resource?: Scoped): boolean {
  const actor = useContext(ActorContext);
  return actor ? can(actor, permission, resource) : false;
}

/** A link to a page the user may open; for anyone else, `fallback` (a link would only lead to a 403). */
export function PermittedLink({ permission, href, className, children, fallback = null }: { permission: Permission; href: string; className?: string; children: React.ReactNode; fallback?: React.ReactNode }) {
  return useCan(permission) ? <Link href={href} className={className}>{children}</Link> : <>{fallback}</>;
}
