import type { AUDIENCES, DATA_CLASSIFICATIONS, RISK_TIERS } from "@/lib/use-cases/schemas";
import type { UseCaseDto } from "@/lib/use-cases/serialize";

/** What the registration and edit form holds: text as typed, the date as the date input gives it. */
export type UseCaseFormValues = {
  name: string; slug: string; description: string; teamId: string; businessOwner: string;
  kpis: { name: string; target: string }[]; riskTier: (typeof RISK_TIERS)[number]; dataClassification: (typeof DATA_CLASSIFICATIONS)[number];
  handlesPersonalData: boolean; audience: (typeof AUDIENCES)[number]; costAllocationTag: string; nextReviewDate: string;
};

export const EMPTY_USE_CASE: UseCaseFormValues = {
  name: "", slug: "", description: "", teamId: "", businessOwner: "", kpis: [], riskTier: "LIMITED",
  dataClassification: "INTERNAL", handlesPersonalData: false, audience: "INTERNAL", costAllocationTag: "", nextReviewDate: "",
};

/** The form's values for a saved use case: exactly the form's fields, none of the record's own (id, status…). */
export function formValuesOf(u: UseCaseDto): UseCaseFormValues {
  return {
    name: u.name, slug: u.slug, description: u.description, teamId: u.teamId, businessOwner: u.businessOwner,
    kpis: u.kpis.map((k) => ({ name: k.name, target: k.target })), riskTier: u.riskTier, dataClassification: u.dataClassification,
    handlesPersonalData: u.handlesPersonalData, audience: u.audience, costAllocationTag: u.costAllocationTag, nextReviewDate: u.nextReviewDate ?? "",
  };
}

/** What an edit sends (updateUseCaseSchema): the editable fields only; slug and team never change. */
export function editPayload(v: UseCaseFormValues) {
  return {
    name: v.name, description: v.description, businessOwner: v.businessOwner, kpis: v.kpis, riskTier: v.riskTier,
    dataClassification: v.dataClassification, handlesPersonalData: v.handlesPersonalData, audience: v.audience,
    costAllocationTag: v.costAllocationTag, nextReviewDate: v.nextReviewDate || null,
  };
}

/** What a registration sends (createUseCaseSchema). */
export const createPayload = (v: UseCaseFormValues) => ({ ...editPayload(v), slug: v.slug, teamId: v.teamId });
