import { isDeepStrictEqual } from "node:util";

/** The fields a reviewer judges, in the order the form shows them. */
export const REVIEWED_FIELDS = [
  { field: "name", label: "Name" },
  { field: "businessOwner", label: "Business owner" },
  { field: "description", label: "Description" },
  { field: "riskTier", label: "Risk tier" },
  { field: "dataClassification", label: "Data classification" },
  { field: "audience", label: "Audience" },
  { field: "handlesPersonalData", label: "Handles personal data" },
  { field: "costAllocationTag", label: "Cost-allocation tag" },
  { field: "nextReviewDate", label: "Next review date" },
  { field: "kpis", label: "KPIs" },
] as const;

export type ReviewedField = (typeof REVIEWED_FIELDS)[number]["field"];
export type FieldChange = { field: ReviewedField; label: string; before: unknown; after: unknown };

/**
 * The reviewed fields whose value differs between two serialized use cases (serializeUseCase),
 * old value and new. A field the older one lacks counts as empty.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  return REVIEWED_FIELDS.filter(({ field }) => !isDeepStrictEqual(before[field] ?? null, after[field] ?? null)).map(({ field, label }) => ({
    field,
    label,
    before: before[field] ?? null,
    after: after[field] ?? null,
  }));
}
