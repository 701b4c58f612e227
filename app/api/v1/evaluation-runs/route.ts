import { withApiToken } from "@/lib/api/with-api-token";
import { readJsonBody } from "@/lib/api/read-json-body";
import { createEvaluationRun } from "@/lib/evaluations/create-evaluation-run";
import { EVALUATION_RUN_BODY_LIMIT_BYTES } from "@/lib/evaluations/schemas";

// POST /api/v1/evaluation-runs — record a run and its verdict against the gates (scope evaluations:write)
export const POST = withApiToken(
  async ({ req, ctx }) => {
    // Up to 10,000 items: read with this route's own limit, not the API's general one.
    const input = await readJsonBody(req, EVALUATION_RUN_BODY_LIMIT_BYTES);
    return Response.json({ data: await createEvaluationRun(ctx, input, "api") }, { status: 201 });
  },
  { permission: "evaluation:post" },
);
