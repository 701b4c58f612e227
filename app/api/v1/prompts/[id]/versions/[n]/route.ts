import { withApiToken } from "@/lib/api/with-api-token";
import { getPromptVersionOrThrow } from "@/lib/prompts/queries";

type Params = { id: string; n: string };

// GET /api/v1/prompts/{id}/versions/{n} — one immutable version (scope prompts:read)
export const GET = withApiToken<Params>(
  async ({ ctx, params }) => Response.json({ data: await getPromptVersionOrThrow(ctx, params.id, params.n) }),
  { permission: "prompt:read" },
);
