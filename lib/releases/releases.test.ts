import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor } from "@/lib/testing/fixtures";
import { newId } from "@/lib/context";
import type { UserActor } from "@/lib/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createPromptVersion } from "@/lib/prompts/create-prompt-version";
import { createRelease } from "./create-release";
import { updateRelease } from "./update-release";
import { deleteRelease } from "./delete-release";
import { copyRelease } from "./copy-release";
import { submitRelease } from "./submit-release";
import { reviewRelease } from "./review-release";
import { previewReleaseNotes } from "./preview-release-notes";
import { diffReleases } from "./diff-releases";
import { getReleaseOrThrow, getReleaseFormOptions, listReleases } from "./queries";
import { insertRun, releaseWorld, FAILING, type ReleaseWorld } from "./testing";

let database: Database;
let teamId: string;
let owner: UserActor;
let engineer: UserActor;
let outsider: UserActor;
let viewer: UserActor;
let reviewers: UserActor[];
let world: ReleaseWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.prisma;
  teamId = (await createTeam(db, "Support")).id;
  const otherTeamId = (await createTeam(db, "Finance")).id;
  owner = await createUserActor(db, "PRODUCT_OWNER", [teamId]);
  engineer = await createUserActor(db, "ENGINEER", [teamId]);
  outsider = await createUserActor(db, "PRODUCT_OWNER", [otherTeamId]);
  viewer = await createUserActor(db, "VIEWER", [teamId]);
  reviewers = [];
  for (let i = 0; i < 3; i++) reviewers.push(await createUserActor(db, "REVIEWER"));
  world = await releaseWorld(as(owner), teamId);
  await db.webhook.create({ data: { id: newId("wh"), url: "https://hooks.example.com/x", events: ["release.submitted", "release.approved", "release.changes-requested", "release.rejected"], secret: "s", createdById: owner.id } });
});
afterAll(async () => database?.close());

const as = (actor: UserActor) => ctxFor(database.prisma, actor);
const db = () => database.prisma;
const deliveries = (releaseId: string, event: string) => db().webhookDelivery.count({ where: { event, payload: { path: ["data", "release", "id"], equals: releaseId } } });
async function submittedRelease(w: ReleaseWorld, overrides: Record<string, unknown> = {}) {
  const r = await createRelease(as(engineer), w.bundle(overrides));
  await submitRelease(as(engineer), r.id);
  return r;
}

