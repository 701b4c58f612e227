import { z } from "zod";
import { INT4_MAX, INT4_MESSAGE } from "@/lib/input-limits";
import safeRegex from "safe-regex2";

// Bedrock's own vocabulary (the GetGuardrail output names) and Bedrock's limits, shared by the
// editor form and the services. A config that passes here is one CreateGuardrail would accept,
// except for regex dialect differences: patterns are checked with JavaScript's RegExp.
export const TOPIC_TYPES = ["DENY"] as const;
export const CONTENT_FILTER_TYPES = ["SEXUAL", "VIOLENCE", "HATE", "INSULTS", "MISCONDUCT", "PROMPT_ATTACK"] as const;
export const FILTER_STRENGTHS = ["NONE", "LOW", "MEDIUM", "HIGH"] as const;
export const MANAGED_WORD_LISTS = ["PROFANITY"] as const;
export const PII_ENTITY_TYPES = [
  "ADDRESS", "AGE", "AWS_ACCESS_KEY", "AWS_SECRET_KEY", "CREDIT_DEBIT_CARD_NUMBER", "EMAIL", "IP_ADDRESS", "NAME", "PASSWORD",
  "PHONE", "US_SOCIAL_SECURITY_NUMBER", "US_BANK_ACCOUNT_NUMBER", "INTERNATIONAL_BANK_ACCOUNT_NUMBER", "URL", "USERNAME",
] as const;
export const SENSITIVE_ACTIONS = ["BLOCK", "ANONYMIZE", "NONE"] as const;
export const GROUNDING_TYPES = ["GROUNDING", "RELEVANCE"] as const;
export const GUARDRAIL_SOURCES = ["INPUT", "OUTPUT"] as const;

export const LIMITS = {
  topics: 30, topicName: 100, topicDefinition: 200, topicExamples: 5, topicExample: 100,
  words: 10_000, wordText: 100, regexes: 10, regexName: 100, regexDescription: 1000, regexPattern: 500,
  message: 500, guardrailName: 50, guardrailDescription: 200,
  /** Per bench text: bounds evaluation work (see evaluate-locally.ts) and the request size. */
  benchText: 20_000, benchTexts: 20, testCases: 200,
} as const;

const max = (n: number) => `must be at most ${n} characters`;
const text = (n: number, min = 1) => z.string().trim().min(min, "is required").max(n, max(n));

/** Each list may name a key once (Bedrock refuses duplicates); the issue names the duplicate's index. */
function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: "custom", path: [i], message: `${what} "${k}" appears more than once` });
      seen.add(k);
    });
  };
}

