import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError, parseInput } from "@/lib/errors";
import { errorResponse } from "@/lib/api/with-api-token";
import type { Actor } from "@/lib/permissions";
import { buildReleaseEvidence } from "./build-release-evidence";
import { renderEvidenceMarkdown } from "./render-evidence-markdown";

const querySchema = z.object({ format: z.enum(["md", "json"], "must be md or json").default("md") });

const safeName = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, "-");

/**
 * The evidence download for a signed-in console user: 401 without a session, 403 without
 * release:read, 404 for an unknown release, 422 for an unknown format (all `{ error }` JSON),
 * else the Markdown or JSON document as an attachment.
 */
export async function releaseEvidenceResponse(req: Request, releaseId: string, load: () => Promise<{ db: PrismaClient; actor: Actor | null }>): Promise<Response> {
  try {
    const { db, actor } = await load();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    const { format } = parseInput(querySchema, Object.fromEntries(new URL(req.url).searchParams));
    const evidence = await buildReleaseEvidence({ db, actor }, releaseId);
    const filename = `release-${safeName(evidence.useCase.slug)}-${evidence.release.number}-evidence.${format}`;
    const body = format === "md" ? renderEvidenceMarkdown(evidence) : JSON.stringify(evidence, null, 2) + "\n";
    return new Response(body, {
      headers: {
        "Content-Type": format === "md" ? "text/markdown; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        // Generated per request (it carries generatedAt and the live audit trail).
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
