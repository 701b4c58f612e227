import { ConverseCommand, type BedrockRuntimeClient, type Message } from "@aws-sdk/client-bedrock-runtime";

// Running a rendered prompt through a model. The console asks "answer this conversation with
// that model"; the AWS implementation is Bedrock Runtime Converse.

export type ModelRunInput = {
  modelId: string;
  system?: string;
  messages: { role: "user" | "assistant"; text: string }[];
  inference?: { temperature?: number; topP?: number; maxTokens?: number; stopSequences?: string[] };
  /** Ties the call to a use case in Bedrock's invocation logs. */
  requestMetadata?: Record<string, string>;
};

export type ModelRunResult = {
  answer: string;
  stopReason: string;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** Bedrock's own measure (metrics.latencyMs). */
  modelLatencyMs: number | null;
  /** Wall clock around the call, retries included. */
  elapsedMs: number;
};

export interface ModelRunner {
  run(input: ModelRunInput): Promise<ModelRunResult>;
}

export function awsModelRunner(runtime: BedrockRuntimeClient): ModelRunner {
  return {
    async run(input) {
      const inference = input.inference ?? {};
      const messages: Message[] = input.messages.map((m) => ({ role: m.role, content: [{ text: m.text }] }));
      const started = performance.now();
      const out = await runtime.send(
        new ConverseCommand({
          modelId: input.modelId,
          messages,
          ...(input.system ? { system: [{ text: input.system }] } : {}),
          inferenceConfig: {
            ...(inference.temperature === undefined ? {} : { temperature: inference.temperature }),
            ...(inference.topP === undefined ? {} : { topP: inference.topP }),
            ...(inference.maxTokens === undefined ? {} : { maxTokens: inference.maxTokens }),
            ...(inference.stopSequences?.length ? { stopSequences: inference.stopSequences } : {}),
          },
          ...(input.requestMetadata ? { requestMetadata: input.requestMetadata } : {}),
        }),
      );
      const elapsedMs = Math.round(performance.now() - started);
      const answer = (out.output?.message?.content ?? []).map((block) => ("text" in block && block.text ? block.text : "")).join("");
      return {
        answer,
        stopReason: out.stopReason ?? "unknown",
        inputTokens: out.usage?.inputTokens ?? 0,
        outputTokens: out.usage?.outputTokens ?? 0,
        totalTokens: out.usage?.totalTokens ?? 0,
        modelLatencyMs: out.metrics?.latencyMs ?? null,
        elapsedMs,
      };
    },
  };
}
