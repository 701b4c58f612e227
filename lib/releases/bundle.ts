import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/context";
import { notFound, validationError, type FieldError } from "@/lib/errors";
import type { Metric } from "@/lib/evaluations/evaluate-gates";
import type { GuardrailConfig } from "@/lib/guardrails/schemas";
import type { PromptContent } from "@/lib/prompts/schemas";
import type { ReleaseBundleInput } from "./schemas";

// A release's bundle resolved to what it pins: the prompt texts, the guardrail policy, the
// dataset version and the run's metrics. The diff, the drafted notes and the separation-of-duties
// check all read this one shape.

type Db = PrismaClient | Tx;

export type PinnedPrompt = { role: string; promptVersionId: string; promptId: string; promptName: string; version: number; content: PromptContent; createdById: string };
export type PinnedGuardrail = { versionId: string; guardrailId: string; name: string; version: number; config: GuardrailConfig; createdById: string };
export type PinnedDataset = { versionId: string; datasetId: string; name: string; version: number; itemCount: number };
export type PinnedRun = { id: string; number: number; candidate: string; datasetVersionId: string; metrics: Metric[]; passed: boolean; createdAt: string };
export type Bundle = {
  modelId: string;
  prompts: PinnedPrompt[];
  guardrail: PinnedGuardrail | null;
  knowledgeBaseIds: string[];
  dataset: PinnedDataset | null;
  run: PinnedRun | null;
};

const promptVersionSelect = { id: true, number: true, content: true, createdById: true, prompt: { select: { id: true, name: true, useCaseId: true } } } as const;
const guardrailVersionSelect = { id: true, number: true, config: true, createdById: true, guardrail: { select: { id: true, name: true, useCaseId: true } } } as const;
const datasetVersionSelect = { id: true, number: true, itemCount: true, dataset: { select: { id: true, name: true, useCaseId: true } } } as const;
const runSelect = { id: true, number: true, candidate: true, useCaseId: true, datasetVersionId: true, metrics: true, passed: true, createdAt: true } as const;

/** A run's metrics as evaluateGates reads them ({ name, value }[]). */
export function runMetrics(json: unknown): Metric[] {
  if (Array.isArray(json)) return json.filter((m): m is Metric => typeof m?.name === "string" && typeof m?.value === "number");
  return [];
}

const NOT_OURS = "of this use case";

/**
 * Resolves the pins of a bundle for a use case. Every pinned version and the run must belong to
 * that use case: a 422 names each field that does not, and nothing is written.
 */
export async function resolvePinsOrThrow(db: Db, useCaseId: string, input: ReleaseBundleInput): Promise<Bundle> {
  const [versions, guardrail, dataset, run] = await Promise.all([
    db.promptVersion.findMany({ where: { id: { in: input.prompts.map((p) => p.promptVersionId) } }, select: promptVersionSelect }),
    input.guardrailVersionId ? db.guardrailVersion.findUnique({ where: { id: input.guardrailVersionId }, select: guardrailVersionSelect }) : null,
    input.datasetVersionId ? db.datasetVersion.findUnique({ where: { id: input.datasetVersionId }, select: datasetVersionSelect }) : null,
    input.evaluationRunId ? db.evaluationRun.findUnique({ where: { id: input.evaluationRunId }, select: runSelect }) : null,
  ]);
  const errors: FieldError[] = [];
  const byId = new Map(versions.map((v) => [v.id, v]));
  input.prompts.forEach((p, i) => {
    const v = byId.get(p.promptVersionId);
    if (!v || v.prompt.useCaseId !== useCaseId) errors.push({ field: `prompts.${i}.promptVersionId`, message: `is not a version of a prompt ${NOT_OURS}` });
  });
  if (input.guardrailVersionId && guardrail?.guardrail.useCaseId !== useCaseId) {
    errors.push({ field: "guardrailVersionId", message: `is not a version of a guardrail ${NOT_OURS}` });
  }
  if (input.datasetVersionId && dataset?.dataset.useCaseId !== useCaseId) {
    errors.push({ field: "datasetVersionId", message: `is not a version of a dataset ${NOT_OURS}` });
  }
  if (input.evaluationRunId && run?.useCaseId !== useCaseId) {
    errors.push({ field: "evaluationRunId", message: `is not an evaluation run ${NOT_OURS}` });
  } else if (run && dataset && run.datasetVersionId !== dataset.id) {
    errors.push({ field: "evaluationRunId", message: `was run on another dataset version than the pinned ${dataset.dataset.name} v${dataset.number}` });
  }
  if (errors.length) throw validationError(errors);
  return {
    modelId: input.modelId,
    prompts: input.prompts.map((p) => {
      const v = byId.get(p.promptVersionId)!;
      return { role: p.role, promptVersionId: v.id, promptId: v.prompt.id, promptName: v.prompt.name, version: v.number, content: v.content as PromptContent, createdById: v.createdById };
    }),
    guardrail: guardrail ? { versionId: guardrail.id, guardrailId: guardrail.guardrail.id, name: guardrail.guardrail.name, version: guardrail.number, config: guardrail.config as GuardrailConfig, createdById: guardrail.createdById } : null,
    knowledgeBaseIds: input.knowledgeBaseIds,
    dataset: dataset ? { versionId: dataset.id, datasetId: dataset.dataset.id, name: dataset.dataset.name, version: dataset.number, itemCount: dataset.itemCount } : null,
    run: run ? { id: run.id, number: run.number, candidate: run.candidate, datasetVersionId: run.datasetVersionId, metrics: runMetrics(run.metrics), passed: run.passed, createdAt: run.createdAt.toISOString() } : null,
  };
}

/** The bundle of a stored release (its pins were checked when it was written). */
export async function loadBundleOrThrow(db: Db, releaseId: string): Promise<Bundle & { id: string; number: number; useCaseId: string; status: string }> {
  const r = await db.release.findUnique({
    where: { id: releaseId },
    select: {
      id: true, number: true, useCaseId: true, status: true, modelId: true, guardrailVersionId: true, datasetVersionId: true, evaluationRunId: true, knowledgeBaseIds: true,
      prompts: { select: { role: true, promptVersionId: true }, orderBy: { role: "asc" } },
    },
  });
  if (!r) throw notFound("Release");
  const bundle = await resolvePinsOrThrow(db, r.useCaseId, { ...r, notes: undefined });
  return { ...bundle, id: r.id, number: r.number, useCaseId: r.useCaseId, status: r.status };
}

/** What runs in production now for the use case, as a bundle; null before the first prod deploy. */
export async function loadProductionBundle(db: Db, useCaseId: string) {
  const active = await db.activeDeployment.findUnique({ where: { useCaseId_environment: { useCaseId, environment: "PROD" } }, select: { releaseId: true } });
  return active ? loadBundleOrThrow(db, active.releaseId) : null;
}
