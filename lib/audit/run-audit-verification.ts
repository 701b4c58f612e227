import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "./record-audit-event";
import { verifyAuditChain, type ChainReport } from "./verify-audit-chain";

/**
 * Verifies the hash chain for an admin and records that it did: who checked the log, when, and
 * what they found is itself governance evidence. The walk runs outside the transaction so it
 * does not hold the chain lock (and block every writer) for the length of a large log; the
 * event is appended afterwards and is not part of what it reports on.
 */
export async function runAuditVerification(ctx: ServiceContext): Promise<ChainReport> {
  authorize(ctx.actor, "audit:verify");
  const report = await verifyAuditChain(ctx.db);
  await ctx.db.$transaction((tx) => recordAuditEvent(tx, ctx, { action: "audit.verify", resourceType: "audit-log", resourceId: "chain", after: report }));
  return report;
}
