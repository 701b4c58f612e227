import {
  CreateGuardrailCommand,
  CreateGuardrailVersionCommand,
  UpdateGuardrailCommand,
  type BedrockClient,
  type CreateGuardrailRequest,
} from "@aws-sdk/client-bedrock";

// Publishing a Strata guardrail version to Bedrock Guardrails. Strata stores the config in
// Bedrock's output vocabulary (topicPolicy.topics, …); the API takes the input names
// (topicPolicyConfig.topicsConfig, …), so this maps one onto the other.

export type PublishableGuardrail = { name: string; description: string; config: unknown };
export type PublishedGuardrail = { id: string; arn: string; version: string };

export interface GuardrailPublisher {
  upsertGuardrail(input: PublishableGuardrail & { existingId?: string | null; clientToken: string }): Promise<{ id: string; arn: string }>;
  createVersion(input: { guardrailId: string; arn: string; description: string; clientToken: string }): Promise<PublishedGuardrail>;
}

type Config = {
  topicPolicy?: { topics?: { name: string; definition: string; examples?: string[]; type?: string }[] };
  contentPolicy?: { filters?: { type: string; inputStrength: string; outputStrength: string }[] };
  wordPolicy?: { words?: { text: string }[]; managedWordLists?: { type: string }[] };
  sensitiveInformationPolicy?: { piiEntities?: { type: string; action: string }[]; regexes?: { name: string; description?: string; pattern: string; action: string }[] };
  contextualGroundingPolicy?: { filters?: { type: string; threshold: number }[] };
  blockedInputMessaging?: string;
  blockedOutputsMessaging?: string;
};

const nonEmpty = <T>(items: T[] | undefined): items is T[] => Array.isArray(items) && items.length > 0;

/** Strata's guardrail config (output names) → CreateGuardrail/UpdateGuardrail input fields. */
export function toGuardrailRequest(raw: unknown): Omit<CreateGuardrailRequest, "name" | "clientRequestToken"> {
  const c = (raw ?? {}) as Config;
  const req: Record<string, unknown> = {
    blockedInputMessaging: c.blockedInputMessaging || "Sorry, this request was blocked by a guardrail.",
    blockedOutputsMessaging: c.blockedOutputsMessaging || "Sorry, the response was blocked by a guardrail.",
  };
  if (nonEmpty(c.topicPolicy?.topics)) {
    req.topicPolicyConfig = { topicsConfig: c.topicPolicy.topics.map((t) => ({ name: t.name, definition: t.definition, examples: t.examples ?? [], type: "DENY" })) };
  }
  if (nonEmpty(c.contentPolicy?.filters)) {
    req.contentPolicyConfig = { filtersConfig: c.contentPolicy.filters.map((f) => ({ type: f.type, inputStrength: f.inputStrength, outputStrength: f.outputStrength })) };
  }
  if (nonEmpty(c.wordPolicy?.words) || nonEmpty(c.wordPolicy?.managedWordLists)) {
    req.wordPolicyConfig = {
      ...(nonEmpty(c.wordPolicy?.words) ? { wordsConfig: c.wordPolicy.words.map((w) => ({ text: w.text })) } : {}),
      ...(nonEmpty(c.wordPolicy?.managedWordLists) ? { managedWordListsConfig: c.wordPolicy.managedWordLists.map((l) => ({ type: l.type })) } : {}),
    };
  }
  const sip = c.sensitiveInformationPolicy;
  if (nonEmpty(sip?.piiEntities) || nonEmpty(sip?.regexes)) {
    req.sensitiveInformationPolicyConfig = {
      ...(nonEmpty(sip?.piiEntities) ? { piiEntitiesConfig: sip.piiEntities.map((p) => ({ type: p.type, action: p.action })) } : {}),
      ...(nonEmpty(sip?.regexes)
        ? { regexesConfig: sip.regexes.map((r) => ({ name: r.name, pattern: r.pattern, action: r.action, ...(r.description ? { description: r.description } : {}) })) }
        : {}),
    };
  }
  if (nonEmpty(c.contextualGroundingPolicy?.filters)) {
    req.contextualGroundingPolicyConfig = { filtersConfig: c.contextualGroundingPolicy.filters.map((f) => ({ type: f.type, threshold: f.threshold })) };
  }
  return req as Omit<CreateGuardrailRequest, "name" | "clientRequestToken">;
}

export function awsGuardrailPublisher(bedrock: BedrockClient): GuardrailPublisher {
  return {
    async upsertGuardrail({ existingId, name, description, config, clientToken }) {
      const body = { name, ...(description ? { description: description.slice(0, 200) } : {}), ...toGuardrailRequest(config) };
      if (existingId) {
        const out = await bedrock.send(new UpdateGuardrailCommand({ guardrailIdentifier: existingId, ...body }));
        return { id: out.guardrailId!, arn: out.guardrailArn! };
      }
      const out = await bedrock.send(new CreateGuardrailCommand({ ...body, clientRequestToken: clientToken }));
      return { id: out.guardrailId!, arn: out.guardrailArn! };
    },
    async createVersion({ guardrailId, arn, description, clientToken }) {
      const out = await bedrock.send(new CreateGuardrailVersionCommand({ guardrailIdentifier: guardrailId, description: description.slice(0, 200) || undefined, clientRequestToken: clientToken }));
      return { id: out.guardrailId!, arn, version: out.version! };
    },
  };
}
