import type { EvaluationGate, EvaluationRun, EvaluationRunItem } from "@/lib/generated/prisma/client";
import type { GateResult, Metric } from "./evaluate-gates";

/** The public shape of a gate (pages, audit before/after, the release form). */
export function serializeGate(g: EvaluationGate) {
  return { id: g.id, useCaseId: g.useCaseId, metric: g.metric, comparison: g.comparison, threshold: g.threshold, createdById: g.createdById, createdAt: g.createdAt.toISOString(), updatedAt: g.updatedAt.toISOString() };
}

/** GateResult flattened into one object type (what the API schema describes). */
export type StoredGateResult = { [K in keyof GateResult]: GateResult[K] };

type RunWithDataset = EvaluationRun & { datasetVersion: { number: number; datasetId: string; dataset: { name: string } } };

/** A run and its recorded verdict; `gates` is what the API calls gateResults. */
export function serializeRun(r: RunWithDataset) {
  return {
    id: r.id,
    useCaseId: r.useCaseId,
    number: r.number,
    candidate: r.candidate,
    releaseId: r.releaseId,
    datasetId: r.datasetVersion.datasetId,
    datasetName: r.datasetVersion.dataset.name,
    datasetVersion: r.datasetVersion.number,
    datasetVersionId: r.datasetVersionId,
    source: r.source as "api" | "upload",
    passed: r.passed,
    gates: r.gateResults as StoredGateResult[],
    metrics: r.metrics as Metric[],
    itemCount: r.itemCount,
    externalUrl: r.externalUrl,
    createdById: r.createdById,
    createdAt: r.createdAt.toISOString(),
    consolePath: `/evaluations/${r.id}`,
  };
}

export type RunDto = ReturnType<typeof serializeRun>;

export function serializeRunItem(i: Pick<EvaluationRunItem, "position" | "itemIndex" | "input" | "output" | "expected" | "scores" | "passed">) {
  return {
    position: i.position,
    itemIndex: i.itemIndex,
    input: i.input as Record<string, unknown>,
    output: i.output,
    expected: i.expected,
    scores: i.scores as Record<string, number>,
    passed: i.passed,
  };
}

export type RunItemDto = ReturnType<typeof serializeRunItem>;

export const runInclude = { datasetVersion: { select: { number: true, datasetId: true, dataset: { select: { name: true } } } } } as const;
