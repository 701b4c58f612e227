import { z } from "zod";
import { INT4_MAX } from "@/lib/input-limits";
import { guardrailConfigSchema } from "./schemas";
import type { getGuardrailOrThrow, getGuardrailVersionOrThrow, listGuardrails } from "./queries";

// What API v1 sends back for guardrails: the OpenAPI document is generated from these, the API
// tests parse responses with them, and the type checks below fail the build if they drift.

const useCaseRef = z.object({ id: z.string(), name: z.string(), slug: z.string() }).strict();

export const guardrailSchema = z.object({
  id: z.string(),
  useCaseId: z.string(),
  teamId: z.string(),
  name: z.string(),
  description: z.string(),
  draft: guardrailConfigSchema,
  draftUpdatedAt: z.iso.datetime(),
  draftUpdatedById: z.string(),
  latestVersion: z.number().int().max(INT4_MAX).min(0),
  createdById: z.string(),
  createdAt: z.iso.datetime(),
  useCase: useCaseRef,
}).strict();

export const guardrailVersionSummarySchema = z.object({
  id: z.string(), number: z.number().int().max(INT4_MAX).min(1), message: z.string(), createdById: z.string(), createdAt: z.iso.datetime(),
}).strict();

export const guardrailDetailSchema = guardrailSchema.extend({ versions: z.array(guardrailVersionSummarySchema) }).strict();

export const guardrailVersionSchema = z.object({
  id: z.string(), guardrailId: z.string(), number: z.number().int().max(INT4_MAX).min(1), message: z.string(), config: guardrailConfigSchema, createdById: z.string(), createdAt: z.iso.datetime(),
}).strict();

export const guardrailListResponseSchema = z.object({ data: z.array(guardrailSchema) }).strict();
export const guardrailDetailResponseSchema = z.object({ data: guardrailDetailSchema }).strict();
export const guardrailVersionResponseSchema = z.object({ data: guardrailVersionSchema }).strict();

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const listMatches: Equals<z.output<typeof guardrailSchema>, Awaited<ReturnType<typeof listGuardrails>>[number]> = true;
const detailMatches: Equals<z.output<typeof guardrailDetailSchema>, Awaited<ReturnType<typeof getGuardrailOrThrow>>> = true;
const versionMatches: Equals<z.output<typeof guardrailVersionSchema>, Awaited<ReturnType<typeof getGuardrailVersionOrThrow>>> = true;
void [listMatches, detailMatches, versionMatches];
