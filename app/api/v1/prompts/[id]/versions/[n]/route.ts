import { withApiToken } from "@/lib/api/with-api-token";
import { versionPathSchema } from "@/lib/api/path-params";
import { getPromptVersionOrThrow } from "@/lib/prompts/queries";

// GET /api/v1/prompts/{id}/versions/{n} — one immutable version (scope prompts:read)
export const GET = withApiToken(
  async ({ ctx, params }) => Response.json({ data: await getPromptVersionOrThrow(ctx, params.id, params.n) }),
  { permission: "prompt:read", params: versionPathSchema },
);
