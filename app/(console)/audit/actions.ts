"use server";

import { runAction } from "@/lib/actions/run-action";
import { runAuditVerification } from "@/lib/audit/run-audit-verification";

// Walks the hash chain (verifyAuditChain) and records an "audit.verify" event with the result.
export async function verifyAuditChainAction() {
  return runAction("audit:verify", (ctx) => runAuditVerification(ctx));
}