/** A pattern must compile and must not be prone to catastrophic backtracking (star height > 1). */
export function regexPatternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, "g");
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, "")})`;
  }
  if (!safeRegex(pattern)) return "may backtrack catastrophically: a quantified group contains another quantifier (e.g. (a+)+, or (?:-\\d{4})? which safe-regex2 also refuses); rewrite it without nesting quantifiers, e.g. as alternatives";
  return undefined;
}

const regexPatternSchema = z
  .string()
  .min(1, "is required")
  .max(LIMITS.regexPattern, max(LIMITS.regexPattern))
  .superRefine((pattern, ctx) => {
    const problem = regexPatternProblem(pattern);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const topicSchema = z.object({
  name: text(LIMITS.topicName).regex(/^[0-9a-zA-Z\-_ !?.]+$/, "may contain letters, digits, spaces and - _ ! ? ."),
  definition: text(LIMITS.topicDefinition),
  examples: z.array(text(LIMITS.topicExample)).max(LIMITS.topicExamples, `at most ${LIMITS.topicExamples} examples`).default([]),
  type: z.enum(TOPIC_TYPES, "must be DENY"),
}).strict();

export const contentFilterSchema = z.object({
  type: z.enum(CONTENT_FILTER_TYPES, `must be one of ${CONTENT_FILTER_TYPES.join(", ")}`),
  inputStrength: z.enum(FILTER_STRENGTHS, "must be NONE, LOW, MEDIUM or HIGH"),
  outputStrength: z.enum(FILTER_STRENGTHS, "must be NONE, LOW, MEDIUM or HIGH"),
}).strict().refine((f) => f.type !== "PROMPT_ATTACK" || f.outputStrength === "NONE", {
  path: ["outputStrength"], message: "must be NONE for PROMPT_ATTACK (Bedrock applies prompt-attack filtering to input only)",
});

export const regexConfigSchema = z.object({
  name: text(LIMITS.regexName),
  description: z.string().trim().max(LIMITS.regexDescription, max(LIMITS.regexDescription)).default(""),
  pattern: regexPatternSchema,
  action: z.enum(SENSITIVE_ACTIONS, "must be BLOCK, ANONYMIZE or NONE"),
}).strict();

export const piiEntitySchema = z.object({
  type: z.enum(PII_ENTITY_TYPES, "is not a PII entity type Bedrock knows"),
  action: z.enum(SENSITIVE_ACTIONS, "must be BLOCK, ANONYMIZE or NONE"),
}).strict();

export const groundingFilterSchema = z.object({
  type: z.enum(GROUNDING_TYPES, "must be GROUNDING or RELEVANCE"),
  threshold: z.number("must be a number").min(0, "must be between 0 and 1").max(1, "must be between 0 and 1"),
}).strict();

export const guardrailConfigSchema = z.object({
  topicPolicy: z.object({
    topics: z.array(topicSchema).min(1, "at least 1 topic (or remove the topic policy)").max(LIMITS.topics, `at most ${LIMITS.topics} topics`)
      .superRefine(uniqueBy((t) => t.name.toLowerCase(), "Topic")),
  }).strict().optional(),
  contentPolicy: z.object({
    filters: z.array(contentFilterSchema).min(1, "at least 1 filter (or remove the content policy)").max(CONTENT_FILTER_TYPES.length)
      .superRefine(uniqueBy((f) => f.type, "Filter")),
  }).strict().optional(),
  wordPolicy: z.object({
    words: z.array(z.object({ text: text(LIMITS.wordText) }).strict()).max(LIMITS.words, `at most ${LIMITS.words} words`).default([])
      .superRefine(uniqueBy((w) => w.text.toLowerCase(), "Word")),
    managedWordLists: z.array(z.object({ type: z.enum(MANAGED_WORD_LISTS, "must be PROFANITY") }).strict()).max(1).default([]),
  }).strict().refine((p) => p.words.length + p.managedWordLists.length > 0, "needs a word or the PROFANITY list (or remove the word policy)").optional(),
  sensitiveInformationPolicy: z.object({
    piiEntities: z.array(piiEntitySchema).max(PII_ENTITY_TYPES.length).default([]).superRefine(uniqueBy((p) => p.type, "PII entity")),
    regexes: z.array(regexConfigSchema).max(LIMITS.regexes, `at most ${LIMITS.regexes} regexes (Bedrock's limit)`).default([])
      .superRefine(uniqueBy((r) => r.name, "Regex name")),
  }).strict().refine((p) => p.piiEntities.length + p.regexes.length > 0, "needs a PII entity or a regex (or remove the policy)").optional(),
  contextualGroundingPolicy: z.object({
    filters: z.array(groundingFilterSchema).min(1, "at least 1 filter").max(2).superRefine(uniqueBy((f) => f.type, "Grounding filter")),
  }).strict().optional(),
  blockedInputMessaging: text(LIMITS.message),
  blockedOutputsMessaging: text(LIMITS.message),
}).strict();

export type GuardrailConfig = z.output<typeof guardrailConfigSchema>;
export type GuardrailConfigInput = z.input<typeof guardrailConfigSchema>;
export type GuardrailSource = (typeof GUARDRAIL_SOURCES)[number];

export const DEFAULT_CONFIG: GuardrailConfig = {
  blockedInputMessaging: "Sorry, this request was blocked by a guardrail.",
  blockedOutputsMessaging: "Sorry, the response was blocked by a guardrail.",
};

const nameSchema = z.string().trim().min(1, "is required").max(LIMITS.guardrailName, max(LIMITS.guardrailName))
  .regex(/^[0-9a-zA-Z_-]+$/, "may contain letters, digits, - and _ (Bedrock's rule for guardrail names)");

export const createGuardrailSchema = z.object({
  useCaseId: z.string().trim().min(1, "choose a use case"),
  name: nameSchema,
  description: z.string().trim().max(LIMITS.guardrailDescription, max(LIMITS.guardrailDescription)).default(""),
  config: guardrailConfigSchema.default(DEFAULT_CONFIG),
}).strict();

export const updateDraftSchema = z.object({ config: guardrailConfigSchema }).strict();

export const createVersionSchema = z.object({ message: text(500) }).strict();

export const testCaseSchema = z.object({
  name: text(100),
  source: z.enum(GUARDRAIL_SOURCES, "must be INPUT or OUTPUT"),
  text: z.string().min(1, "is required").max(LIMITS.benchText, max(LIMITS.benchText)),
  expectIntervention: z.boolean("must be true, false or null").nullable().default(null),
}).strict();

/** DRAFT, or a version number. */
export const benchTargetSchema = z.union([z.literal("DRAFT"), z.number().int().min(1, "must be DRAFT or a version number ≥ 1").max(INT4_MAX, INT4_MESSAGE)], "must be DRAFT or a version number");

export const benchInputSchema = z.object({
  target: benchTargetSchema,
  texts: z.array(z.object({
    source: z.enum(GUARDRAIL_SOURCES, "must be INPUT or OUTPUT"),
    text: z.string().min(1, "is required").max(LIMITS.benchText, max(LIMITS.benchText)),
  }).strict()).max(LIMITS.benchTexts, `at most ${LIMITS.benchTexts} texts at a time`).default([]),
  runSavedCases: z.boolean().default(false),
}).strict().refine((b) => b.texts.length > 0 || b.runSavedCases, { path: ["texts"], message: "enter a text or run the saved test cases" });

export type BenchInput = z.input<typeof benchInputSchema>;
