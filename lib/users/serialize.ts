import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The columns any user read may select. passwordHash is deliberately absent: nothing in
 * lib/users ever reads it, so it cannot leak into a page, an action result or an audit event.
 */
export const USER_PUBLIC_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  authProvider: true,
  isActive: true,
  failedLoginCount: true,
  lockedUntil: true,
  lastLoginAt: true,
  createdAt: true,
  updatedAt: true,
  memberships: { select: { team: { select: { id: true, name: true, slug: true } } }, orderBy: { team: { name: "asc" } } },
} as const satisfies Prisma.UserSelect;

type PublicUserRow = Prisma.UserGetPayload<{ select: typeof USER_PUBLIC_SELECT }>;

export const isLocked = (u: { lockedUntil: Date | null }, now = new Date()) => u.lockedUntil !== null && u.lockedUntil > now;

/** The shape pages and actions receive: dates as strings, teams flattened, lock state computed. */
export function serializeUser(u: PublicUserRow, now = new Date()) {
  const { memberships, lockedUntil, lastLoginAt, createdAt, updatedAt, ...rest } = u;
  return {
    ...rest,
    teams: memberships.map((m) => m.team),
    isSso: u.authProvider === "oidc",
    isLocked: isLocked(u, now),
    lockedUntil: lockedUntil?.toISOString() ?? null,
    lastLoginAt: lastLoginAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

export type UserDto = ReturnType<typeof serializeUser>;

/** What the audit log records about a user: the governed attributes, never credentials. */
export function userAuditSnapshot(u: PublicUserRow) {
  return {
    email: u.email,
    name: u.name,
    role: u.role,
    authProvider: u.authProvider,
    isActive: u.isActive,
    teamIds: u.memberships.map((m) => m.team.id).sort(),
  };
}
