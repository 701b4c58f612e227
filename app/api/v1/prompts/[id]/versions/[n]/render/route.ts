import { withApiToken } from "@/lib/api/with-api-token";
import { versionPathSchema } from "@/lib/api/path-params";
import { renderPrompt } from "@/lib/prompts/render-prompt";

// POST /api/v1/prompts/{id}/versions/{n}/render — fill a version's variables (scope prompts:read; a read, not audited)
export const POST = withApiToken(
  async ({ ctx, params, body }) => {
    const input = await body();
    return Response.json({ data: await renderPrompt(ctx, params.id, params.n, input) });
  },
  { permission: "prompt:read", params: versionPathSchema },
);
