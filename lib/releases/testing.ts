import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newId, type ServiceContext } from "@/lib/context";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { createPromptVersion } from "@/lib/prompts/create-prompt-version";
import { updatePromptDraft } from "@/lib/prompts/update-prompt-draft";
import { createGuardrail } from "@/lib/guardrails/create-guardrail";
import { createGuardrailVersion } from "@/lib/guardrails/create-guardrail-version";
import { updateGuardrailDraft } from "@/lib/guardrails/update-guardrail-draft";
import { createDataset } from "@/lib/datasets/create-dataset";
import { importDatasetItems } from "@/lib/datasets/import-dataset-items";
import { createDatasetVersion } from "@/lib/datasets/create-dataset-version";
import { evaluateGates, type Metric } from "@/lib/evaluations/evaluate-gates";

// Test support only (service tests, the RBAC matrix): an APPROVED use case with everything a
// release pins, made through the real services as `author` (a product owner of the team).
// Evaluation runs are inserted directly: posting runs is another area's service.

const TRIAGE = { type: "TEXT", template: "Classify this ticket: {{ticket}}", modelId: "amazon.nova-lite-v1:0", inference: { temperature: 0.2, maxTokens: 300 } } as const;
const REPLY = { type: "CHAT", system: "You answer support tickets.", messages: [{ role: "user", text: "{{ticket}}" }], modelId: "amazon.nova-pro-v1:0" } as const;
const GUARD = { blockedInputMessaging: "Sorry, I cannot help with that.", blockedOutputsMessaging: "Sorry, I cannot answer that." };
export const PASSING: Metric[] = [{ name: "accuracy", value: 0.91 }, { name: "latency_p95_ms", value: 1800 }];
export const FAILING: Metric[] = [{ name: "accuracy", value: 0.81 }, { name: "latency_p95_ms", value: 3500 }];

export async function insertRun(db: PrismaClient, useCaseId: string, datasetVersionId: string, metrics: Metric[], createdById: string) {
  const last = await db.evaluationRun.aggregate({ where: { useCaseId }, _max: { number: true } });
  const gates = await db.evaluationGate.findMany({ where: { useCaseId }, select: { metric: true, comparison: true, threshold: true } });
  const verdict = evaluateGates(gates, metrics);
  return db.evaluationRun.create({
    data: {
      id: newId("run"), useCaseId, number: (last._max.number ?? 0) + 1, candidate: "ci-build", datasetVersionId, source: "test",
      metrics: metrics as never, gateResults: verdict.results as never, passed: verdict.passed, createdById,
    },
  });
}

/** A use case (approved, or as `status`) with two prompt versions per prompt, two guardrail versions, a dataset version, gates and runs. */
export async function releaseWorld(author: ServiceContext, teamId: string, opts: { riskTier?: string; status?: "APPROVED" | "DRAFT" | "IN_PRODUCTION" } = {}) {
  const db = author.db;
  const tag = randomBytes(3).toString("hex");
  const uc = await createUseCase(author, { name: `Release world ${tag}`, slug: `release-world-${tag}`, teamId, businessOwner: "Dana", riskTier: opts.riskTier ?? "LIMITED", dataClassification: "INTERNAL", audience: "INTERNAL" });
  if ((opts.status ?? "APPROVED") !== "DRAFT") await db.useCase.update({ where: { id: uc.id }, data: { status: opts.status ?? "APPROVED" } });
  const triage = await createPrompt(author, { useCaseId: uc.id, name: `triage-${tag}`, ...TRIAGE });
  const reply = await createPrompt(author, { useCaseId: uc.id, name: `reply-${tag}`, ...REPLY });
  const triage1 = await createPromptVersion(author, triage.id, { message: "First" });
  await updatePromptDraft(author, triage.id, { ...TRIAGE, template: "Classify this ticket by urgency: {{ticket}}", inference: { temperature: 0.3, maxTokens: 300 } });
  const triage2 = await createPromptVersion(author, triage.id, { message: "Urgency" });
  const reply1 = await createPromptVersion(author, reply.id, { message: "First" });
  const guard = await createGuardrail(author, { useCaseId: uc.id, name: `guard-${tag}`, config: GUARD });
  const guard1 = await createGuardrailVersion(author, guard.id, { message: "First" });
  await updateGuardrailDraft(author, guard.id, { config: { ...GUARD, topicPolicy: { topics: [{ name: "Legal advice", definition: "Advice on legal matters", examples: [], type: "DENY" }] } } });
  const guard2 = await createGuardrailVersion(author, guard.id, { message: "Deny legal advice" });
  const dataset = await createDataset(author, { useCaseId: uc.id, name: `golden-${tag}` });
  await importDatasetItems(author, dataset.id, { format: "csv", text: "input.ticket,expected\nPrinter on fire,hardware\n", mode: "append", confirmedRows: 1 });
  const dsv = await createDatasetVersion(author, dataset.id, { message: "First" });
  await db.evaluationGate.createMany({
    data: [
      { id: newId("gate"), useCaseId: uc.id, metric: "accuracy", comparison: "GTE", threshold: 0.85, createdById: author.actor.id },
      { id: newId("gate"), useCaseId: uc.id, metric: "latency_p95_ms", comparison: "LTE", threshold: 3000, createdById: author.actor.id },
    ],
  });
  const passing = await insertRun(db, uc.id, dsv.id, PASSING, author.actor.id);
  const failing = await insertRun(db, uc.id, dsv.id, FAILING, author.actor.id);
  const bundle = (overrides: Record<string, unknown> = {}) => ({
    useCaseId: uc.id, modelId: "amazon.nova-lite-v1:0",
    prompts: [{ role: "triage", promptVersionId: triage2.id }, { role: "reply", promptVersionId: reply1.id }],
    guardrailVersionId: guard2.id, knowledgeBaseIds: ["KB12345678"], datasetVersionId: dsv.id, evaluationRunId: passing.id, ...overrides,
  });
  return {
    useCase: uc, prompts: { triage: triage.id, reply: reply.id }, versions: { triage1: triage1.id, triage2: triage2.id, reply1: reply1.id, guard1: guard1.id, guard2: guard2.id },
    guardrailId: guard.id, datasetId: dataset.id, datasetVersionId: dsv.id, runs: { passing: passing.id, failing: failing.id }, bundle,
  };
}

export type ReleaseWorld = Awaited<ReturnType<typeof releaseWorld>>;
