import { awsAppError, toAwsFailure } from "@/lib/aws/errors";
import { awsFor } from "@/lib/aws/for-connection";
import type { ModelRunResult } from "@/lib/aws/model-runner";
import { connectionConfigFor } from "@/lib/aws-connections/queries";
import type { ServiceContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { getPromptOrThrow } from "@/lib/prompts/queries";
import { renderPrompt } from "@/lib/prompts/render-prompt";
import { runPromptSchema } from "./schemas";

export type PlaygroundRun = ModelRunResult & {
  environment: string;
  modelId: string;
  rendered: { system: string; messages: { role: "user" | "assistant"; text: string }[] };
};

/**
 * Renders a prompt version (or the draft) with the given variables and runs it through the
 * environment's Bedrock Converse. Without a connection it refuses and says why: the playground
 * never makes up an answer. A read for Strata's data, so nothing is audited.
 */
export async function runPrompt(ctx: ServiceContext, input: unknown): Promise<PlaygroundRun> {
  const data = parseInput(runPromptSchema, input);
  const prompt = await getPromptOrThrow(ctx, data.promptId);
  authorize(ctx.actor, "prompt:run", { teamId: prompt.useCase.team.id });
  const rendered = await renderPrompt(ctx, data.promptId, data.version, { variables: data.variables });

  const availability = awsFor(data.environment, await connectionConfigFor(ctx.db, data.environment));
  if (!availability.available) {
    throw new AppError("CONFLICT", `The playground cannot run this prompt: ${availability.reason} Strata does not simulate model answers.`);
  }
  const messages = rendered.type === "TEXT" ? [{ role: "user" as const, text: rendered.text }] : rendered.messages;
  const system = rendered.type === "CHAT" ? rendered.system : "";
  try {
    const result = await availability.aws.modelRunner.run({
      modelId: rendered.modelId,
      system,
      messages,
      inference: rendered.inference,
      requestMetadata: { "strata-prompt": prompt.id, "strata-use-case": prompt.useCase.slug },
    });
    return { ...result, environment: data.environment, modelId: rendered.modelId, rendered: { system, messages } };
  } catch (error) {
    throw awsAppError(`Running the prompt on ${rendered.modelId} in ${data.environment} failed`, toAwsFailure(error));
  } finally {
    availability.close();
  }
}