describe("release drafts", () => {
  it("creates numbered drafts with drafted notes, pins and an audit event", async () => {
    const w = await releaseWorld(as(owner), teamId);
    const first = await createRelease(as(engineer), w.bundle());
    expect(first).toMatchObject({ number: 1, status: "DRAFT", createdById: engineer.id, knowledgeBaseIds: ["KB12345678"] });
    expect(first.notes).toContain(`First release of ${w.useCase.name}`);
    expect(first.notes).toMatch(/Prompt role `triage`: triage-\w+ v2/);
    expect(first.notes).toContain("accuracy: 0.91");
    const second = await createRelease(as(owner), w.bundle({ notes: "Hand-written notes" }));
    expect(second).toMatchObject({ number: 2, notes: "Hand-written notes" });
    const events = await db().auditEvent.findMany({ where: { resourceId: first.id } });
    expect(events.map((e) => e.action)).toEqual(["release.create"]);
    expect(await db().releasePrompt.count({ where: { releaseId: first.id } })).toBe(2);
  });

  it("names every invalid field (422) and writes nothing", async () => {
    const before = await db().release.count();
    const bad = world.bundle({
      modelId: "not a model",
      prompts: [{ role: "Triage!", promptVersionId: world.versions.triage2 }, { role: "reply", promptVersionId: world.versions.reply1 }, { role: "reply", promptVersionId: world.versions.triage1 }],
      knowledgeBaseIds: ["kb-lower"],
      notes: 5,
    });
    const error = await createRelease(as(owner), bad).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(error.details.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(["modelId", "prompts.0.role", "prompts.2.role", "knowledgeBaseIds.0", "notes"]));
    await expect(createRelease(as(owner), world.bundle({ prompts: [] }))).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("prompts: at least one prompt version is required") });
    await expect(createRelease(as(owner), world.bundle({ useCaseId: "uc_missing" }))).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: "useCaseId: no such use case" });
    expect(await db().release.count()).toBe(before);
  });

  it("refuses pins of another use case, naming the field", async () => {
    const other = await releaseWorld(as(owner), teamId);
    const before = await db().release.count();
    const mixed = world.bundle({ prompts: [{ role: "triage", promptVersionId: world.versions.triage2 }, { role: "reply", promptVersionId: other.versions.reply1 }] });
    await expect(createRelease(as(owner), mixed)).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: "Invalid input — prompts.1.promptVersionId: is not a version of a prompt of this use case" });
    const error = await createRelease(as(owner), world.bundle({ guardrailVersionId: other.versions.guard1, datasetVersionId: other.datasetVersionId, evaluationRunId: other.runs.passing })).catch((e) => e);
    expect(error.details.fields).toEqual([
      { field: "guardrailVersionId", message: "is not a version of a guardrail of this use case" },
      { field: "datasetVersionId", message: "is not a version of a dataset of this use case" },
      { field: "evaluationRunId", message: "is not an evaluation run of this use case" },
    ]);
    expect(await db().release.count()).toBe(before);
  });

  it("lets only product owners and engineers of the owning team write releases", async () => {
    await expect(createRelease(as(outsider), world.bundle())).rejects.toMatchObject({ code: "FORBIDDEN", message: "This belongs to a team you are not a member of" });
    await expect(createRelease(as(viewer), world.bundle())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createRelease(as(reviewers[0]!), world.bundle())).rejects.toMatchObject({ code: "FORBIDDEN" });
    const r = await createRelease(as(owner), world.bundle());
    const { useCaseId: _u, ...bundle } = world.bundle();
    await expect(updateRelease(as(outsider), r.id, bundle)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteRelease(as(outsider), r.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(submitRelease(as(outsider), r.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("updates and deletes drafts; copies a release as a new attempt", async () => {
    const r = await createRelease(as(owner), world.bundle());
    const { useCaseId: _u, ...bundle } = world.bundle({ prompts: [{ role: "triage", promptVersionId: world.versions.triage1 }], knowledgeBaseIds: [] });
    const updated = await updateRelease(as(engineer), r.id, bundle);
    expect(updated).toMatchObject({ prompts: [{ role: "triage", promptVersionId: world.versions.triage1 }], knowledgeBaseIds: [], notes: r.notes });
    const copy = await copyRelease(as(engineer), r.id);
    expect(copy).toMatchObject({ status: "DRAFT", number: r.number + 1, prompts: updated.prompts, notes: r.notes, createdById: engineer.id });
    await deleteRelease(as(owner), r.id);
    expect(await db().release.findUnique({ where: { id: r.id } })).toBeNull();
    const actions = await db().auditEvent.findMany({ where: { resourceId: r.id }, orderBy: { seq: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["release.create", "release.update", "release.delete"]);
    expect((await db().auditEvent.findFirstOrThrow({ where: { resourceId: copy.id } })).action).toBe("release.copy");
  });

  it("drafts the notes from the diff against what runs in production", async () => {
    const w = await releaseWorld(as(owner), teamId);
    const prod = await submittedRelease(w, { prompts: [{ role: "triage", promptVersionId: w.versions.triage1 }], guardrailVersionId: w.versions.guard1, knowledgeBaseIds: [] });
    await reviewRelease(as(reviewers[0]!), prod.id, { decision: "APPROVE", comment: "ok" });
    const deploymentId = newId("dep");
    await db().deployment.create({ data: { id: deploymentId, useCaseId: w.useCase.id, environment: "PROD", releaseId: prod.id, kind: "PROMOTION", config: {}, etag: "x", deployedById: owner.id } });
    await db().activeDeployment.create({ data: { useCaseId: w.useCase.id, environment: "PROD", deploymentId, releaseId: prod.id } });
    const lower = await insertRun(db(), w.useCase.id, w.datasetVersionId, [{ name: "accuracy", value: 0.95 }, { name: "latency_p95_ms", value: 1500 }], owner.id);
    const { notes, productionReleaseNumber } = await previewReleaseNotes(as(engineer), w.bundle({ evaluationRunId: lower.id }));
    expect(productionReleaseNumber).toBe(prod.number);
    expect(notes).toContain(`Changes from release #${prod.number}, which runs in production now:`);
    expect(notes).toMatch(/Prompt role `triage`: triage-\w+ v1 → triage-\w+ v2 \(template text; temperature 0\.2 → 0\.3\)/);
    expect(notes).toMatch(/Prompt role `reply` added: reply-\w+ v1/);
    expect(notes).toMatch(/Guardrail: guard-\w+ v1 → guard-\w+ v2 \(Denied topics: 1 added\)/);
    expect(notes).toContain("Knowledge bases added: KB12345678");
    expect(notes).toContain("accuracy: 0.95 (production 0.91, +0.04)");
    expect(notes).toContain("latency_p95_ms: 1500 (production 1800, -300)");
  });
});

describe("submitting", () => {
  it("refuses a failing run with the failing gates listed, and a missing run or dataset", async () => {
    const r = await createRelease(as(engineer), world.bundle({ evaluationRunId: world.runs.failing }));
    const error = await submitRelease(as(engineer), r.id).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(error.message).toMatch(/does not pass the use case's gates — accuracy >= 0.85: 0.81 < 0.85; latency_p95_ms <= 3000: 3500 > 3000$/);
    expect(error.details.gates).toHaveLength(2);
    expect(error.details.gates.every((g: { passed: boolean }) => !g.passed)).toBe(true);
    const bare = await createRelease(as(engineer), world.bundle({ datasetVersionId: null, evaluationRunId: null }));
    await expect(submitRelease(as(engineer), bare.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Pin a dataset version and an evaluation run before submitting") });
    expect((await db().release.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("DRAFT");
  });

  it("judges the run against the gates as they are now, not when it arrived", async () => {
    const w = await releaseWorld(as(owner), teamId);
    await db().evaluationGate.create({ data: { id: newId("gate"), useCaseId: w.useCase.id, metric: "cost_per_request_usd", comparison: "LTE", threshold: 0.01, createdById: owner.id } });
    const r = await createRelease(as(engineer), w.bundle());
    await expect(submitRelease(as(engineer), r.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("cost_per_request_usd <= 0.01: the run has no cost_per_request_usd metric") });
  });

  it("refuses while the use case is not approved, and for the prohibited tier", async () => {
    const draftUc = await releaseWorld(as(owner), teamId, { status: "DRAFT" });
    const r = await createRelease(as(engineer), draftUc.bundle());
    await expect(submitRelease(as(engineer), r.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("is draft: releases can be submitted only once the use case itself is approved") });
    const prohibited = await releaseWorld(as(owner), teamId, { riskTier: "PROHIBITED" });
    const p = await createRelease(as(engineer), prohibited.bundle());
    await expect(submitRelease(as(engineer), p.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("PROHIBITED") });
  });

  it("submits a passing release: status, submitter, audit and a webhook delivery in one go", async () => {
    const r = await createRelease(as(owner), world.bundle());
    const submitted = await submitRelease(as(engineer), r.id);
    expect(submitted).toMatchObject({ status: "SUBMITTED", submittedById: engineer.id });
    expect(submitted.submittedAt).toBeTruthy();
    expect(await deliveries(r.id, "release.submitted")).toBe(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { resourceId: r.id, action: "release.submit" } });
    expect(audit.after).toMatchObject({ status: "SUBMITTED" });
    await expect(submitRelease(as(engineer), r.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("only a draft can be submitted") });
  });
});

describe("immutability", () => {
  it("the database refuses changing a submitted release; the services say 409", async () => {
    const r = await submittedRelease(world);
    await expect(db().$executeRaw`UPDATE "Release" SET "modelId" = 'amazon.nova-pro-v1:0' WHERE id = ${r.id}`).rejects.toThrow(/what it pins cannot change/);
    await expect(db().releasePrompt.create({ data: { id: newId("rlp"), releaseId: r.id, role: "extra", promptVersionId: world.versions.triage1 } })).rejects.toThrow(/its prompts cannot change/);
    await expect(db().$executeRaw`DELETE FROM "ReleasePrompt" WHERE "releaseId" = ${r.id}`).rejects.toThrow(/its prompts cannot change/);
    await expect(db().$executeRaw`DELETE FROM "Release" WHERE id = ${r.id}`).rejects.toThrow(/only a draft release can be deleted/);
    const { useCaseId: _u, ...bundle } = world.bundle();
    await expect(updateRelease(as(engineer), r.id, bundle)).rejects.toMatchObject({
      code: "CONFLICT", message: `Release #${r.number} is awaiting approval: only a draft can be edited. A submitted release never changes; start a new attempt instead.`,
    });
    await expect(deleteRelease(as(engineer), r.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("only a draft can be deleted") });
    expect((await db().release.findUniqueOrThrow({ where: { id: r.id } })).modelId).toBe("amazon.nova-lite-v1:0");
  });
});

describe("review", () => {
  it("approves a limited-tier release with one reviewer and announces it", async () => {
    const r = await submittedRelease(world);
    const result = await reviewRelease(as(reviewers[0]!), r.id, { decision: "APPROVE", comment: "Evidence is convincing" });
    expect(result).toMatchObject({ transitioned: true, status: "APPROVED", approvals: 1, required: 1 });
    const after = await db().release.findUniqueOrThrow({ where: { id: r.id } });
    expect(after.status).toBe("APPROVED");
    expect(after.decidedAt).toBeTruthy();
    expect(await deliveries(r.id, "release.approved")).toBe(1);
    await expect(reviewRelease(as(reviewers[1]!), r.id, { decision: "REJECT", comment: "late" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Only a submitted release can be reviewed") });
  });

  it("needs two different reviewers for the high tier; a reviewer counts once", async () => {
    const w = await releaseWorld(as(owner), teamId, { riskTier: "HIGH" });
    const r = await submittedRelease(w);
    expect(await reviewRelease(as(reviewers[0]!), r.id, { decision: "APPROVE", comment: "one" })).toMatchObject({ transitioned: false, approvals: 1, required: 2 });
    await expect(reviewRelease(as(reviewers[0]!), r.id, { decision: "APPROVE", comment: "again" })).rejects.toMatchObject({ code: "CONFLICT", message: "You already decided on this release (approve)" });
    expect(await reviewRelease(as(reviewers[1]!), r.id, { decision: "APPROVE", comment: "two" })).toMatchObject({ transitioned: true, status: "APPROVED", approvals: 2 });
    const detail = await getReleaseOrThrow(as(viewer), r.id);
    expect(detail).toMatchObject({ status: "APPROVED", approvals: 2, approvalsNeeded: 2 });
    expect(detail.reviews.map((x) => [x.reviewerName, x.decision, x.comment])).toEqual([[reviewers[0]!.name, "APPROVE", "one"], [reviewers[1]!.name, "APPROVE", "two"]]);
    expect(detail.history.map((h) => h.action)).toEqual(["release.create", "release.submit", "release.review", "release.review", "release.approved"]);
  });

  it("a comment asks before deciding: threaded and audited, no status change, no approval, no webhook, and it does not block a decision", async () => {
    const r = await submittedRelease(world);
    const announced = () => db().webhookDelivery.count({ where: { payload: { path: ["data", "release", "id"], equals: r.id } } });
    const before = await announced();
    expect(await reviewRelease(as(reviewers[0]!), r.id, { comment: "Which knowledge base does KB12345678 hold?" })).toMatchObject({ transitioned: false, status: "SUBMITTED", approvals: 0, review: { decision: null } });
    await reviewRelease(as(reviewers[0]!), r.id, { decision: null, comment: "And is the golden set current?" });
    expect(await announced()).toBe(before);
    const detail = await getReleaseOrThrow(as(viewer), r.id);
    expect(detail).toMatchObject({ status: "SUBMITTED", approvals: 0 });
    expect(detail.reviews.map((x) => x.decision)).toEqual([null, null]);
    expect(detail.history.map((h) => h.action).filter((a) => a === "release.comment")).toHaveLength(2);
    // The same reviewer still decides once; the partial unique key backs that below the service.
    expect(await reviewRelease(as(reviewers[0]!), r.id, { decision: "APPROVE", comment: "Answered: approved" })).toMatchObject({ transitioned: true, status: "APPROVED", approvals: 1 });
    expect(await announced()).toBe(before + 1);
    const again = db().releaseReview.create({ data: { id: newId("rrv"), releaseId: r.id, reviewerId: reviewers[0]!.id, decision: "REJECT", comment: "second decision" } });
    await expect(again).rejects.toThrow();
  });

  it("requests changes (terminal; a new attempt is a copy) and rejects (ends it)", async () => {
    const r = await submittedRelease(world);
    await reviewRelease(as(reviewers[0]!), r.id, { decision: "REQUEST_CHANGES", comment: "Pin the newer guardrail" });
    expect((await db().release.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("CHANGES_REQUESTED");
    expect([await deliveries(r.id, "release.changes-requested"), await deliveries(r.id, "release.rejected")]).toEqual([1, 0]);
    await expect(reviewRelease(as(reviewers[1]!), r.id, { decision: "APPROVE", comment: "too late" })).rejects.toMatchObject({ code: "CONFLICT" });
    const attempt = await copyRelease(as(engineer), r.id);
    expect(attempt.status).toBe("DRAFT");
    const rejected = await submittedRelease(world);
    await reviewRelease(as(reviewers[0]!), rejected.id, { decision: "REJECT", comment: "Not acceptable" });
    expect((await db().release.findUniqueOrThrow({ where: { id: rejected.id } })).status).toBe("REJECTED");
    expect(await deliveries(rejected.id, "release.rejected")).toBe(1);
    await expect(reviewRelease(as(reviewers[0]!), rejected.id, { decision: "APPROVE", comment: "" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: "Invalid input — comment: is required: say why" });
    await expect(reviewRelease(as(engineer), rejected.id, { decision: "APPROVE", comment: "mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("separation of duties: authors of the release, its submitter and authors of pinned versions cannot review it", async () => {
    // Reviewers who also belong to the team (and once wrote things there) exist in real orgs.
    const dual = async () => {
      const u = await createUserActor(db(), "REVIEWER", [teamId]);
      return { reviewer: u, asAuthor: ctxFor(db(), { ...u, role: "PRODUCT_OWNER" as const }) };
    };
    const w = await releaseWorld(as(owner), teamId);
    const promptAuthor = await dual();
    const v3 = await createPromptVersion(promptAuthor.asAuthor, w.prompts.triage, { message: "Third" });
    const r1 = await submittedRelease(w, { prompts: [{ role: "triage", promptVersionId: v3.id }] });
    const e1 = await reviewRelease(as(promptAuthor.reviewer), r1.id, { decision: "APPROVE", comment: "mine" }).catch((e) => e);
    expect(e1).toMatchObject({ code: "FORBIDDEN" });
    expect(e1.message).toMatch(/^You wrote prompt version triage-\w+ v3 pinned in this release/);

    const releaseAuthor = await dual();
    const r2 = await createRelease(releaseAuthor.asAuthor, w.bundle());
    await submitRelease(as(engineer), r2.id);
    await expect(reviewRelease(as(releaseAuthor.reviewer), r2.id, { decision: "APPROVE", comment: "x" })).rejects.toMatchObject({ code: "FORBIDDEN", message: `You wrote release #${r2.number}: its author cannot review it` });

    const submitter = await dual();
    const r3 = await createRelease(as(engineer), w.bundle());
    await submitRelease(submitter.asAuthor, r3.id);
    await expect(reviewRelease(as(submitter.reviewer), r3.id, { decision: "REJECT", comment: "x" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("its submitter cannot review it") });

    const guardAuthor = await dual();
    await db().guardrail.findUniqueOrThrow({ where: { id: w.guardrailId } });
    const { createGuardrailVersion } = await import("@/lib/guardrails/create-guardrail-version");
    const g3 = await createGuardrailVersion(guardAuthor.asAuthor, w.guardrailId, { message: "Third" });
    const r4 = await submittedRelease(w, { guardrailVersionId: g3.id });
    await expect(reviewRelease(as(guardAuthor.reviewer), r4.id, { decision: "APPROVE", comment: "x" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/^You wrote guardrail version guard-\w+ v3 pinned in this release/) });
    expect(await db().releaseReview.count({ where: { releaseId: { in: [r1.id, r2.id, r3.id, r4.id] } } })).toBe(0);
  });
});

describe("concurrent review", () => {
  it("several reviewers approving a high-tier release at once: each counted once, exactly one transition", async () => {
    const w = await releaseWorld(as(owner), teamId, { riskTier: "HIGH" });
    const r = await submittedRelease(w);
    const results = await Promise.allSettled(reviewers.map((rv, i) => reviewRelease(as(rv), r.id, { decision: "APPROVE", comment: `parallel ${i}` })));
    const fulfilled = results.filter((x) => x.status === "fulfilled").map((x) => x.value);
    expect(fulfilled).toHaveLength(2);
    expect(fulfilled.filter((x) => x.transitioned)).toHaveLength(1);
    for (const x of results) if (x.status === "rejected") expect(x.reason).toMatchObject({ code: "CONFLICT" });
    expect(await db().releaseReview.count({ where: { releaseId: r.id } })).toBe(2);
    expect(await db().auditEvent.count({ where: { resourceId: r.id, action: "release.approved" } })).toBe(1);
    expect(await deliveries(r.id, "release.approved")).toBe(1);
    expect((await db().release.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("APPROVED");
  });

  it("the same reviewer approving twice at once counts once and transitions nothing", async () => {
    const w = await releaseWorld(as(owner), teamId, { riskTier: "HIGH" });
    const r = await submittedRelease(w);
    const results = await Promise.allSettled([1, 2, 3].map((i) => reviewRelease(as(reviewers[0]!), r.id, { decision: "APPROVE", comment: `double click ${i}` })));
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    for (const x of results) if (x.status === "rejected") expect(x.reason).toMatchObject({ code: "CONFLICT" });
    expect(await db().releaseReview.count({ where: { releaseId: r.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { resourceId: r.id, action: "release.review" } })).toBe(1);
    expect((await db().release.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("SUBMITTED");
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });
});

describe("missing releases and bad input", () => {
  it("answers 404 for a release that does not exist and 422 for bad input, writing nothing", async () => {
    const { useCaseId: _u, ...bundle } = world.bundle();
    const audits = await db().auditEvent.count();
    await expect(updateRelease(as(owner), "rel_missing", bundle)).rejects.toMatchObject({ code: "NOT_FOUND", message: "Release was not found" });
    await expect(deleteRelease(as(owner), "rel_missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(copyRelease(as(owner), "rel_missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitRelease(as(owner), "rel_missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reviewRelease(as(reviewers[0]!), "rel_missing", { decision: "APPROVE", comment: "ok" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const r = await submittedRelease(world);
    const after = await db().auditEvent.count();
    for (const [input, field] of [
      [{ decision: "MAYBE", comment: "ok" }, "decision"],
      [{ decision: "APPROVE", comment: "x".repeat(2001) }, "comment"],
      [{ decision: "APPROVE" }, "comment"],
      [{ comment: "  " }, "decision"],
      [{ decision: "APPROVE", comment: "ok", extra: 1 }, "(body)"],
      ["approve", "(body)"],
    ] as const) {
      const error = await reviewRelease(as(reviewers[0]!), r.id, input).catch((e) => e);
      expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
      expect(error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const e = await updateRelease(as(owner), r.id, { ...bundle, knowledgeBaseIds: "KB12345678" }).catch((x) => x);
    expect(e).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("knowledgeBaseIds: must be a list of knowledge base ids") });
    expect(await db().releaseReview.count({ where: { releaseId: r.id } })).toBe(0);
    expect(await db().auditEvent.count()).toBe(after);
    expect(after).toBeGreaterThan(audits);
  });
});

describe("reading", () => {
  it("lists with use-case and status filters, approvals and pagination", async () => {
    const w = await releaseWorld(as(owner), teamId, { riskTier: "HIGH" });
    const a = await submittedRelease(w);
    await reviewRelease(as(reviewers[0]!), a.id, { decision: "APPROVE", comment: "one" });
    for (let i = 0; i < 2; i++) await createRelease(as(owner), w.bundle());
    const all = await listReleases(as(viewer), { useCaseId: w.useCase.id, pageSize: 2 });
    expect(all).toMatchObject({ total: 3, pageCount: 2 });
    const submitted = await listReleases(as(viewer), { useCaseId: w.useCase.id, status: "SUBMITTED" });
    expect(submitted.items.map((x) => [x.number, x.approvals, x.approvalsNeeded, x.promptCount])).toEqual([[1, 1, 2, 2]]);
    await expect(listReleases(as(viewer), { status: "SHIPPED" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("shows the run's verdict and only pinnable versions in the form options", async () => {
    const options = await getReleaseFormOptions(as(engineer), world.useCase.id);
    expect(options.prompts.map((p) => p.versions.length)).toEqual([1, 2]);
    expect(options.runs.map((r) => [r.id, r.passed])).toEqual(expect.arrayContaining([[world.runs.passing, true], [world.runs.failing, false]]));
    expect(options.datasets[0]!.versions[0]!.id).toBe(world.datasetVersionId);
  });

  it("diffs two releases of a use case across the bundle, and refuses two use cases", async () => {
    const w = await releaseWorld(as(owner), teamId);
    const failing = await insertRun(db(), w.useCase.id, w.datasetVersionId, FAILING, owner.id);
    const a = await createRelease(as(owner), w.bundle({ prompts: [{ role: "triage", promptVersionId: w.versions.triage1 }], guardrailVersionId: w.versions.guard1, knowledgeBaseIds: ["KBAAAAAAAA"], evaluationRunId: failing.id }));
    const b = await createRelease(as(owner), w.bundle({ modelId: "amazon.nova-pro-v1:0" }));
    const { diff } = await diffReleases(as(viewer), { a: a.id, b: b.id });
    expect(diff.roles.map((r) => [r.role, r.status])).toEqual([["reply", "added"], ["triage", "changed"]]);
    expect(diff.roles[1]!.prompt!.sections[0]!.changed).toBe(true);
    expect(diff.model).toMatchObject({ left: "amazon.nova-lite-v1:0", right: "amazon.nova-pro-v1:0", changed: true });
    expect(diff.guardrail.policies.find((p) => p.policy === "topics")!.added.map((t) => t.key)).toEqual(["Legal advice"]);
    expect(diff.knowledgeBases).toMatchObject({ added: ["KB12345678"], removed: ["KBAAAAAAAA"] });
    expect(diff.metrics).toEqual([{ name: "accuracy", left: 0.81, right: 0.91, delta: 0.1 }, { name: "latency_p95_ms", left: 3500, right: 1800, delta: -1700 }]);
    const other = await createRelease(as(owner), world.bundle());
    await expect(diffReleases(as(viewer), { a: a.id, b: other.id })).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("another use case") });
    await expect(diffReleases(as(viewer), { a: a.id, b: "rel_missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
