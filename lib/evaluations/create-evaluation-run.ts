import type { Prisma } from "@/lib/generated/prisma/client";
import { notFound, parseInput, validationError } from "@/lib/errors";
import { newId, type ServiceContext, type Tx } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockUseCaseOrThrow } from "@/lib/use-cases/load-use-case";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";
import { evaluateGates } from "./evaluate-gates";
import { createEvaluationRunSchema, type CreateEvaluationRunInput } from "./schemas";
import { runInclude, serializeRun } from "./serialize";

export type RunSource = "api" | "upload";

/** Rows per INSERT: 10,000 items × 8 columns would exceed PostgreSQL's 65,535 bind parameters. */
const ITEM_CHUNK = 1000;

/**
 * Records one evaluation run and its verdict against the use case's gates as they are now. The
 * use case row is locked for the transaction, so concurrent posts get consecutive numbers; the
 * run and its items are immutable afterwards (database trigger). A run failing a gate announces
 * it to the webhooks subscribed to evaluation.gate-failed, in the same transaction.
 */
export async function createEvaluationRun(ctx: ServiceContext, input: unknown, source: RunSource) {
  const data = parseInput(createEvaluationRunSchema, input);
  return ctx.db.$transaction(
    async (tx) => {
      const useCase = await lockVisibleUseCaseOrThrow(tx, ctx, data.useCaseId);
      authorize(ctx.actor, "evaluation:post", { teamId: useCase.teamId });
      const datasetVersion = await datasetVersionOrThrow(tx, data);
      if (data.releaseId) await releaseOrThrow(tx, data.useCaseId, data.releaseId);
      const badIndex = data.items.findIndex((i) => i.itemIndex !== undefined && i.itemIndex >= datasetVersion.itemCount);
      if (badIndex !== -1) {
        throw validationError([{ field: `items.${badIndex}.itemIndex`, message: `must be less than ${datasetVersion.itemCount}, the number of items in version ${data.datasetVersion} of the dataset` }]);
      }
      const gates = await tx.evaluationGate.findMany({ where: { useCaseId: useCase.id }, orderBy: [{ metric: "asc" }, { comparison: "asc" }], select: { metric: true, comparison: true, threshold: true } });
      const verdict = evaluateGates(gates, data.metrics);
      const last = await tx.evaluationRun.aggregate({ where: { useCaseId: useCase.id }, _max: { number: true } });
      const id = newId("run");
      const run = await tx.evaluationRun.create({
        data: {
          id,
          useCaseId: useCase.id,
          number: (last._max.number ?? 0) + 1,
          candidate: data.candidate,
          releaseId: data.releaseId ?? null,
          datasetVersionId: datasetVersion.id,
          source,
          metrics: data.metrics as Prisma.InputJsonArray,
          gateResults: verdict.results as unknown as Prisma.InputJsonArray,
          passed: verdict.passed,
          itemCount: data.items.length,
          externalUrl: data.externalUrl ?? null,
          createdById: ctx.actor.id,
        },
        include: runInclude,
      });
      await insertItems(tx, id, data.items);
      const after = serializeRun(run);
      await recordAuditEvent(tx, ctx, { action: "evaluation-run.create", resourceType: "evaluation-run", resourceId: id, after });
      if (!verdict.passed) {
        await enqueueWebhookEvent(tx, "evaluation.gate-failed", {
          useCaseId: useCase.id,
          useCaseSlug: useCase.slug,
          runId: id,
          runNumber: run.number,
          candidate: run.candidate,
          failedGates: verdict.results.filter((r) => !r.passed),
        });
      }
      return after;
    },
    // 10,000 items are written in one transaction; the default 5 s is tight on a busy machine.
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/**
 * The use case, locked. An API token sees only its own team's use cases: another team's answers
 * 404, as everywhere in the public API; a signed-in member of another team gets the 403 of
 * authorize() instead (the console shows every use case to every role).
 */
async function lockVisibleUseCaseOrThrow(tx: Tx, ctx: ServiceContext, useCaseId: string) {
  const exists = await tx.useCase.findUnique({ where: { id: useCaseId }, select: { teamId: true } });
  if (!exists || (ctx.actor.kind === "token" && exists.teamId !== ctx.actor.teamId)) throw notFound("Use case");
  return lockUseCaseOrThrow(tx, useCaseId);
}

async function datasetVersionOrThrow(tx: Tx, data: CreateEvaluationRunInput) {
  const dataset = await tx.dataset.findUnique({ where: { id: data.datasetId }, select: { useCaseId: true } });
  if (!dataset || dataset.useCaseId !== data.useCaseId) {
    throw validationError([{ field: "datasetId", message: "is not a dataset of this use case" }]);
  }
  const version = await tx.datasetVersion.findUnique({ where: { datasetId_number: { datasetId: data.datasetId, number: data.datasetVersion } }, select: { id: true, itemCount: true } });
  if (!version) throw validationError([{ field: "datasetVersion", message: `the dataset has no version ${data.datasetVersion}` }]);
  return version;
}

async function releaseOrThrow(tx: Tx, useCaseId: string, releaseId: string) {
  const release = await tx.release.findUnique({ where: { id: releaseId }, select: { useCaseId: true } });
  if (!release || release.useCaseId !== useCaseId) throw validationError([{ field: "releaseId", message: "is not a release of this use case" }]);
}

async function insertItems(tx: Tx, runId: string, items: CreateEvaluationRunInput["items"]) {
  for (let start = 0; start < items.length; start += ITEM_CHUNK) {
    await tx.evaluationRunItem.createMany({
      data: items.slice(start, start + ITEM_CHUNK).map((item, i) => ({
        id: newId("rui"),
        runId,
        position: start + i,
        itemIndex: item.itemIndex ?? null,
        input: item.input as Prisma.InputJsonObject,
        output: item.output,
        expected: item.expected ?? null,
        scores: (item.scores ?? {}) as Prisma.InputJsonObject,
        passed: item.passed ?? null,
      })),
    });
  }
}

