import type { Prisma } from "@/lib/generated/prisma/client";
import type { ThrottleState } from "@/lib/auth/sign-in-throttle";

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
  lastLoginAt: true,
  createdAt: true,
  updatedAt: true,
  memberships: { select: { team: { select: { id: true, name: true, slug: true } } }, orderBy: { team: { name: "asc" } } },
} as const satisfies Prisma.UserSelect;

type PublicUserRow = Prisma.UserGetPayload<{ select: typeof USER_PUBLIC_SELECT }>;

/**
 * The shape pages and actions receive: dates as strings, teams flattened, and the sign-in
 * throttle of the account's email (lib/auth/sign-in-throttle.ts), which callers read for it.
 */
export function serializeUser(u: PublicUserRow, throttle: ThrottleState) {
  const { memberships, lastLoginAt, createdAt, updatedAt, ...rest } = u;
  return {
    ...rest,
    teams: memberships.map((m) => m.team),
    isSso: u.authProvider === "oidc",
    isThrottled: throttle.throttledUntil !== null,
    signInThrottle: {
      failures: throttle.failures,
      throttledUntil: throttle.throttledUntil?.toISOString() ?? null,
      addresses: throttle.addresses.map((a) => ({ ...a, blockedUntil: a.blockedUntil?.toISOString() ?? null })),
    },
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
