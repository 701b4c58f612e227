import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/errors";
import { updateUseCaseSchema } from "@/lib/use-cases/schemas";
import { byPathAndField, describeIssue, unshownIssues } from "./form-errors";

describe("form errors", () => {
  it("keys each issue by its full path and by its top-level field", () => {
    const errors = byPathAndField([{ field: "kpis.1.target", message: "is required" }, { field: "kpis.0.name", message: "too long" }]);
    expect(errors).toEqual({ kpis: "is required", "kpis.1.target": "is required", "kpis.0.name": "too long" });
  });

  /** Regression: a record field sent by the edit form was refused with an issue no input showed, and Save did nothing visible. */
  it("finds the issues no control looked up: an unknown key, the whole input, a field without an input", () => {
    const parsed = updateUseCaseSchema.safeParse({ id: "uc_1", name: "ab" });
    const issues = fieldErrors(parsed.error!);
    const lookedUp = new Set(["name", "description", "kpis.0.name"]);
    expect(unshownIssues(issues, lookedUp).map(describeIssue)).toEqual([expect.stringContaining('"id"')]);
    expect(unshownIssues([{ field: "(body)", message: "at least one field to change is required" }], lookedUp).map(describeIssue)).toEqual(["at least one field to change is required"]);
    // A row's issue counts as shown when the form looked up its row path or its field.
    expect(unshownIssues([{ field: "kpis.0.name", message: "x" }, { field: "teamIds.2", message: "y" }], new Set(["kpis.0.name", "teamIds"]))).toEqual([]);
    expect(unshownIssues([{ field: "kpis.3.name", message: "x" }], new Set(["kpis.0.name"]))).toEqual([{ field: "kpis.3.name", message: "x" }]);
  });
});
