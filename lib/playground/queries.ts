import type { PrismaClient } from "@/lib/generated/prisma/client";
import { configuredEnvironments } from "@/lib/aws-connections/queries";
import { AWS_ENVIRONMENTS } from "@/lib/aws-connections/schemas";
import { authorize, type Actor } from "@/lib/permissions";
import { getPromptOrThrow, getPromptVersionOrThrow } from "@/lib/prompts/queries";

type Reader = { db: PrismaClient; actor: Actor };

/** What the playground form needs: the variables to fill, the model, and where it can run. */
export async function playgroundSetup(reader: Reader, promptId: string, version: number | "draft") {
  const prompt = await getPromptOrThrow(reader, promptId);
  const content = (version === "draft" ? prompt.draft : (await getPromptVersionOrThrow(reader, promptId, version)).content) as {
    variables?: { name: string; required?: boolean; default?: string; description?: string; type?: string }[];
    modelId?: string;
  };
  return {
    variables: (content.variables ?? []).map((v) => ({ name: v.name, required: v.required ?? true, default: v.default ?? null, description: v.description ?? "", type: v.type ?? "string" })),
    modelId: content.modelId ?? "",
    environments: await configuredEnvironments(reader.db),
  };
}

/** Per environment: connected, and the Bedrock version this Strata version was published as. */
export async function remoteBenchSetup({ db, actor }: Reader, guardrailId: string, versionNumber: number) {
  authorize(actor, "guardrail:test");
  const version = await db.guardrailVersion.findUnique({ where: { guardrailId_number: { guardrailId, number: versionNumber } }, select: { id: true } });
  const [connected, publications] = await Promise.all([
    configuredEnvironments(db),
    version ? db.bedrockPublication.findMany({ where: { resourceType: "guardrail", versionId: version.id, status: "PUBLISHED" } }) : Promise.resolve([]),
  ]);
  return AWS_ENVIRONMENTS.map((environment) => ({
    environment,
    connected: connected.includes(environment),
    bedrockVersion: publications.find((p) => p.environment === environment)?.bedrockVersion ?? null,
  }));
}
