import { describe, expect, it } from "vitest";
import { evaluateGates, type GateSpec } from "./evaluate-gates";
import { gateDrift } from "./gate-drift";

const accuracy: GateSpec = { metric: "accuracy", comparison: "GTE", threshold: 0.85 };
const latency: GateSpec = { metric: "latency_p95_ms", comparison: "LTE", threshold: 3000 };
const metrics = [{ name: "accuracy", value: 0.88 }];

describe("gateDrift", () => {
  it("is null while the gates are the ones the run met, in any order", () => {
    const recorded = evaluateGates([accuracy, latency], metrics).results;
    expect(gateDrift(recorded, [latency, accuracy], metrics)).toBeNull();
  });

  it("names added and changed gates and gives the verdict against today's gates", () => {
    const recorded = evaluateGates([accuracy], metrics).results;
    expect(recorded.every((r) => r.passed)).toBe(true);
    const drift = gateDrift(recorded, [{ ...accuracy, threshold: 0.9 }, latency], metrics);
    expect(drift).toMatchObject({ added: ["accuracy >= 0.9", "latency_p95_ms <= 3000"], removed: ["accuracy >= 0.85"], now: { passed: false } });
    expect(drift!.now.results.map((r) => r.reason)).toEqual(["0.88 < 0.9", "the run has no latency_p95_ms metric"]);
  });

  it("says a run that failed a since-removed gate would pass now", () => {
    const recorded = evaluateGates([accuracy, latency], metrics).results;
    expect(gateDrift(recorded, [accuracy], metrics)).toMatchObject({ added: [], removed: ["latency_p95_ms <= 3000"], now: { passed: true } });
  });
});
