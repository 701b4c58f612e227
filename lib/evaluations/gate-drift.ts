import { describeGate, evaluateGates, type GateResult, type GateSpec, type GateVerdict, type Metric } from "./evaluate-gates";

export type GateDrift = { added: string[]; removed: string[]; now: GateVerdict };

/**
 * How the use case's gates differ from those a run was judged by, and the run's verdict against
 * today's gates (what a release submit checks). Null when nothing changed. A changed threshold
 * reads as one gate removed and one added: `accuracy >= 0.85` → `accuracy >= 0.9`.
 */
export function gateDrift(recorded: readonly GateResult[], current: readonly GateSpec[], metrics: readonly Metric[]): GateDrift | null {
  const then = new Set(recorded.map(describeGate));
  const nowGates = new Set(current.map(describeGate));
  const added = [...nowGates].filter((g) => !then.has(g));
  const removed = [...then].filter((g) => !nowGates.has(g));
  if (added.length === 0 && removed.length === 0) return null;
  return { added, removed, now: evaluateGates(current, metrics) };
}
