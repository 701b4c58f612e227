import { withApiToken } from "@/lib/api/with-api-token";
import { validationError } from "@/lib/errors";
import { getGuardrailVersionOrThrow } from "@/lib/guardrails/queries";

type Params = { id: string; n: string };

// GET /api/v1/guardrails/{id}/versions/{n} — one immutable version with its config (scope guardrails:read)
export const GET = withApiToken<Params>(
  async ({ ctx, params }) => {
    if (!/^[1-9]\d{0,8}$/.test(params.n)) throw validationError([{ field: "n", message: "must be a version number (1, 2, …)" }]);
    return Response.json({ data: await getGuardrailVersionOrThrow(ctx, params.id, Number(params.n)) });
  },
  { permission: "guardrail:read" },
);
