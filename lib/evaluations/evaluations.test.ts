import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { newId } from "@/lib/context";
import type { Actor, UserActor } from "@/lib/permissions";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createGate } from "./create-gate";
import { updateGate } from "./update-gate";
import { deleteGate } from "./delete-gate";
import { createEvaluationRun } from "./create-evaluation-run";
import { uploadEvaluationRun } from "./upload-evaluation-run";
import { getEvaluationRunOrThrow, listEvaluationRuns, listGates, listRunItems, listRunsForUseCase } from "./queries";
import { datasetVersionFor, runInput } from "./test-support";

let database: Database;
let teamId: string;
let owner: UserActor;
let engineer: UserActor;
let reviewer: UserActor;
let outsider: UserActor;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.prisma;
  teamId = (await createTeam(db, "Support")).id;
  const otherTeamId = (await createTeam(db, "Finance")).id;
  owner = await createUserActor(db, "PRODUCT_OWNER", [teamId]);
  engineer = await createUserActor(db, "ENGINEER", [teamId]);
  reviewer = await createUserActor(db, "REVIEWER", []);
  outsider = await createUserActor(db, "ENGINEER", [otherTeamId]);
});
afterAll(async () => database?.close());

const as = (actor: Actor) => ctxFor(database.prisma, actor);
const newUseCase = async () => (await createUseCase(as(owner), makeUseCaseInput(teamId))).id;

async function counts() {
  const db = database.prisma;
  return [await db.evaluationGate.count(), await db.evaluationRun.count(), await db.evaluationRunItem.count(), await db.auditEvent.count(), await db.webhookDelivery.count()];
}

