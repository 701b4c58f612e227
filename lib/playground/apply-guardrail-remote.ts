import { awsAppError, toAwsFailure } from "@/lib/aws/errors";
import { awsFor } from "@/lib/aws/for-connection";
import type { GuardrailRunResult } from "@/lib/aws/guardrail-runner";
import { connectionConfigFor } from "@/lib/aws-connections/queries";
import type { ServiceContext } from "@/lib/context";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { findPublished } from "@/lib/publishing/queries";
import { remoteGuardrailSchema } from "./schemas";

export type RemoteGuardrailRun = GuardrailRunResult & { environment: string; bedrockId: string; bedrockVersion: string };

/** Runs Bedrock ApplyGuardrail on the version published to an environment and returns its assessments. */
export async function applyGuardrailRemote(ctx: ServiceContext, input: unknown): Promise<RemoteGuardrailRun> {
  authorize(ctx.actor, "guardrail:test");
  const data = parseInput(remoteGuardrailSchema, input);
  const version = await ctx.db.guardrailVersion.findUnique({
    where: { guardrailId_number: { guardrailId: data.guardrailId, number: data.versionNumber } },
    select: { id: true },
  });
  if (!version) throw notFound(`Version ${data.versionNumber} of this guardrail`);
  const availability = awsFor(data.environment, await connectionConfigFor(ctx.db, data.environment));
  if (!availability.available) throw new AppError("CONFLICT", `Bedrock's test bench is unavailable: ${availability.reason}`);
  try {
    const published = await findPublished(ctx.db, "guardrail", version.id, data.environment);
    if (!published?.bedrockId || !published.bedrockVersion) {
      throw new AppError("CONFLICT", `Version ${data.versionNumber} is not published to ${data.environment}: publish it first, then test it in Bedrock.`);
    }
    try {
      const result = await availability.aws.guardrailRunner.apply({ guardrailId: published.bedrockId, version: published.bedrockVersion, source: data.source, text: data.text });
      return { ...result, environment: data.environment, bedrockId: published.bedrockId, bedrockVersion: published.bedrockVersion };
    } catch (error) {
      throw awsAppError(`ApplyGuardrail in ${data.environment} failed`, toAwsFailure(error));
    }
  } finally {
    availability.close();
  }
}
