import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/errors";
import { createReleaseSchema, reviewReleaseSchema } from "./schemas";

const valid = { useCaseId: "uc_1", modelId: "amazon.nova-lite-v1:0", prompts: [{ role: "triage", promptVersionId: "pv_1" }] };
const problems = (input: unknown) => {
  const r = createReleaseSchema.safeParse(input);
  return r.success ? [] : fieldErrors(r.error).map((e) => `${e.field}: ${e.message}`);
};

describe("release schemas", () => {
  it("accepts a minimal bundle and defaults the optional pins", () => {
    expect(createReleaseSchema.parse(valid)).toEqual({ ...valid, guardrailVersionId: null, datasetVersionId: null, evaluationRunId: null, knowledgeBaseIds: [] });
    expect(createReleaseSchema.parse({ ...valid, guardrailVersionId: "", notes: "x" })).toMatchObject({ guardrailVersionId: null, notes: "x" });
  });

  it.each([
    ["a role that is not a simple name", { prompts: [{ role: "Triage Role", promptVersionId: "pv_1" }] }, "prompts.0.role: must start with a lowercase letter and have only lowercase letters, digits, _ and - (e.g. triage)"],
    ["a role longer than 40", { prompts: [{ role: `r${"x".repeat(40)}`, promptVersionId: "pv_1" }] }, "prompts.0.role: must be at most 40 characters"],
    ["the same role twice", { prompts: [{ role: "a", promptVersionId: "pv_1" }, { role: "a", promptVersionId: "pv_2" }] }, 'prompts.1.role: "a" is used twice: each role names one prompt'],
    ["no prompts", { prompts: [] }, "prompts: at least one prompt version is required"],
    ["21 prompts", { prompts: Array.from({ length: 21 }, (_, i) => ({ role: `r${i}`, promptVersionId: "pv" })) }, "prompts: at most 20 prompts"],
    ["a missing version id", { prompts: [{ role: "a" }] }, "prompts.0.promptVersionId: is required"],
    ["a lowercase knowledge base id", { knowledgeBaseIds: ["kb12345678"] }, "knowledgeBaseIds.0: must be a Bedrock knowledge base id: 10 uppercase letters or digits (e.g. KB12345678)"],
    ["six knowledge bases", { knowledgeBaseIds: ["KB00000001", "KB00000002", "KB00000003", "KB00000004", "KB00000005", "KB00000006"] }, "knowledgeBaseIds: at most 5 knowledge bases"],
    ["a knowledge base twice", { knowledgeBaseIds: ["KB00000001", "KB00000001"] }, "knowledgeBaseIds.1: KB00000001 is listed twice"],
    ["a bad model id", { modelId: "GPT 4!" }, "modelId: must be a Bedrock model id such as amazon.nova-lite-v1:0, or a model or inference-profile ARN"],
    ["an unknown field", { status: "APPROVED" }, 'Unrecognized key: "status"'],
  ])("refuses %s, naming the field", (_label, overrides, message) => {
    expect(problems({ ...valid, ...overrides }).join(" | ")).toContain(message);
  });

  it("requires a comment of at most 2000 characters on a review", () => {
    expect(reviewReleaseSchema.safeParse({ decision: "APPROVE", comment: "  " }).success).toBe(false);
    expect(reviewReleaseSchema.safeParse({ decision: "APPROVE", comment: "x".repeat(2001) }).success).toBe(false);
    expect(reviewReleaseSchema.safeParse({ decision: "MAYBE", comment: "ok" }).success).toBe(false);
    expect(reviewReleaseSchema.parse({ decision: "REJECT", comment: " no " })).toEqual({ decision: "REJECT", comment: "no" });
  });

  it("takes a comment without a decision, and names the decision when there is neither", () => {
    expect(reviewReleaseSchema.parse({ comment: " Which role? " })).toEqual({ comment: "Which role?" });
    expect(reviewReleaseSchema.parse({ decision: null, comment: "Which role?" })).toEqual({ decision: null, comment: "Which role?" });
    const neither = reviewReleaseSchema.safeParse({ decision: null, comment: " " });
    expect(neither.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["decision", "choose a decision, or write a comment to ask before deciding"]]);
    const reasonless = reviewReleaseSchema.safeParse({ decision: "APPROVE" });
    expect(reasonless.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["comment", "is required: say why"]]);
  });
});
