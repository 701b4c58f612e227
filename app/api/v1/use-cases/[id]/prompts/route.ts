import { withApiToken } from "@/lib/api/with-api-token";
import { notFound } from "@/lib/errors";
import { listPrompts } from "@/lib/prompts/queries";

type Params = { id: string };

// GET /api/v1/use-cases/{id}/prompts — the prompts of one of the token's team's use cases (scope prompts:read)
export const GET = withApiToken<Params>(
  async ({ req, ctx, params }) => {
    // By id or slug, like /use-cases/{id}; another team's use case answers 404, not 403.
    const useCase = await ctx.db.useCase.findFirst({
      where: { OR: [{ id: params.id }, { slug: params.id }], teamId: ctx.actor.teamId },
      select: { id: true },
    });
    if (!useCase) throw notFound("Use case");
    const { page, pageSize } = Object.fromEntries(new URL(req.url).searchParams);
    const { items, ...pagination } = await listPrompts(ctx, { useCaseId: useCase.id, page, pageSize });
    return Response.json({ data: items, ...pagination });
  },
  { permission: "prompt:read" },
);
