import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/permissions";
import { serializeTeam, TEAM_PUBLIC_SELECT } from "./serialize";

type Reader = { db: PrismaClient; actor: Actor };

/** Every team, by name, with how many people and use cases belong to it. */
export async function listTeams({ db, actor }: Reader) {
  authorize(actor, "team:manage");
  const rows = await db.team.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { ...TEAM_PUBLIC_SELECT, _count: { select: { memberships: true, useCases: true } } },
  });
  return rows.map(({ _count, ...t }) => ({ ...serializeTeam(t), memberCount: _count.memberships, useCaseCount: _count.useCases }));
}

/** Teams to choose from when assigning a user's memberships. */
export async function listTeamOptions({ db, actor }: Reader) {
  authorize(actor, "user:read");
  return db.team.findMany({ select: { id: true, name: true, slug: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
