import type { ServiceContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { runPublication } from "./run-publication";
import { bedrockName, publishSchema } from "./schemas";

/** Publishes one Strata guardrail version to Bedrock Guardrails in an environment. */
export async function publishGuardrailVersion(ctx: ServiceContext, input: unknown) {
  const { versionId, environment } = parseInput(publishSchema, input);
  const version = await ctx.db.guardrailVersion.findUnique({
    where: { id: versionId },
    include: { guardrail: { select: { id: true, name: true, description: true, useCase: { select: { teamId: true, slug: true } } } } },
  });
  if (!version) throw notFound("Guardrail version");
  authorize(ctx.actor, "guardrail:publish", { teamId: version.guardrail.useCase.teamId });
  const { guardrail } = version;
  return runPublication(
    ctx,
    { resourceType: "guardrail", resourceId: guardrail.id, versionId, versionNumber: version.number, environment, label: `guardrail ${guardrail.name} v${version.number}` },
    async (aws, { clientToken, existingId, onCreated }) => {
      const publisher = aws.guardrailPublisher;
      const name = bedrockName(guardrail.useCase.slug, guardrail.name, guardrail.id, 50);
      const upserted = await publisher.upsertGuardrail({ existingId, name, description: guardrail.description, config: version.config, clientToken });
      if (!existingId) await onCreated(upserted.id, upserted.arn);
      return publisher.createVersion({ guardrailId: upserted.id, arn: upserted.arn, description: `Strata v${version.number}: ${version.message}`, clientToken });
    },
  );
}
