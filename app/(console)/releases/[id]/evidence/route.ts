import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { releaseEvidenceResponse } from "@/lib/evidence/evidence-response";

// GET /releases/[id]/evidence?format=md|json — the release's evidence as a download (session, release:read)
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return releaseEvidenceResponse(req, id, async () => ({ db: db(), actor: await getActor() }));
}
