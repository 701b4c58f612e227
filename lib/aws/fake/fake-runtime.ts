import { AwsFault } from "./aws-fault";
import type { Json } from "./fake-state";

// Runtime Converse: a deterministic, clearly labelled echo — never a model answer.
export function converse(modelId: string, body: Json) {
  const messages = (body.messages as { role: string; content: { text?: string }[] }[] | undefined) ?? [];
  if (!messages.length) throw new AwsFault(400, "ValidationException", "A conversation must start with a user message.");
  const last = messages[messages.length - 1]!;
  const lastText = last.content.map((c) => c.text ?? "").join(" ");
  const system = ((body.system as { text?: string }[] | undefined) ?? []).map((s) => s.text ?? "").join(" ");
  const allText = [system, ...messages.flatMap((m) => m.content.map((c) => c.text ?? ""))].join(" ");
  const maxTokens = Number((body.inferenceConfig as Json | undefined)?.maxTokens ?? 512);
  const answerWords = `[fake-bedrock] echo: ${lastText}`.split(/\s+/);
  const truncated = answerWords.length > maxTokens;
  const answer = answerWords.slice(0, maxTokens).join(" ");
  const inputTokens = allText.split(/\s+/).filter(Boolean).length;
  const outputTokens = answer.split(/\s+/).filter(Boolean).length;
  return {
    status: 200,
    body: {
      output: { message: { role: "assistant", content: [{ text: answer }] } },
      stopReason: truncated ? "max_tokens" : "end_turn",
      usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
      metrics: { latencyMs: 5 + (inputTokens % 20) },
      additionalModelResponseFields: { fakeModelId: modelId },
    },
  };
}
