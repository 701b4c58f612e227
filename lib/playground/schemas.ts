import { z } from "zod";
import { INT4_MAX, INT4_MESSAGE, jsonObjectSchema } from "@/lib/input-limits";
import { environmentSchema } from "@/lib/aws-connections/schemas";

export const runPromptSchema = z
  .object({
    promptId: z.string("is required").min(1, "is required"),
    version: z.union([z.literal("draft"), z.number().int().min(1).max(INT4_MAX)], "must be draft or a version number"),
    variables: jsonObjectSchema("must be an object of variable values").default({}),
    environment: environmentSchema.default("DEV"),
  })
  .strict();
export type RunPromptInput = z.input<typeof runPromptSchema>;

export const remoteGuardrailSchema = z
  .object({
    guardrailId: z.string("is required").min(1, "is required"),
    versionNumber: z.number("must be a version number").int().min(1, "must be a version number").max(INT4_MAX, INT4_MESSAGE),
    environment: environmentSchema.default("DEV"),
    source: z.enum(["INPUT", "OUTPUT"], "must be INPUT or OUTPUT"),
    text: z.string("is required").min(1, "is required").max(20_000, "must be at most 20000 characters"),
  })
  .strict();
export type RemoteGuardrailInput = z.input<typeof remoteGuardrailSchema>;
