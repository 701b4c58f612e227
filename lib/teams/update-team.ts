import { notFound, parseInput } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { updateTeamSchema } from "./schemas";
import { serializeTeam, TEAM_PUBLIC_SELECT } from "./serialize";

/** Renames a team or changes its description; the slug stays. */
export async function updateTeam(ctx: ServiceContext, id: string, input: unknown) {
  const data = parseInput(updateTeamSchema, input);
  authorize(ctx.actor, "team:manage");
  return ctx.db.$transaction(async (tx) => {
    // Row lock: two admins editing at once are applied in turn, each audited against what it replaced.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Team" WHERE id = ${id} FOR UPDATE`;
    if (locked.length === 0) throw notFound("Team");
    const current = await tx.team.findUniqueOrThrow({ where: { id }, select: TEAM_PUBLIC_SELECT });
    const updated = await tx.team.update({ where: { id }, data, select: TEAM_PUBLIC_SELECT });
    const after = serializeTeam(updated);
    await recordAuditEvent(tx, ctx, { action: "team.update", resourceType: "team", resourceId: id, before: serializeTeam(current), after });
    return after;
  });
}
