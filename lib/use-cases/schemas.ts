import { z } from "zod";
import { INT4_MAX, INT4_MESSAGE } from "@/lib/input-limits";

// Shared by the registration form (client-side validation) and the services (server-side).
export const RISK_TIERS = ["MINIMAL", "LIMITED", "HIGH", "PROHIBITED"] as const;
export const DATA_CLASSIFICATIONS = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"] as const;
export const AUDIENCES = ["INTERNAL", "EXTERNAL"] as const;
export const USE_CASE_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "CHANGES_REQUESTED", "REJECTED", "IN_PRODUCTION", "RETIRED"] as const;
export const REVIEW_DECISIONS = ["APPROVE", "REQUEST_CHANGES", "REJECT"] as const;

export const slugSchema = z
  .string()
  .trim()
  .min(3, "must be at least 3 characters")
  .max(64, "must be at most 64 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and single hyphens (e.g. support-triage)");

export const kpiSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  target: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
});

const editableFields = {
  name: z.string().trim().min(3, "must be at least 3 characters").max(120, "must be at most 120 characters"),
  description: z.string().trim().max(5000, "must be at most 5000 characters"),
  businessOwner: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  kpis: z.array(kpiSchema).max(20, "at most 20 KPIs"),
  riskTier: z.enum(RISK_TIERS, "must be one of MINIMAL, LIMITED, HIGH, PROHIBITED"),
  dataClassification: z.enum(DATA_CLASSIFICATIONS, "must be one of PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED"),
  handlesPersonalData: z.boolean("must be true or false"),
  audience: z.enum(AUDIENCES, "must be INTERNAL or EXTERNAL"),
  costAllocationTag: z
    .string()
    .trim()
    .max(128, "must be at most 128 characters")
    .regex(/^[\p{L}\p{N}\s_.:/=+\-@]*$/u, "may contain letters, digits, spaces and _ . : / = + - @ (AWS tag rules)"),
  // PostgreSQL's date has no year 0 (1 BC): refused here rather than by the database (a 500).
  nextReviewDate: z.iso.date("must be a date (YYYY-MM-DD)").regex(/^(?!0000)/, "must be in the year 0001 or later").nullable(),
};

export const createUseCaseSchema = z
  .object({
    ...editableFields,
    slug: slugSchema,
    teamId: z.string().min(1, "is required"),
    description: editableFields.description.default(""),
    kpis: editableFields.kpis.default([]),
    handlesPersonalData: editableFields.handlesPersonalData.default(false),
    costAllocationTag: editableFields.costAllocationTag.default(""),
    nextReviewDate: editableFields.nextReviewDate.default(null),
  })
  .strict();

export const updateUseCaseSchema = z
  .object(editableFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "at least one field to change is required")
  // The refinement is invisible to z.toJSONSchema; the OpenAPI document states it this way.
  .meta({ minProperties: 1 });

/**
 * A review of a use case or a release: a decision with the reason for it, or — no decision — a
 * comment, which asks before deciding and decides nothing. Nothing at all is refused, naming
 * the decision (the form shows that message by its choices).
 */
export function reviewSchema(maxComment: number) {
  return z
    .object({
      decision: z.enum(REVIEW_DECISIONS, "must be APPROVE, REQUEST_CHANGES or REJECT, or left out for a comment").nullish(),
      comment: z.string("must be text").trim().max(maxComment, `must be at most ${maxComment} characters`).default(""),
    })
    .strict()
    .superRefine((v, ctx) => {
      if (v.comment) return;
      if (v.decision) ctx.addIssue({ code: "custom", path: ["comment"], message: "is required: say why" });
      else ctx.addIssue({ code: "custom", path: ["decision"], message: "choose a decision, or write a comment to ask before deciding" });
    });
}

export const reviewUseCaseSchema = reviewSchema(5000);

export const listUseCasesSchema = z.object({
  q: z.string().trim().max(200).optional(),
  teamId: z.string().optional(),
  riskTier: z.enum(RISK_TIERS).optional(),
  status: z.enum(USE_CASE_STATUSES).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  sort: z.enum(["name", "updatedAt", "riskTier", "status", "nextReviewDate"]).default("updatedAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(INT4_MAX, INT4_MESSAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export type CreateUseCaseInput = z.input<typeof createUseCaseSchema>;
export type UpdateUseCaseInput = z.input<typeof updateUseCaseSchema>;
export type ListUseCasesInput = z.input<typeof listUseCasesSchema>;

/** Approvals needed before a submitted use case is approved (EU AI Act tiers). */
export const REQUIRED_APPROVALS: Record<(typeof RISK_TIERS)[number], number> = {
  MINIMAL: 1,
  LIMITED: 1,
  HIGH: 2,
  PROHIBITED: Number.POSITIVE_INFINITY,
};

export const EDITABLE_STATUSES = ["DRAFT", "CHANGES_REQUESTED"] as const;
