import { withApiToken } from "@/lib/api/with-api-token";
import { versionPathSchema } from "@/lib/api/path-params";
import { getGuardrailVersionOrThrow } from "@/lib/guardrails/queries";

// GET /api/v1/guardrails/{id}/versions/{n} — one immutable version with its config (scope guardrails:read)
export const GET = withApiToken(
  async ({ ctx, params }) => Response.json({ data: await getGuardrailVersionOrThrow(ctx, params.id, params.n) }),
  { permission: "guardrail:read", params: versionPathSchema },
);
