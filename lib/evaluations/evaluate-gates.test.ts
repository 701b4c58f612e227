import { describe, expect, it } from "vitest";
import { describeGate, evaluateGates, type GateSpec } from "./evaluate-gates";

const GATES: GateSpec[] = [
  { metric: "accuracy", comparison: "GTE", threshold: 0.85 },
  { metric: "guardrail_intervention_rate", comparison: "LTE", threshold: 0.05 },
  { metric: "latency_p95_ms", comparison: "LTE", threshold: 3000 },
  { metric: "cost_per_request_usd", comparison: "LT", threshold: 0.01 },
];

describe("evaluateGates", () => {
  it("passes when every gate holds, boundaries included", () => {
    const verdict = evaluateGates(GATES, [
      { name: "accuracy", value: 0.85 },
      { name: "guardrail_intervention_rate", value: 0.05 },
      { name: "latency_p95_ms", value: 2100 },
      { name: "cost_per_request_usd", value: 0.004 },
      { name: "unrelated", value: 42 },
    ]);
    expect(verdict.passed).toBe(true);
    expect(verdict.results.map((r) => r.passed)).toEqual([true, true, true, true]);
  });

  it("fails a gate whose threshold is crossed, and says by how much", () => {
    const verdict = evaluateGates(GATES.slice(0, 1), [{ name: "accuracy", value: 0.81 }]);
    expect(verdict).toEqual({ passed: false, results: [{ ...GATES[0], value: 0.81, passed: false, reason: "0.81 < 0.85" }] });
  });

  it("fails a gate whose metric is missing", () => {
    const verdict = evaluateGates(GATES.slice(3), [{ name: "accuracy", value: 1 }]);
    expect(verdict.passed).toBe(false);
    expect(verdict.results[0]).toMatchObject({ value: null, passed: false, reason: "the run has no cost_per_request_usd metric" });
  });

  it("treats strict comparisons strictly", () => {
    expect(evaluateGates([{ metric: "m", comparison: "GT", threshold: 1 }], [{ name: "m", value: 1 }]).passed).toBe(false);
    expect(evaluateGates([{ metric: "m", comparison: "LT", threshold: 1 }], [{ name: "m", value: 1 }]).passed).toBe(false);
    expect(evaluateGates([{ metric: "m", comparison: "LT", threshold: 1 }], [{ name: "m", value: 0.99 }]).passed).toBe(true);
  });

  it("passes a run when the use case has no gates", () => {
    expect(evaluateGates([], [])).toEqual({ passed: true, results: [] });
  });

  it("describes a gate the way it is written in the issue", () => {
    expect(GATES.map(describeGate)).toEqual([
      "accuracy >= 0.85",
      "guardrail_intervention_rate <= 0.05",
      "latency_p95_ms <= 3000",
      "cost_per_request_usd < 0.01",
    ]);
  });
});
