import { AppError, parseInput } from "@/lib/errors";
import type { ServiceContext, Tx } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { updateUserSchema } from "./schemas";
import { serializeUser, USER_PUBLIC_SELECT, userAuditSnapshot } from "./serialize";
import { throttleStateOf } from "@/lib/auth/sign-in-throttle";
import { assertTeamsExist, lockUserOrThrow } from "./load-user";

// Serialises every change that takes away an active admin, so two admins demoting each other
// at the same moment cannot leave the console with nobody able to administer it.
const ADMIN_REMOVAL_LOCK = 4_242_101;

const refuse = (field: string, message: string) => new AppError("CONFLICT", message, { fields: [{ field, message }] });

async function assertAnotherActiveAdmin(tx: Tx, exceptUserId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_REMOVAL_LOCK})`;
  const others = await tx.user.count({ where: { role: "ADMIN", isActive: true, id: { not: exceptUserId } } });
  if (others === 0) throw new AppError("CONFLICT", "This is the last active admin: make someone else an admin first");
}

/** Changes a user's name, role, team memberships or active state. Deactivating keeps the row. */
export async function updateUser(ctx: ServiceContext, id: string, input: unknown) {
  const data = parseInput(updateUserSchema, input);
  authorize(ctx.actor, "user:manage");
  const isSelf = ctx.actor.kind === "user" && ctx.actor.id === id;
  if (isSelf && data.isActive === false) throw refuse("isActive", "You cannot deactivate your own account");
  const teamIds = data.teamIds === undefined ? undefined : [...new Set(data.teamIds)];
  return ctx.db.$transaction(async (tx) => {
    const current = await lockUserOrThrow(tx, id);
    const losesAdmin = current.role === "ADMIN" && current.isActive && ((data.role !== undefined && data.role !== "ADMIN") || data.isActive === false);
    if (isSelf && losesAdmin) throw refuse("role", "You cannot remove your own admin role: ask another admin");
    if (teamIds) await assertTeamsExist(tx, teamIds);
    if (losesAdmin) await assertAnotherActiveAdmin(tx, id);

    if (teamIds) {
      const had = new Set(current.memberships.map((m) => m.team.id));
      await tx.teamMembership.deleteMany({ where: { userId: id, teamId: { notIn: teamIds } } });
      const added = teamIds.filter((t) => !had.has(t));
      if (added.length) await tx.teamMembership.createMany({ data: added.map((teamId) => ({ userId: id, teamId })) });
    }
    const updated = await tx.user.update({
      where: { id },
      data: { name: data.name, role: data.role, isActive: data.isActive },
      select: USER_PUBLIC_SELECT,
    });
    await recordAuditEvent(tx, ctx, { action: "user.update", resourceType: "user", resourceId: id, before: userAuditSnapshot(current), after: userAuditSnapshot(updated) });
    return serializeUser(updated, await throttleStateOf(tx, updated.email));
  });
}
