import { z } from "zod";
import { modelIdSchema } from "@/lib/prompts/schemas";
import { reviewSchema } from "@/lib/use-cases/schemas";

// Shared by the release form (client-side checks) and the services.

export const RELEASE_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "CHANGES_REQUESTED", "REJECTED"] as const;
export type ReleaseStatusName = (typeof RELEASE_STATUSES)[number];
export const MAX_RELEASE_PROMPTS = 20;
export const MAX_KNOWLEDGE_BASES = 5;
export const MAX_NOTES = 10_000;

const id = z.string("is required").trim().min(1, "is required").max(100, "must be at most 100 characters");
const optionalId = z
  .string("must be an id")
  .trim()
  .max(100, "must be at most 100 characters")
  .nullish()
  .transform((v) => (v ? v : null));

/** The name the application asks for (`system`, `triage`): stable, so lowercase and simple. */
export const releaseRoleSchema = z
  .string("is required")
  .trim()
  .min(1, "is required")
  .max(40, "must be at most 40 characters")
  .regex(/^[a-z][a-z0-9_-]*$/, "must start with a lowercase letter and have only lowercase letters, digits, _ and - (e.g. triage)");

/** Bedrock knowledge base ids are 10 uppercase letters or digits (e.g. KB12345678). */
export const knowledgeBaseIdSchema = z
  .string("must be text")
  .trim()
  .regex(/^[0-9A-Z]{10}$/, "must be a Bedrock knowledge base id: 10 uppercase letters or digits (e.g. KB12345678)");

export const releasePromptSchema = z.object({ role: releaseRoleSchema, promptVersionId: id }).strict();

const bundleShape = {
  modelId: modelIdSchema,
  prompts: z
    .array(releasePromptSchema, "must be a list of { role, promptVersionId }")
    .min(1, "at least one prompt version is required")
    .max(MAX_RELEASE_PROMPTS, `at most ${MAX_RELEASE_PROMPTS} prompts`)
    .superRefine((prompts, ctx) => {
      prompts.forEach((p, i) => {
        if (prompts.findIndex((q) => q.role === p.role) < i) ctx.addIssue({ code: "custom", path: [i, "role"], message: `"${p.role}" is used twice: each role names one prompt` });
      });
    }),
  guardrailVersionId: optionalId,
  knowledgeBaseIds: z
    .array(knowledgeBaseIdSchema, "must be a list of knowledge base ids")
    .max(MAX_KNOWLEDGE_BASES, `at most ${MAX_KNOWLEDGE_BASES} knowledge bases`)
    .superRefine((ids, ctx) => {
      ids.forEach((k, i) => {
        if (ids.indexOf(k) < i) ctx.addIssue({ code: "custom", path: [i], message: `${k} is listed twice` });
      });
    })
    .default([]),
  datasetVersionId: optionalId,
  evaluationRunId: optionalId,
  /** Left out (or blank) on create: Strata drafts them from the diff against production. */
  notes: z.string("must be text").max(MAX_NOTES, `must be at most ${MAX_NOTES} characters`).optional(),
};

export const releaseBundleSchema = z.object(bundleShape).strict();
export const createReleaseSchema = z.object({ useCaseId: id, ...bundleShape }).strict();
/** Like a prompt draft: the whole bundle every time. */
export const updateReleaseSchema = releaseBundleSchema;

export type CreateReleaseInput = z.input<typeof createReleaseSchema>;
export type ReleaseBundleInput = z.output<typeof releaseBundleSchema>;

export const reviewReleaseSchema = reviewSchema(2000);
export type ReviewReleaseInput = z.input<typeof reviewReleaseSchema>;

export const listReleasesSchema = z.object({
  useCaseId: z.string().min(1).optional(),
  status: z.enum(RELEASE_STATUSES, "must be a release status").optional(),
  page: z.coerce.number("must be a number").int().min(1, "must be at least 1").default(1),
  pageSize: z.coerce.number("must be a number").int().min(1, "must be between 1 and 100").max(100, "must be between 1 and 100").default(25),
});

export const diffReleasesSchema = z.object({ a: id, b: id });

export const RELEASE_STATUS_LABEL: Record<ReleaseStatusName, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Awaiting approval",
  APPROVED: "Approved",
  CHANGES_REQUESTED: "Changes requested",
  REJECTED: "Rejected",
};
