import type { GateComparison } from "@/lib/generated/prisma/client";

// The one definition of "does this run pass": used when a run arrives (its recorded verdict),
// on the run page, and when a release is submitted (against the gates as they are then).

export type Metric = { name: string; value: number };
export type GateSpec = { metric: string; comparison: GateComparison; threshold: number };
export type GateResult = GateSpec & {
  /** The run's value for the metric, or null when the run does not carry it. */
  value: number | null;
  passed: boolean;
  /** Why it failed, in words a reviewer reads ("missing", "0.81 < 0.85"). */
  reason: string | null;
};
export type GateVerdict = { passed: boolean; results: GateResult[] };

export const COMPARISON_SYMBOL: Record<GateComparison, string> = { GTE: ">=", GT: ">", LTE: "<=", LT: "<" };

// The negation shown when a gate fails: `0.81 < 0.85` reads better than `not 0.81 >= 0.85`.
const FAILED_SYMBOL: Record<GateComparison, string> = { GTE: "<", GT: "<=", LTE: ">", LT: ">=" };

function holds(value: number, comparison: GateComparison, threshold: number): boolean {
  switch (comparison) {
    case "GTE":
      return value >= threshold;
    case "GT":
      return value > threshold;
    case "LTE":
      return value <= threshold;
    case "LT":
      return value < threshold;
  }
}

/**
 * Every gate must hold; a gate whose metric the run does not carry fails (a CI job that forgot
 * to measure cost must not pass a cost gate). With no gates at all a run passes — the run page
 * says that no gates are configured rather than hiding it.
 */
export function evaluateGates(gates: readonly GateSpec[], metrics: readonly Metric[]): GateVerdict {
  const byName = new Map(metrics.map((m) => [m.name, m.value]));
  const results = gates.map((gate): GateResult => {
    const value = byName.get(gate.metric);
    if (value === undefined || !Number.isFinite(value)) {
      return { ...gate, value: null, passed: false, reason: `the run has no ${gate.metric} metric` };
    }
    const passed = holds(value, gate.comparison, gate.threshold);
    return { ...gate, value, passed, reason: passed ? null : `${value} ${FAILED_SYMBOL[gate.comparison]} ${gate.threshold}` };
  });
  return { passed: results.every((r) => r.passed), results };
}

export function describeGate(gate: GateSpec): string {
  return `${gate.metric} ${COMPARISON_SYMBOL[gate.comparison]} ${gate.threshold}`;
}
