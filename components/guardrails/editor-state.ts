import { CONTENT_FILTER_TYPES, PII_ENTITY_TYPES, type GuardrailConfig } from "@/lib/guardrails/schemas";
import { fieldErrors } from "@/lib/errors";
import type { z } from "zod";

// The editor works on a flat, form-friendly state; toConfig() turns it into Bedrock's shape,
// leaving out policies with nothing configured (Bedrock refuses an empty policy).

type Strength = "NONE" | "LOW" | "MEDIUM" | "HIGH";
type Action = "BLOCK" | "ANONYMIZE" | "NONE";
export type TopicRow = { name: string; definition: string; examples: string };
export type RegexRow = { name: string; description: string; pattern: string; action: Action };
export type EditorState = {
  topics: TopicRow[];
  filters: Record<string, { inputStrength: Strength; outputStrength: Strength }>;
  words: string;
  profanity: boolean;
  pii: Record<string, Action | "OFF">;
  regexes: RegexRow[];
  grounding: { GROUNDING: string; RELEVANCE: string };
  blockedInputMessaging: string;
  blockedOutputsMessaging: string;
};

export function fromConfig(c: GuardrailConfig): EditorState {
  const filters = Object.fromEntries(CONTENT_FILTER_TYPES.map((t) => {
    const f = c.contentPolicy?.filters.find((x) => x.type === t);
    return [t, { inputStrength: f?.inputStrength ?? "NONE", outputStrength: f?.outputStrength ?? "NONE" }];
  }));
  const pii = Object.fromEntries(PII_ENTITY_TYPES.map((t) => [t, c.sensitiveInformationPolicy?.piiEntities.find((p) => p.type === t)?.action ?? "OFF"]));
  const threshold = (type: string) => c.contextualGroundingPolicy?.filters.find((f) => f.type === type)?.threshold;
  return {
    topics: (c.topicPolicy?.topics ?? []).map((t) => ({ name: t.name, definition: t.definition, examples: t.examples.join("\n") })),
    filters,
    words: (c.wordPolicy?.words ?? []).map((w) => w.text).join("\n"),
    profanity: Boolean(c.wordPolicy?.managedWordLists.some((l) => l.type === "PROFANITY")),
    pii: pii as EditorState["pii"],
    regexes: (c.sensitiveInformationPolicy?.regexes ?? []).map((r) => ({ ...r })),
    grounding: { GROUNDING: String(threshold("GROUNDING") ?? ""), RELEVANCE: String(threshold("RELEVANCE") ?? "") },
    blockedInputMessaging: c.blockedInputMessaging,
    blockedOutputsMessaging: c.blockedOutputsMessaging,
  };
}

const lines = (s: string) => s.split("\n").map((l) => l.trim()).filter(Boolean);

/** Bedrock's shape, unvalidated: the schema decides (client-side and again on the server). */
export function toConfig(s: EditorState): Record<string, unknown> {
  const filters = Object.entries(s.filters).filter(([, f]) => f.inputStrength !== "NONE" || f.outputStrength !== "NONE").map(([type, f]) => ({ type, ...f }));
  const words = lines(s.words).map((text) => ({ text }));
  const piiEntities = Object.entries(s.pii).filter(([, a]) => a !== "OFF").map(([type, action]) => ({ type, action }));
  const grounding = (["GROUNDING", "RELEVANCE"] as const).filter((t) => s.grounding[t].trim() !== "").map((type) => ({ type, threshold: Number(s.grounding[type]) }));
  return {
    ...(s.topics.length ? { topicPolicy: { topics: s.topics.map((t) => ({ name: t.name, definition: t.definition, examples: lines(t.examples), type: "DENY" })) } } : {}),
    ...(filters.length ? { contentPolicy: { filters } } : {}),
    ...(words.length || s.profanity ? { wordPolicy: { words, managedWordLists: s.profanity ? [{ type: "PROFANITY" }] : [] } } : {}),
    ...(piiEntities.length || s.regexes.length ? { sensitiveInformationPolicy: { piiEntities, regexes: s.regexes } } : {}),
    ...(grounding.length ? { contextualGroundingPolicy: { filters: grounding } } : {}),
    blockedInputMessaging: s.blockedInputMessaging,
    blockedOutputsMessaging: s.blockedOutputsMessaging,
  };
}

/** Errors keyed by their full path without the leading "config." (e.g. "sensitiveInformationPolicy.regexes.2.pattern"). */
export function errorsByPath(fields: { field: string; message: string }[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.field.replace(/^config\./, "")] ??= f.message;
  return out;
}

export function checkByPath(schema: z.ZodType, value: unknown): Record<string, string> | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : errorsByPath(fieldErrors(parsed.error));
}

export type SectionProps = { state: EditorState; set: (next: Partial<EditorState>) => void; errors: Record<string, string>; readOnly: boolean };
