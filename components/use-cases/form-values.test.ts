import { describe, expect, it } from "vitest";
import { createUseCaseSchema, updateUseCaseSchema } from "@/lib/use-cases/schemas";
import type { UseCaseDto } from "@/lib/use-cases/serialize";
import { createPayload, editPayload, formValuesOf } from "./form-values";

const saved: UseCaseDto = {
  id: "uc_1", slug: "refund-replies", name: "Refund replies", description: "Drafts replies", teamId: "team_1", businessOwner: "Support",
  kpis: [{ name: "Handling time", target: "-20%" }], riskTier: "LIMITED", dataClassification: "INTERNAL", handlesPersonalData: true,
  audience: "INTERNAL", costAllocationTag: "support", nextReviewDate: null, status: "CHANGES_REQUESTED", reviewRound: 1,
  submittedById: "u_1", submittedAt: "2026-11-20T10:00:00.000Z", createdById: "u_1", createdAt: "2026-11-20T09:00:00.000Z", updatedAt: "2026-11-20T10:00:00.000Z",
};

describe("use-case form values", () => {
  /** Regression: the edit form sent the record's own fields (id, status, …), which the strict update schema refuses. */
  it("an edit of a saved use case sends exactly what the update schema takes", () => {
    const parsed = updateUseCaseSchema.safeParse(editPayload({ ...formValuesOf(saved), description: "Drafts replies up to 200 EUR" }));
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toMatchObject({ description: "Drafts replies up to 200 EUR", nextReviewDate: null, kpis: saved.kpis });
  });

  it("a registration sends the slug and team too", () => {
    expect(createUseCaseSchema.safeParse(createPayload(formValuesOf(saved))).success).toBe(true);
  });
});
