import { AppError, notFound } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { API_TOKEN_PUBLIC_SELECT, serializeApiToken } from "./token";

/** Revocation is final: a revoked token stops authenticating at once and cannot be restored. */
export async function revokeApiToken(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "api-token:manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await tx.apiToken.findUnique({ where: { id }, select: API_TOKEN_PUBLIC_SELECT });
    if (!current) throw notFound("API token");
    // Conditional on revokedAt still being null, so of two concurrent revocations exactly one
    // succeeds (the other waits for the row lock, re-checks, and gets the conflict).
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError("CONFLICT", `API token ${current.prefix} is already revoked`);
    const updated = await tx.apiToken.findUniqueOrThrow({ where: { id }, select: API_TOKEN_PUBLIC_SELECT });
    const after = serializeApiToken(updated);
    await recordAuditEvent(tx, ctx, {
      action: "api-token.revoke",
      resourceType: "api-token",
      resourceId: id,
      before: { revokedAt: null },
      after: { revokedAt: after.revokedAt },
    });
    return after;
  });
}
