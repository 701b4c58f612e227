import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/permissions";
import { API_TOKEN_PUBLIC_SELECT, serializeApiToken } from "./token";

type Reader = { db: PrismaClient; actor: Actor };

/** The admin's token list: active first, newest first. Never selects tokenHash. */
export async function listApiTokens({ db, actor }: Reader, filter: { teamId?: string } = {}) {
  authorize(actor, "api-token:manage");
  const rows = await db.apiToken.findMany({
    where: filter.teamId ? { teamId: filter.teamId } : {},
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
    select: { ...API_TOKEN_PUBLIC_SELECT, team: { select: { id: true, name: true, slug: true } } },
  });
  return rows.map(({ team, ...t }) => ({ ...serializeApiToken(t), team, isRevoked: t.revokedAt !== null }));
}
