import type { PromptContent } from "@/lib/prompts/schemas";
import { resolveVariables, type ChatMessage, type TemplateContent, type VariableSpec } from "@/lib/prompts/template";

/** What the editor holds: numbers as typed (so "0." can be typed), stop sequences one per line. */
export type EditorState = {
  description: string;
  type: "TEXT" | "CHAT";
  template: string;
  system: string;
  messages: ChatMessage[];
  variables: VariableSpec[];
  modelId: string;
  temperature: string;
  topP: string;
  maxTokens: string;
  stopSequences: string;
};

const num = (s: string) => (s.trim() === "" ? undefined : Number(s));
const str = (n: number | undefined) => (n === undefined ? "" : String(n));

export function fromContent(content: PromptContent, description: string): EditorState {
  return {
    description,
    type: content.type,
    template: content.type === "TEXT" ? content.template : "",
    system: content.type === "CHAT" ? content.system : "",
    messages: content.type === "CHAT" ? content.messages : [{ role: "user", text: "" }],
    variables: content.variables,
    modelId: content.modelId,
    temperature: str(content.inference.temperature),
    topP: str(content.inference.topP),
    maxTokens: str(content.inference.maxTokens),
    stopSequences: content.inference.stopSequences.join("\n"),
  };
}

/** The text parts of the current type, for variable detection and the preview. */
export function templateOf(s: EditorState): TemplateContent {
  return s.type === "TEXT"
    ? { type: "TEXT", template: s.template, variables: s.variables }
    : { type: "CHAT", system: s.system, messages: s.messages, variables: s.variables };
}

/** The draft as the server expects it (updatePromptDraftSchema), with detected variables. */
export function toPayload(s: EditorState) {
  const { variables } = resolveVariables(templateOf(s));
  const text = s.type === "TEXT" ? { type: "TEXT" as const, template: s.template } : { type: "CHAT" as const, system: s.system, messages: s.messages };
  const inference = {
    temperature: num(s.temperature),
    topP: num(s.topP),
    maxTokens: num(s.maxTokens),
    stopSequences: s.stopSequences.split("\n").map((x) => x.trim()).filter(Boolean),
  };
  return { ...text, description: s.description, variables, modelId: s.modelId, inference: Object.fromEntries(Object.entries(inference).filter(([, v]) => v !== undefined)) };
}
