import { z } from "zod";
import { INT4_MAX, INT4_MESSAGE, jsonObjectSchema } from "@/lib/input-limits";
import { coerceValue, tokenize, VARIABLE_NAME, VARIABLE_TYPES } from "./template";

// Shared by the prompt editor (client-side checks) and the services. The vocabulary and limits
// are Bedrock Prompt Management's (TEXT/CHAT, templateConfiguration, inferenceConfiguration),
// so a version can be published as it is.

export const PROMPT_TYPES = ["TEXT", "CHAT"] as const;
export type PromptType = (typeof PROMPT_TYPES)[number];
export const MESSAGE_ROLES = ["user", "assistant"] as const;
export { VARIABLE_TYPES };

const TEXT_LIMIT = 200_000;
/** PromptModelInferenceConfiguration: maxTokens 0–4096; 0 would generate nothing, so from 1. */
export const MAX_TOKENS_LIMIT = 4096;

/** Syntax errors of one template field, with line and column, on that field. */
const templateText = (max: number) =>
  z
    .string("must be text")
    .max(max, `must be at most ${max} characters`)
    .superRefine((text, ctx) => {
      for (const e of tokenize(text).errors) ctx.addIssue({ code: "custom", message: e.message });
    });

export const variableSchema = z
  .object({
    name: z.string().regex(VARIABLE_NAME, "must start with a letter or _ and have only letters, digits, _ and - (at most 100)"),
    type: z.enum(VARIABLE_TYPES, "must be string, number or json").default("string"),
    required: z.boolean("must be true or false").default(true),
    default: z.string("must be text").max(10_000, "must be at most 10000 characters").optional(),
    description: z.string().trim().max(500, "must be at most 500 characters").default(""),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.default === undefined) return;
    const coerced = coerceValue(v.type, v.default);
    if (!coerced.ok) ctx.addIssue({ code: "custom", path: ["default"], message: `${coerced.message} (the variable is a ${v.type})` });
  });

export const inferenceSchema = z
  .object({
    temperature: z.number("must be a number").min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").optional(),
    topP: z.number("must be a number").min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").optional(),
    maxTokens: z.number("must be a number").int("must be a whole number").min(1, `must be between 1 and ${MAX_TOKENS_LIMIT}`).max(MAX_TOKENS_LIMIT, `must be between 1 and ${MAX_TOKENS_LIMIT}`).optional(),
    stopSequences: z
      .array(z.string().min(1, "must not be empty").max(100, "must be at most 100 characters"))
      .max(4, "at most 4 stop sequences (Bedrock limit)")
      .default([]),
  })
  .strict();

/** Bedrock model ids (`amazon.nova-lite-v1:0`, `us.anthropic.claude-…-v2:0`) or a model/profile ARN. */
export const modelIdSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(2048, "must be at most 2048 characters")
  .regex(
    /^(arn:aws(-[a-z]+)*:(bedrock|sagemaker):[a-z0-9-]*:[0-9]{0,12}:[A-Za-z0-9_./:+-]+|([0-9a-z-]{1,63}\.){0,2}[0-9a-z-]{1,63}(:[a-z0-9-]{1,63}){0,2})$/,
    "must be a Bedrock model id such as amazon.nova-lite-v1:0, or a model or inference-profile ARN",
  );

export const messageSchema = z
  .object({
    role: z.enum(MESSAGE_ROLES, "must be user or assistant"),
    text: templateText(TEXT_LIMIT).min(1, "is required"),
  })
  .strict();

const common = {
  variables: z
    .array(variableSchema)
    .max(50, "at most 50 variables")
    .superRefine((vars, ctx) => {
      vars.forEach((v, i) => {
        if (vars.findIndex((w) => w.name === v.name) < i) ctx.addIssue({ code: "custom", path: [i, "name"], message: `"${v.name}" is described twice` });
      });
    })
    .default([]),
  modelId: modelIdSchema,
  inference: inferenceSchema.default({ stopSequences: [] }),
};

const textShape = { type: z.literal("TEXT"), template: templateText(TEXT_LIMIT).min(1, "is required"), ...common };
const chatShape = {
  type: z.literal("CHAT"),
  system: templateText(TEXT_LIMIT).default(""),
  messages: z.array(messageSchema).min(1, "at least one message is required").max(100, "at most 100 messages"),
  ...common,
};

const TYPE_ERROR = { error: "must be TEXT or CHAT" };
const union = <E extends z.core.$ZodLooseShape>(extra: E) =>
  z.discriminatedUnion("type", [z.object({ ...textShape, ...extra }).strict(), z.object({ ...chatShape, ...extra }).strict()], TYPE_ERROR);

/** What the draft (and every version) holds. */
export const promptContentSchema = union({});
export type PromptContent = z.output<typeof promptContentSchema>;
export type PromptContentInput = z.input<typeof promptContentSchema>;

export const promptNameSchema = z
  .string()
  .trim()
  .regex(/^([0-9a-zA-Z][_-]?){1,100}$/, "must be 1–100 letters and digits, optionally separated by single - or _ (Bedrock prompt name rules), e.g. ticket-triage");
const descriptionSchema = z.string().trim().max(200, "must be at most 200 characters");

export const createPromptSchema = union({ useCaseId: z.string().min(1, "is required"), name: promptNameSchema, description: descriptionSchema.default("") });
export type CreatePromptInput = z.input<typeof createPromptSchema>;

/** Like Bedrock's UpdatePrompt: the whole draft every time; the description may change with it. */
export const updatePromptDraftSchema = union({ description: descriptionSchema.optional() });
export type UpdatePromptDraftInput = z.input<typeof updatePromptDraftSchema>;

export const createVersionSchema = z
  .object({ message: z.string().trim().min(1, "is required: say what changed").max(200, "must be at most 200 characters") })
  .strict();

export const renderSchema = z
  .object({ variables: jsonObjectSchema("must be an object of variable values").default({}) })
  .strict();
export type RenderInput = z.input<typeof renderSchema>;

export const listPromptsSchema = z.object({
  useCaseId: z.string().min(1).optional(),
  page: z.coerce.number("must be a number").int().min(1, "must be at least 1").max(INT4_MAX, INT4_MESSAGE).default(1),
  pageSize: z.coerce.number("must be a number").int().min(1, "must be between 1 and 100").max(100, "must be between 1 and 100").default(25),
});
export type ListPromptsInput = z.input<typeof listPromptsSchema>;

/** A version number in a path: 1, 2, 3… */
export const versionNumberSchema = z.coerce.number("must be a version number").int({ error: "must be a whole number", abort: true }).min(1, "must be 1 or more").max(INT4_MAX, INT4_MESSAGE);

/** Splits create/update input into the prompt's own fields and the draft content. */
export function splitContent<T extends { type: PromptType }>(input: T): PromptContent {
  const { useCaseId: _u, name: _n, description: _d, ...content } = input as T & { useCaseId?: unknown; name?: unknown; description?: unknown };
  return content as unknown as PromptContent;
}