describe("evaluation gates", () => {
  it("are managed by the product owner and reviewers, one per metric and comparison, audited", async () => {
    const useCaseId = await newUseCase();
    const gate = await createGate(as(owner), { useCaseId, metric: "accuracy", comparison: "GTE", threshold: 0.85 });
    await createGate(as(reviewer), { useCaseId, metric: "latency_p95_ms", comparison: "LTE", threshold: 3000 });
    await expect(createGate(as(engineer), { useCaseId, metric: "cost", comparison: "LT", threshold: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const before = await counts();
    await expect(createGate(as(owner), { useCaseId, metric: "accuracy", comparison: "GTE", threshold: 0.9 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already has the gate accuracy >= 0.85"),
    });
    await expect(createGate(as(owner), { useCaseId, metric: "Accuracy!", comparison: "GE", threshold: "high" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { fields: [{ field: "metric" }, { field: "comparison" }, { field: "threshold" }] },
    });
    await expect(createGate(as(owner), { useCaseId, metric: "m".repeat(65), comparison: "GT", threshold: 1 })).rejects.toMatchObject({ details: { fields: [{ field: "metric", message: "must be at most 64 characters" }] } });
    await expect(createGate(as(owner), { useCaseId: "uc_missing", metric: "m", comparison: "GT", threshold: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);

    // accuracy > 0.85 is a different comparison, so it may exist beside accuracy >= 0.85 …
    const strict = await createGate(as(owner), { useCaseId, metric: "accuracy", comparison: "GT", threshold: 0.8 });
    // … but cannot be edited into its twin.
    await expect(updateGate(as(owner), strict.id, { metric: "accuracy", comparison: "GTE", threshold: 0.8 })).rejects.toMatchObject({ code: "CONFLICT" });
    const updated = await updateGate(as(owner), gate.id, { metric: "accuracy", comparison: "GTE", threshold: 0.9 });
    expect(updated.threshold).toBe(0.9);
    await expect(updateGate(as(outsider), gate.id, { metric: "accuracy", comparison: "GTE", threshold: 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteGate(as(owner), strict.id);
    await expect(deleteGate(as(owner), strict.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect((await listGates(database.prisma, useCaseId)).map((g) => [g.metric, g.comparison, g.threshold])).toEqual([
      ["accuracy", "GTE", 0.9],
      ["latency_p95_ms", "LTE", 3000],
    ]);
    const events = await database.prisma.auditEvent.findMany({ where: { resourceType: "evaluation-gate", resourceId: { in: [gate.id, strict.id] } }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["evaluation-gate.create", "evaluation-gate.create", "evaluation-gate.update", "evaluation-gate.delete"]);
    expect(events[2]).toMatchObject({ before: { threshold: 0.85 }, after: { threshold: 0.9 } });
    expect(events[3]).toMatchObject({ before: { metric: "accuracy", comparison: "GT" }, after: null });
    expect((await verifyAuditChain(database.prisma)).ok).toBe(true);
  });
});

describe("evaluation runs", () => {
  it("passes a run that meets every gate, numbers it, stores items and audits", async () => {
    const useCaseId = await newUseCase();
    const ds = await datasetVersionFor(as(engineer), useCaseId, 3);
    await createGate(as(owner), { useCaseId, metric: "accuracy", comparison: "GTE", threshold: 0.85 });
    const items = [
      { itemIndex: 0, input: { ticket: "ticket-0" }, output: "label-0", expected: "label-0", scores: { exact_match: 1 }, passed: true },
      { input: { ticket: "new" }, output: "x" },
    ];
    const run = await createEvaluationRun(as(engineer), runInput(useCaseId, ds, { items, externalUrl: "https://ci.example.com/1" }), "api");
    expect(run).toMatchObject({ number: 1, passed: true, itemCount: 2, source: "api", datasetVersion: 1, gates: [{ metric: "accuracy", value: 0.9, passed: true, reason: null }] });
    const page = await listRunItems(database.prisma, run.id, 1);
    expect(page).toEqual([
      { position: 0, itemIndex: 0, input: { ticket: "ticket-0" }, output: "label-0", expected: "label-0", scores: { exact_match: 1 }, passed: true },
      { position: 1, itemIndex: null, input: { ticket: "new" }, output: "x", expected: null, scores: {}, passed: null },
    ]);
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { resourceId: run.id } });
    expect(event).toMatchObject({ action: "evaluation-run.create", resourceType: "evaluation-run", after: { number: 1, passed: true } });
    const second = await createEvaluationRun(as(owner), runInput(useCaseId, ds, { candidate: "rc-2" }), "upload");
    expect(second).toMatchObject({ number: 2, source: "upload" });
    expect((await listRunsForUseCase(database.prisma, useCaseId)).map((r) => r.number)).toEqual([2, 1]);
    expect(await listRunsForUseCase(database.prisma, useCaseId, { datasetVersionId: run.datasetVersionId })).toEqual([
      { id: second.id, number: 2, candidate: "rc-2", passed: true, datasetVersionId: run.datasetVersionId, createdAt: second.createdAt },
      { id: run.id, number: 1, candidate: "rc-1", passed: true, datasetVersionId: run.datasetVersionId, createdAt: run.createdAt },
    ]);
    expect(await listRunsForUseCase(database.prisma, useCaseId, { datasetVersionId: "dsv_other" })).toEqual([]);
    expect(await listEvaluationRuns(as(outsider), { useCaseId })).toMatchObject({ total: 2 });
  });

  it("fails a run below a gate or missing its metric, and enqueues the gate-failed webhook", async () => {
    const useCaseId = await newUseCase();
    const ds = await datasetVersionFor(as(engineer), useCaseId);
    await createGate(as(owner), { useCaseId, metric: "accuracy", comparison: "GTE", threshold: 0.85 });
    await createGate(as(owner), { useCaseId, metric: "cost_per_request_usd", comparison: "LT", threshold: 0.01 });
    const hook = await database.prisma.webhook.create({ data: { id: newId("wh"), url: "https://hooks.example.com/x", events: ["evaluation.gate-failed"], secret: "s".repeat(32), createdById: owner.id } });
    const run = await createEvaluationRun(as(engineer), runInput(useCaseId, ds, { metrics: [{ name: "accuracy", value: 0.81 }] }), "api");
    expect(run.passed).toBe(false);
    expect(run.gates).toEqual([
      { metric: "accuracy", comparison: "GTE", threshold: 0.85, value: 0.81, passed: false, reason: "0.81 < 0.85" },
      { metric: "cost_per_request_usd", comparison: "LT", threshold: 0.01, value: null, passed: false, reason: "the run has no cost_per_request_usd metric" },
    ]);
    const deliveries = await database.prisma.webhookDelivery.findMany({ where: { webhookId: hook.id } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ event: "evaluation.gate-failed", status: "PENDING" });
    expect((deliveries[0]!.payload as { data: unknown }).data).toMatchObject({ useCaseId, runId: run.id, runNumber: 1, candidate: "rc-1", failedGates: [{ metric: "accuracy" }, { metric: "cost_per_request_usd" }] });
    // A passing run announces nothing.
    await createEvaluationRun(as(engineer), runInput(useCaseId, ds, { metrics: [{ name: "accuracy", value: 0.9 }, { name: "cost_per_request_usd", value: 0.001 }] }), "api");
    expect(await database.prisma.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(1);
    await database.prisma.webhook.update({ where: { id: hook.id }, data: { active: false } });
  });

  it("gives concurrent posts distinct consecutive numbers", async () => {
    const useCaseId = await newUseCase();
    const ds = await datasetVersionFor(as(engineer), useCaseId);
    const runs = await Promise.all(Array.from({ length: 6 }, (_, i) => createEvaluationRun(as(engineer), runInput(useCaseId, ds, { candidate: `rc-${i}` }), "api")));
    expect(runs.map((r) => r.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("refuses bad input, another use case's dataset, another team and out-of-range items, writing nothing", async () => {
    const useCaseId = await newUseCase();
    const other = await newUseCase();
    const ds = await datasetVersionFor(as(engineer), useCaseId, 2);
    const otherDs = await datasetVersionFor(as(engineer), other, 2);
    const before = await counts();
    const bad: [Record<string, unknown>, string, string][] = [
      [{ candidate: "" }, "candidate", "is required"],
      [{ candidate: "x".repeat(101) }, "candidate", "must be at most 100 characters"],
      [{ metrics: [] }, "metrics", "must have at least one metric"],
      [{ metrics: [{ name: "a", value: 1 }, { name: "a", value: 2 }] }, "metrics.1.name", "a appears twice"],
      [{ metrics: [{ name: "a", value: "1" }] }, "metrics.0.value", "must be a finite number"],
      [{ items: [{ input: {}, output: "x", itemIndex: 2 }] }, "items.0.itemIndex", "must be less than 2"],
      [{ items: [{ input: "ticket", output: "x" }] }, "items.0.input", "must be an object"],
      [{ externalUrl: "javascript:alert(1)" }, "externalUrl", "must be an http or https URL"],
      [{ datasetId: otherDs.datasetId }, "datasetId", "is not a dataset of this use case"],
      [{ datasetVersion: 7 }, "datasetVersion", "the dataset has no version 7"],
      [{ releaseId: "rel_missing" }, "releaseId", "is not a release of this use case"],
    ];
    for (const [overrides, field, message] of bad) {
      await expect(createEvaluationRun(as(engineer), runInput(useCaseId, ds, overrides), "api"), field).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        details: { fields: [{ field, message: expect.stringContaining(message) }] },
      });
    }
    await expect(createEvaluationRun(as(outsider), runInput(useCaseId, ds), "api")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createEvaluationRun(as(reviewer), runInput(useCaseId, ds), "api")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createEvaluationRun(as(engineer), runInput("uc_missing", ds), "api")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });

  it("is immutable: the database refuses to change or delete a run or its items", async () => {
    const useCaseId = await newUseCase();
    const ds = await datasetVersionFor(as(engineer), useCaseId);
    const run = await createEvaluationRun(as(engineer), runInput(useCaseId, ds, { items: [{ input: {}, output: "x" }] }), "api");
    const db = database.prisma;
    await expect(db.$executeRaw`UPDATE "EvaluationRun" SET passed = NOT passed WHERE id = ${run.id}`).rejects.toThrow(/immutable/);
    await expect(db.evaluationRun.update({ where: { id: run.id }, data: { candidate: "rewritten" } })).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`DELETE FROM "EvaluationRun" WHERE id = ${run.id}`).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`UPDATE "EvaluationRunItem" SET output = 'y' WHERE "runId" = ${run.id}`).rejects.toThrow(/immutable/);
    expect(await getEvaluationRunOrThrow(as(engineer), run.id)).toMatchObject({ candidate: "rc-1", passed: true });
  });

  it("takes the console upload through the same service, refusing a file with a bad line", async () => {
    const useCaseId = await newUseCase();
    const ds = await datasetVersionFor(as(engineer), useCaseId, 2);
    await createGate(as(owner), { useCaseId, metric: "accuracy", comparison: "GTE", threshold: 0.85 });
    const header = { useCaseId, candidate: "upload-1", ...ds, externalUrl: "" };
    const good = '{"metrics": {"accuracy": 0.5}}\n{"itemIndex": 1, "input": {"ticket": "ticket-1"}, "output": "label-1", "passed": true}\n';
    const run = await uploadEvaluationRun(as(engineer), { ...header, text: good });
    expect(run).toMatchObject({ source: "upload", passed: false, itemCount: 1, externalUrl: null });
    const before = await counts();
    await expect(uploadEvaluationRun(as(engineer), { ...header, text: `${good}{"input": {}, "output": 3}\n` })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { fields: [{ field: "line 3: output", message: "must be text" }] },
    });
    // The browser cannot know the item count bound without the form; the server checks it.
    await expect(uploadEvaluationRun(as(engineer), { ...header, text: '{"metrics": {"accuracy": 1}}\n{"itemIndex": 2, "input": {}, "output": ""}' })).rejects.toMatchObject({
      details: { fields: [{ field: "items.0.itemIndex" }] },
    });
    expect(await counts()).toEqual(before);
  });
});
