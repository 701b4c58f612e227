import { createHash } from "node:crypto";
import type { AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import type { PromptContent } from "@/lib/prompts/schemas";

// The runtime configuration an application reads (GET /api/v1/runtime/{slug}): resolved once,
// when a release is deployed, and stored on the Deployment. Pinned versions never change, so
// neither does it; the API serves it as stored.

export type BedrockIds = { id: string; arn: string; version: string };

type PromptVariable = PromptContent["variables"][number];

export type RuntimePrompt = {
  promptId: string;
  name: string;
  version: number;
  type: PromptContent["type"];
  /** TEXT prompts. */
  template?: string;
  /** CHAT prompts: the system text and the message templates. */
  system?: string;
  messages?: { role: string; text: string }[];
  variables: PromptVariable[];
  modelId: string;
  inferenceParameters: PromptContent["inference"];
  bedrock: BedrockIds | null;
};

export type RuntimeConfig = {
  useCase: { id: string; slug: string; name: string };
  environment: string;
  release: { id: string; number: number };
  deploymentId: string;
  deployedAt: string;
  model: { id: string };
  prompts: Record<string, RuntimePrompt>;
  guardrail: { id: string; name: string; version: number; bedrock: BedrockIds | null } | null;
  knowledgeBaseIds: string[];
};

/** What resolution needs of a release; loaded by lib/deployments/load-release.ts. */
export type ResolvableRelease = {
  id: string;
  number: number;
  modelId: string;
  knowledgeBaseIds: string[];
  useCase: { id: string; slug: string; name: string };
  prompts: { role: string; promptVersion: { id: string; number: number; content: unknown; prompt: { id: string; name: string } } }[];
  guardrailVersion: { id: string; number: number; guardrail: { id: string; name: string } } | null;
};

/** Bedrock ids by Strata version id (prompt and guardrail versions), for the target environment. */
export type PublishedIds = Map<string, BedrockIds>;

function resolvePrompt(p: ResolvableRelease["prompts"][number], published: PublishedIds): RuntimePrompt {
  const content = p.promptVersion.content as PromptContent;
  const body = content.type === "TEXT" ? { template: content.template } : { system: content.system, messages: content.messages };
  return {
    promptId: p.promptVersion.prompt.id,
    name: p.promptVersion.prompt.name,
    version: p.promptVersion.number,
    type: content.type,
    ...body,
    variables: content.variables ?? [],
    modelId: content.modelId,
    inferenceParameters: content.inference,
    bedrock: published.get(p.promptVersion.id) ?? null,
  };
}

export function resolveRuntimeConfig(
  release: ResolvableRelease,
  target: { environment: AwsEnvironmentName; deploymentId: string; deployedAt: Date },
  published: PublishedIds,
): RuntimeConfig {
  const g = release.guardrailVersion;
  return {
    useCase: { id: release.useCase.id, slug: release.useCase.slug, name: release.useCase.name },
    environment: target.environment.toLowerCase(),
    release: { id: release.id, number: release.number },
    deploymentId: target.deploymentId,
    deployedAt: target.deployedAt.toISOString(),
    model: { id: release.modelId },
    prompts: Object.fromEntries([...release.prompts].sort((a, b) => a.role.localeCompare(b.role)).map((p) => [p.role, resolvePrompt(p, published)])),
    guardrail: g ? { id: g.guardrail.id, name: g.guardrail.name, version: g.number, bedrock: published.get(g.id) ?? null } : null,
    knowledgeBaseIds: release.knowledgeBaseIds,
  };
}

/**
 * A strong validator of the exact body bytes: `"` + base64url(sha256(body)) + `"`. The body is
 * the jsonb text PostgreSQL returns for the stored config, so the hash is taken of that text.
 */
export function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body, "utf8").digest("base64url")}"`;
}
