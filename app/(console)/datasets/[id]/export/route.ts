import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/api/with-api-token";
import { exportDataset } from "@/lib/datasets/export-dataset";

// GET /datasets/[id]/export?format=csv|jsonl&version=N — the draft or a version as a download (session, dataset:read)
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    const file = await exportDataset({ db: db(), actor }, (await params).id, Object.fromEntries(new URL(req.url).searchParams));
    return new Response(file.body, {
      headers: { "Content-Type": file.contentType, "Content-Disposition": `attachment; filename="${file.fileName}"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
