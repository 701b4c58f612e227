import { z } from "zod";
import { INT4_MAX } from "@/lib/input-limits";
import { MESSAGE_ROLES, PROMPT_TYPES, inferenceSchema, promptContentSchema } from "./schemas";
import type { PromptDetail, listPrompts } from "./queries";
import type { PromptVersionDto } from "./serialize";
import type { renderPrompt } from "./render-prompt";

// What the v1 prompt endpoints send back: the OpenAPI document is generated from these and the
// API tests parse every response with them; the type checks below fail the build on drift.

const ref = z.object({ id: z.string(), name: z.string(), slug: z.string() }).strict();

const promptFields = {
  id: z.string(),
  useCaseId: z.string(),
  name: z.string(),
  description: z.string(),
  type: z.enum(PROMPT_TYPES),
  draft: promptContentSchema,
  draftUpdatedAt: z.iso.datetime(),
  draftUpdatedById: z.string(),
  latestVersion: z.number().int().max(INT4_MAX).min(0),
  createdById: z.string(),
  createdAt: z.iso.datetime(),
  useCase: ref.extend({ team: ref }).strict(),
};

export const promptSummarySchema = z.object(promptFields).strict();
export const promptDetailSchema = z
  .object({
    ...promptFields,
    versions: z.array(z.object({ id: z.string(), number: z.number().int().max(INT4_MAX).min(1), message: z.string(), createdById: z.string(), createdAt: z.iso.datetime() }).strict()),
  })
  .strict();
export const promptVersionSchema = z
  .object({ id: z.string(), promptId: z.string(), number: z.number().int().max(INT4_MAX).min(1), message: z.string(), content: promptContentSchema, createdById: z.string(), createdAt: z.iso.datetime() })
  .strict();

const renderedCommon = { modelId: z.string(), inference: inferenceSchema };
export const renderedPromptSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("TEXT"), text: z.string(), ...renderedCommon }).strict(),
  z.object({ type: z.literal("CHAT"), system: z.string(), messages: z.array(z.object({ role: z.enum(MESSAGE_ROLES), text: z.string() }).strict()), ...renderedCommon }).strict(),
]);

export const promptListResponseSchema = z
  .object({
    data: z.array(promptSummarySchema),
    page: z.number().int().max(INT4_MAX).min(1),
    pageSize: z.number().int().max(INT4_MAX).min(1),
    total: z.number().int().max(INT4_MAX).min(0),
    pageCount: z.number().int().max(INT4_MAX).min(1),
  })
  .strict();
export const promptDetailResponseSchema = z.object({ data: promptDetailSchema }).strict();
export const promptVersionResponseSchema = z.object({ data: promptVersionSchema }).strict();
export const renderedPromptResponseSchema = z.object({ data: renderedPromptSchema }).strict();

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const summaryMatches: Equals<z.output<typeof promptSummarySchema>, Awaited<ReturnType<typeof listPrompts>>["items"][number]> = true;
const detailMatches: Equals<z.output<typeof promptDetailSchema>, PromptDetail> = true;
const versionMatches: Equals<z.output<typeof promptVersionSchema>, PromptVersionDto> = true;
const renderMatches: Equals<z.output<typeof renderedPromptSchema>, Awaited<ReturnType<typeof renderPrompt>>> = true;
void [summaryMatches, detailMatches, versionMatches, renderMatches];
