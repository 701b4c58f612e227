import type { Prisma } from "@/lib/generated/prisma/client";

export const TEAM_PUBLIC_SELECT = { id: true, slug: true, name: true, description: true, createdAt: true } as const satisfies Prisma.TeamSelect;

type TeamRow = Prisma.TeamGetPayload<{ select: typeof TEAM_PUBLIC_SELECT }>;

/** The public shape of a team (actions, audit before/after): dates as strings. */
export function serializeTeam(t: TeamRow) {
  return { ...t, createdAt: t.createdAt.toISOString() };
}

export type TeamDto = ReturnType<typeof serializeTeam>;
