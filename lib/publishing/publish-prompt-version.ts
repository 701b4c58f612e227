import type { ServiceContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { runPublication } from "./run-publication";
import { bedrockName, publishSchema } from "./schemas";

/** Publishes one Strata prompt version to Bedrock Prompt Management in an environment. */
export async function publishPromptVersion(ctx: ServiceContext, input: unknown) {
  const { versionId, environment } = parseInput(publishSchema, input);
  const version = await ctx.db.promptVersion.findUnique({
    where: { id: versionId },
    include: { prompt: { select: { id: true, name: true, description: true, useCase: { select: { teamId: true, slug: true } } } } },
  });
  if (!version) throw notFound("Prompt version");
  authorize(ctx.actor, "prompt:publish", { teamId: version.prompt.useCase.teamId });
  const { prompt } = version;
  return runPublication(
    ctx,
    { resourceType: "prompt", resourceId: prompt.id, versionId, versionNumber: version.number, environment, label: `prompt ${prompt.name} v${version.number}` },
    async (aws, { clientToken, existingId, onCreated }) => {
      const publisher = aws.promptPublisher;
      const name = bedrockName(prompt.useCase.slug, prompt.name, prompt.id, 100);
      const upserted = await publisher.upsertPrompt({ existingId, name, description: prompt.description, content: version.content, clientToken });
      if (!existingId) await onCreated(upserted.id, upserted.arn);
      return publisher.createVersion({ promptId: upserted.id, description: `Strata v${version.number}: ${version.message}`, clientToken });
    },
  );
}
