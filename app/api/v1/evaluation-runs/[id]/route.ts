import { withApiToken } from "@/lib/api/with-api-token";
import { getEvaluationRunOrThrow } from "@/lib/evaluations/queries";

type Params = { id: string };

// GET /api/v1/evaluation-runs/{id} — a run with its metrics and verdict (scope evaluations:write or releases:read)
export const GET = withApiToken<Params>(async ({ ctx, params }) => Response.json({ data: await getEvaluationRunOrThrow(ctx, params.id) }), {
  permission: "evaluation:read",
});
