import { forbidden } from "@/lib/errors";
import { withApiToken } from "@/lib/api/with-api-token";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { listUseCases } from "@/lib/use-cases/queries";

// GET /api/v1/use-cases — list the token's team's use cases (scope use-cases:read)
export const GET = withApiToken(
  async ({ req, ctx }) => {
    const query = Object.fromEntries(new URL(req.url).searchParams);
    // listUseCases lets an explicit teamId filter replace the token's own team; refuse it here.
    if (query.teamId && query.teamId !== ctx.actor.teamId) throw forbidden("An API token can only list its own team's use cases");
    const { items, ...pagination } = await listUseCases(ctx, query);
    return Response.json({ data: items, ...pagination });
  },
  { permission: "use-case:read" },
);

// POST /api/v1/use-cases — register a use case (scope use-cases:write)
export const POST = withApiToken(
  async ({ ctx, body }) => {
    const data = await createUseCase(ctx, await body());
    return Response.json({ data }, { status: 201 });
  },
  { permission: "use-case:create" },
);
