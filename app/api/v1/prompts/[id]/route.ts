import { withApiToken } from "@/lib/api/with-api-token";
import { getPromptOrThrow } from "@/lib/prompts/queries";

type Params = { id: string };

// GET /api/v1/prompts/{id} — a prompt, its draft and its version list (scope prompts:read)
export const GET = withApiToken<Params>(async ({ ctx, params }) => Response.json({ data: await getPromptOrThrow(ctx, params.id) }), {
  permission: "prompt:read",
});
