import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/api/with-api-token";
import type { Actor } from "@/lib/permissions";
import { exportAuditEvents } from "./export-audit-events";

/**
 * The export download for a signed-in console user: 401 without a session, 403 without
 * audit:read, 422 for a bad filter (all as `{ error }` JSON), else the file as an attachment.
 * `load` opens the session inside the error handling, so no failure escapes as an HTML page.
 */
export async function auditExportResponse(req: Request, load: () => Promise<{ db: PrismaClient; actor: Actor | null }>): Promise<Response> {
  try {
    const { db, actor } = await load();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    const file = await exportAuditEvents({ db, actor }, Object.fromEntries(new URL(req.url).searchParams));
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        // Audit data must not linger in shared or browser caches.
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
