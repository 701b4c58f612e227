import { withApiToken } from "@/lib/api/with-api-token";
import { notFound } from "@/lib/errors";
import { listGuardrails } from "@/lib/guardrails/queries";

type Params = { id: string };

// GET /api/v1/use-cases/{id}/guardrails — the guardrails of one of the token's team's use cases (scope guardrails:read)
export const GET = withApiToken<Params>(
  async ({ ctx, params }) => {
    // Resolved within the token's team: another team's use case is a 404, not a confirmation.
    const useCase = await ctx.db.useCase.findFirst({
      where: { OR: [{ id: params.id }, { slug: params.id }], teamId: ctx.actor.teamId },
      select: { id: true },
    });
    if (!useCase) throw notFound("Use case");
    return Response.json({ data: await listGuardrails(ctx, { useCaseId: useCase.id }) });
  },
  { permission: "guardrail:read" },
);
