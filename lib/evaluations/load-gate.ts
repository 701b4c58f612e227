import type { Tx } from "@/lib/context";
import { AppError, isUniqueViolation, notFound } from "@/lib/errors";
import { COMPARISON_SYMBOL, type GateSpec } from "./evaluate-gates";

/** A gate with its use case's owning team (evaluation-gate:manage is scoped by it), row locked. */
export async function lockGateOrThrow(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "EvaluationGate" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw notFound("Gate");
  const { useCase, ...gate } = await tx.evaluationGate.findUniqueOrThrow({ where: { id }, include: { useCase: { select: { teamId: true } } } });
  return { gate, teamId: useCase.teamId };
}

/** One gate per (metric, comparison): `accuracy >=` twice would be two bars for one thing. */
export async function assertNoTwinGate(tx: Tx, useCaseId: string, gate: GateSpec, exceptId?: string) {
  const twin = await tx.evaluationGate.findFirst({ where: { useCaseId, metric: gate.metric, comparison: gate.comparison, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { threshold: true } });
  if (twin) throw duplicateGate(gate, twin.threshold);
}

export function duplicateGate(gate: GateSpec, threshold?: number) {
  const existing = `${gate.metric} ${COMPARISON_SYMBOL[gate.comparison]}${threshold === undefined ? "" : ` ${threshold}`}`;
  return new AppError("CONFLICT", `This use case already has the gate ${existing}: edit it instead of adding another`, { fields: [{ field: "metric", message: "already has a gate with this comparison" }] });
}

/** Maps the unique index's refusal (a concurrent twin) to the same 409. */
export function rethrowDuplicate(error: unknown, gate: GateSpec): never {
  if (isUniqueViolation(error)) throw duplicateGate(gate);
  throw error;
}
