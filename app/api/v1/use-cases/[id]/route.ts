import { withApiToken } from "@/lib/api/with-api-token";
import { getUseCaseOrThrow } from "@/lib/use-cases/queries";
import { updateUseCase } from "@/lib/use-cases/update-use-case";

type Params = { id: string };

// GET /api/v1/use-cases/{id} — read one use case by id or slug (scope use-cases:read)
export const GET = withApiToken<Params>(
  async ({ ctx, params }) => Response.json({ data: await getUseCaseOrThrow(ctx, params.id) }),
  { permission: "use-case:read" },
);

// PATCH /api/v1/use-cases/{id} — change fields of an editable use case (scope use-cases:write)
export const PATCH = withApiToken<Params>(
  async ({ ctx, params, body }) => {
    const input = await body();
    // Resolving through the token-scoped read accepts a slug, as GET does, and answers 404 for
    // another team's use case instead of confirming that it exists.
    const { id } = await getUseCaseOrThrow(ctx, params.id);
    return Response.json({ data: await updateUseCase(ctx, id, input) });
  },
  { permission: "use-case:update" },
);
