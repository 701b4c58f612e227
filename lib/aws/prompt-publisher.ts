import {
  CreatePromptCommand,
  CreatePromptVersionCommand,
  UpdatePromptCommand,
  type PromptVariant,
  type BedrockAgentClient,
} from "@aws-sdk/client-bedrock-agent";

// Publishing a Strata prompt version to Bedrock Prompt Management. The console asks "put this
// content in that prompt and snapshot it", not "UpdatePrompt + CreatePromptVersion".

export type PublishablePrompt = {
  name: string;
  description: string;
  /** The version's content as Strata stores it (lib/prompts/schemas.ts PromptContent). */
  content: unknown;
};

export type PublishedPrompt = { id: string; arn: string; version: string };

export interface PromptPublisher {
  /** Creates the Bedrock prompt (idempotent on clientToken) or replaces the DRAFT of an existing one. */
  upsertPrompt(input: PublishablePrompt & { existingId?: string | null; clientToken: string }): Promise<{ id: string; arn: string }>;
  /** Snapshots the DRAFT as a numbered version. The same client token returns the same version. */
  createVersion(input: { promptId: string; description: string; clientToken: string }): Promise<PublishedPrompt>;
}

type Content = {
  type?: string;
  template?: string;
  system?: string;
  messages?: { role?: string; text?: string }[];
  variables?: { name?: string }[];
  modelId?: string;
  inference?: { temperature?: number; topP?: number; maxTokens?: number; stopSequences?: string[] };
};

/** Strata's content → Bedrock's single variant. Read defensively: content is stored JSON. */
export function toBedrockVariant(raw: unknown): PromptVariant {
  const c = (raw ?? {}) as Content;
  const inputVariables = (c.variables ?? []).filter((v) => v.name).map((v) => ({ name: v.name! }));
  const inference = c.inference ?? {};
  const text = {
    ...(inference.temperature === undefined ? {} : { temperature: inference.temperature }),
    ...(inference.topP === undefined ? {} : { topP: inference.topP }),
    ...(inference.maxTokens === undefined ? {} : { maxTokens: inference.maxTokens }),
    ...(inference.stopSequences?.length ? { stopSequences: inference.stopSequences.slice(0, 4) } : {}),
  };
  const common = { name: "default", modelId: c.modelId, inferenceConfiguration: { text }, metadata: [{ key: "source", value: "strata" }] };
  if (c.type === "CHAT") {
    return {
      ...common,
      templateType: "CHAT",
      templateConfiguration: {
        chat: {
          messages: (c.messages ?? []).map((m) => ({ role: m.role === "assistant" ? "assistant" : "user", content: [{ text: m.text ?? "" }] })),
          ...(c.system ? { system: [{ text: c.system }] } : {}),
          inputVariables,
        },
      },
    };
  }
  return { ...common, templateType: "TEXT", templateConfiguration: { text: { text: c.template ?? "", inputVariables } } };
}

export function awsPromptPublisher(agent: BedrockAgentClient): PromptPublisher {
  return {
    async upsertPrompt({ existingId, name, description, content, clientToken }) {
      const body = {
        name,
        ...(description ? { description: description.slice(0, 200) } : {}),
        defaultVariant: "default",
        variants: [toBedrockVariant(content)],
      };
      const out = existingId
        ? await agent.send(new UpdatePromptCommand({ promptIdentifier: existingId, ...body }))
        : await agent.send(new CreatePromptCommand({ ...body, clientToken }));
      return { id: out.id!, arn: out.arn! };
    },
    async createVersion({ promptId, description, clientToken }) {
      const out = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: promptId, description: description.slice(0, 200) || undefined, clientToken }));
      return { id: out.id!, arn: out.arn!, version: out.version! };
    },
  };
}
