import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newId, newRequestId } from "@/lib/context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { RoleName } from "@/lib/permissions";

export type OidcIdentity = { issuer: string; subject: string; email: string; name: string; role: RoleName };

/**
 * Creates or refreshes the local user behind a single-sign-on identity. The identity provider
 * owns the role (re-read at every sign-in); team memberships stay managed in Strata.
 */
export async function provisionOidcUser(db: PrismaClient, identity: OidcIdentity) {
  const externalSubject = `${identity.issuer}|${identity.subject}`;
  const ctx = { actor: { kind: "system" as const, id: "system" as const, name: `SSO ${identity.email}` }, requestId: newRequestId() };
  return db.$transaction(async (tx) => {
    const existing =
      (await tx.user.findUnique({ where: { externalSubject } })) ??
      (await tx.user.findUnique({ where: { email: identity.email.toLowerCase() } }));
    if (existing && !existing.isActive) return null;
    if (!existing) {
      const created = await tx.user.create({
        data: { id: newId("usr"), email: identity.email.toLowerCase(), name: identity.name, role: identity.role, authProvider: "oidc", externalSubject, lastLoginAt: new Date() },
      });
      await recordAuditEvent(tx, ctx, { action: "user.provision", resourceType: "user", resourceId: created.id, after: { email: created.email, role: created.role, authProvider: "oidc" } });
      return created;
    }
    const updated = await tx.user.update({
      where: { id: existing.id },
      data: { role: identity.role, name: identity.name, externalSubject, lastLoginAt: new Date() },
    });
    await recordAuditEvent(tx, ctx, {
      action: "auth.sign-in",
      resourceType: "user",
      resourceId: existing.id,
      before: existing.role === updated.role ? undefined : { role: existing.role },
      after: { method: "oidc", role: updated.role },
    });
    return updated;
  });
}
