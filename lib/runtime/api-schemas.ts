import { z } from "zod";
import { INT4_MAX } from "@/lib/input-limits";

// The runtime API's response, as documented in OpenAPI and checked by the API tests.

const bedrock = z.object({ id: z.string(), arn: z.string(), version: z.string() }).nullable().describe("Bedrock ids where the version is published in the environment's AWS account; null without a connection");

const variable = z.object({
  name: z.string(),
  type: z.enum(["string", "number", "json"]),
  required: z.boolean(),
  default: z.string().optional(),
  description: z.string(),
});

const prompt = z.object({
  promptId: z.string(),
  name: z.string(),
  version: z.number().int().max(INT4_MAX),
  type: z.enum(["TEXT", "CHAT"]),
  template: z.string().optional().describe("TEXT prompts"),
  system: z.string().optional().describe("CHAT prompts"),
  messages: z.array(z.object({ role: z.enum(["user", "assistant"]), text: z.string() })).optional().describe("CHAT prompts"),
  variables: z.array(variable),
  modelId: z.string(),
  inferenceParameters: z.object({ temperature: z.number().optional(), topP: z.number().optional(), maxTokens: z.number().int().max(INT4_MAX).optional(), stopSequences: z.array(z.string()) }),
  bedrock,
});

export const runtimeConfigResponseSchema = z.object({
  useCase: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  environment: z.enum(["dev", "preprod", "prod"]),
  release: z.object({ id: z.string(), number: z.number().int().max(INT4_MAX) }),
  deploymentId: z.string().describe("The deployment that resolved this configuration (a rollback serves the restored one's)"),
  deployedAt: z.iso.datetime(),
  model: z.object({ id: z.string() }),
  prompts: z.record(z.string(), prompt).describe("Pinned prompt versions by the role name the application asks for"),
  guardrail: z.object({ id: z.string(), name: z.string(), version: z.number().int().max(INT4_MAX), bedrock }).nullable(),
  knowledgeBaseIds: z.array(z.string()),
});

export const healthResponseSchema = z.object({ status: z.literal("ok") });
