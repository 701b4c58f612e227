import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newId, newRequestId } from "@/lib/context";
import { hashPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * With DATABASE_URL no account has a password unless an operator asks for one: this creates the
 * admin named by STRATA_BOOTSTRAP_ADMIN_EMAIL/PASSWORD once, and never touches it again.
 */
export async function bootstrapAdmin(db: PrismaClient, email: string, password: string): Promise<boolean> {
  const normalized = email.toLowerCase();
  if (await db.user.findUnique({ where: { email: normalized } })) return false;
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const id = newId("usr");
    await tx.user.create({ data: { id, email: normalized, name: "Administrator", role: "ADMIN", passwordHash } });
    await recordAuditEvent(tx, { actor: { kind: "system", id: "system", name: "Bootstrap" }, requestId: newRequestId() }, {
      action: "user.bootstrap-admin",
      resourceType: "user",
      resourceId: id,
      after: { email: normalized, role: "ADMIN" },
    });
  });
  return true;
}
