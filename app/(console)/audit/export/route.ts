import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { auditExportResponse } from "@/lib/audit/audit-export-response";

// GET /audit/export?format=csv|json&<filters> — the filtered audit log as a download (session, audit:read)
export async function GET(req: Request) {
  return auditExportResponse(req, async () => ({ db: db(), actor: await getActor() }));
}
