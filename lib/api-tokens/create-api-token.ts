import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createApiTokenSchema } from "./schemas";
import { API_TOKEN_PUBLIC_SELECT, generateApiToken, hashApiToken, serializeApiToken, type ApiTokenDto } from "./token";

export type CreatedApiToken = {
  /** The only time the secret exists outside the caller's hands: show it once, never store it. */
  token: string;
  apiToken: ApiTokenDto;
};

const PREFIX_ATTEMPTS = 3;

export async function createApiToken(ctx: ServiceContext, input: unknown): Promise<CreatedApiToken> {
  const data = parseInput(createApiTokenSchema, input);
  authorize(ctx.actor, "api-token:manage");
  const team = await ctx.db.team.findUnique({ where: { id: data.teamId }, select: { id: true } });
  if (!team) throw new AppError("VALIDATION_FAILED", "teamId: no such team", { fields: [{ field: "teamId", message: "no such team" }] });
  const permissions = [...new Set(data.permissions)];

  // The 8-character prefix is unique in the schema; a collision is astronomically rare, but
  // retrying costs nothing and spares an admin an inexplicable error.
  for (let attempt = 1; ; attempt++) {
    const { token, prefix } = generateApiToken();
    try {
      const apiToken = await ctx.db.$transaction(async (tx) => {
        const created = await tx.apiToken.create({
          data: { id: newId("tok"), teamId: data.teamId, name: data.name, prefix, tokenHash: hashApiToken(token), permissions, createdById: ctx.actor.id },
          select: API_TOKEN_PUBLIC_SELECT,
        });
        const after = serializeApiToken(created);
        await recordAuditEvent(tx, ctx, { action: "api-token.create", resourceType: "api-token", resourceId: created.id, after });
        return after;
      });
      return { token, apiToken };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= PREFIX_ATTEMPTS) throw error;
    }
  }
}
