import { withApiToken } from "@/lib/api/with-api-token";
import { getGuardrailOrThrow } from "@/lib/guardrails/queries";

type Params = { id: string };

// GET /api/v1/guardrails/{id} — a guardrail, its DRAFT and its version list (scope guardrails:read)
export const GET = withApiToken<Params>(
  async ({ ctx, params }) => Response.json({ data: await getGuardrailOrThrow(ctx, params.id) }),
  { permission: "guardrail:read" },
);
