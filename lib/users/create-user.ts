import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { createUserSchema } from "./schemas";
import { serializeUser, USER_PUBLIC_SELECT, userAuditSnapshot } from "./serialize";
import { throttleStateOf } from "@/lib/auth/sign-in-throttle";
import { assertTeamsExist } from "./load-user";

/**
 * Creates a local account with an initial password, or — without a password — an account that
 * signs in only through single sign-on (linked by email at its first SSO sign-in).
 */
export async function createUser(ctx: ServiceContext, input: unknown) {
  const data = parseInput(createUserSchema, input);
  authorize(ctx.actor, "user:manage");
  const teamIds = [...new Set(data.teamIds)];
  // Hashing takes tens of milliseconds: done before the transaction, not while holding locks.
  const passwordHash = data.password === undefined ? null : await hashPassword(data.password);
  try {
    return await ctx.db.$transaction(async (tx) => {
      await assertTeamsExist(tx, teamIds);
      const created = await tx.user.create({
        data: {
          id: newId("usr"),
          email: data.email,
          name: data.name,
          role: data.role,
          passwordHash,
          authProvider: passwordHash ? "local" : "oidc",
          memberships: { create: teamIds.map((teamId) => ({ teamId })) },
        },
        select: USER_PUBLIC_SELECT,
      });
      await recordAuditEvent(tx, ctx, {
        action: "user.create",
        resourceType: "user",
        resourceId: created.id,
        after: { ...userAuditSnapshot(created), hasPassword: passwordHash !== null },
      });
      return serializeUser(created, await throttleStateOf(tx, created.email));
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `A user with email "${data.email}" already exists`, { fields: [{ field: "email", message: "is already in use" }] });
    }
    throw error;
  }
}
