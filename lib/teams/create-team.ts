import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createTeamSchema } from "./schemas";
import { serializeTeam, TEAM_PUBLIC_SELECT } from "./serialize";

export async function createTeam(ctx: ServiceContext, input: unknown) {
  const data = parseInput(createTeamSchema, input);
  authorize(ctx.actor, "team:manage");
  try {
    return await ctx.db.$transaction(async (tx) => {
      const created = await tx.team.create({ data: { id: newId("team"), ...data }, select: TEAM_PUBLIC_SELECT });
      const after = serializeTeam(created);
      await recordAuditEvent(tx, ctx, { action: "team.create", resourceType: "team", resourceId: created.id, after });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `A team with slug "${data.slug}" already exists`, { fields: [{ field: "slug", message: "is already taken" }] });
    }
    throw error;
  }
}
