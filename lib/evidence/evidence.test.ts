import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor } from "@/lib/testing/fixtures";
import { newId } from "@/lib/context";
import type { UserActor } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { buildReleaseEvidence } from "./build-release-evidence";
import { releaseEvidenceResponse } from "./evidence-response";
import { cell, fenced } from "./render-evidence-markdown";

let database: Database;
let viewer: UserActor;
let releaseId: string;
const ARN = "arn:aws:bedrock:eu-west-1:123456789012:prompt/PRMT12345:1";

/** A realistic approved, deployed HIGH-risk release, inserted row by row (as the triggers allow). */
async function seedRelease() {
  const db = database.prisma;
  const team = await createTeam(db, "Customer Support");
  const author = await createUserActor(db, "ENGINEER", [team.id]);
  const promptAuthor = await createUserActor(db, "PRODUCT_OWNER", [team.id]);
  const r1 = await createUserActor(db, "REVIEWER");
  const r2 = await createUserActor(db, "REVIEWER");
  viewer = await createUserActor(db, "VIEWER");
  const uc = await db.useCase.create({
    data: { id: newId("uc"), slug: "support-triage", name: "Support ticket triage", teamId: team.id, businessOwner: "Dana", riskTier: "HIGH", dataClassification: "CONFIDENTIAL", audience: "INTERNAL", status: "APPROVED", createdById: author.id },
  });
  const prompt = await db.prompt.create({ data: { id: newId("pr"), useCaseId: uc.id, name: "ticket-classifier", type: "TEXT", draft: {}, draftUpdatedById: promptAuthor.id, latestVersion: 2, createdById: promptAuthor.id } });
  const pv = await db.promptVersion.create({
    data: { id: newId("pv"), promptId: prompt.id, number: 2, message: "Sharper labels", createdById: promptAuthor.id, content: { type: "TEXT", template: "Classify the ticket:\n```\n{{ticket}}\n```\nAnswer with one label.", modelId: "amazon.nova-lite-v1:0", variables: [] } },
  });
  const chat = await db.prompt.create({ data: { id: newId("pr"), useCaseId: uc.id, name: "reply-drafter", type: "CHAT", draft: {}, draftUpdatedById: author.id, latestVersion: 1, createdById: author.id } });
  const cv = await db.promptVersion.create({
    data: { id: newId("pv"), promptId: chat.id, number: 1, message: "First", createdById: author.id, content: { type: "CHAT", system: "You are polite.", messages: [{ role: "user", text: "Draft a reply to {{ticket}}" }] } },
  });
  const g = await db.guardrail.create({ data: { id: newId("gr"), useCaseId: uc.id, name: "support-pii", draft: {}, draftUpdatedById: author.id, latestVersion: 1, createdById: author.id } });
  const gv = await db.guardrailVersion.create({ data: { id: newId("gv"), guardrailId: g.id, number: 1, message: "PII", config: {}, createdById: author.id } });
  const ds = await db.dataset.create({ data: { id: newId("ds"), useCaseId: uc.id, name: "triage-golden", latestVersion: 3, createdById: author.id } });
  const dv = await db.datasetVersion.create({ data: { id: newId("dv"), datasetId: ds.id, number: 3, message: "More", items: [], itemCount: 120, createdById: author.id } });
  await db.evaluationGate.createMany({
    data: [
      { id: newId("gate"), useCaseId: uc.id, metric: "accuracy", comparison: "GTE", threshold: 0.85, createdById: promptAuthor.id },
      // Added after the run: the run passed its gates then, but fails this one today.
      { id: newId("gate"), useCaseId: uc.id, metric: "latency_p95_ms", comparison: "LTE", threshold: 3000, createdById: promptAuthor.id },
    ],
  });
  const run = await db.evaluationRun.create({
    data: {
      id: newId("run"), useCaseId: uc.id, number: 7, candidate: "rc-2026-11-22", datasetVersionId: dv.id, source: "api", itemCount: 120, createdById: author.id,
      metrics: [{ name: "accuracy", value: 0.91 }, { name: "cost_per_request_usd", value: 0.004 }],
      gateResults: [{ metric: "accuracy", comparison: "GTE", threshold: 0.85, value: 0.91, passed: true, reason: null }],
      passed: true,
    },
  });
  const release = await db.release.create({
    data: {
      id: newId("rel"), useCaseId: uc.id, number: 4, modelId: "amazon.nova-pro-v1:0", guardrailVersionId: gv.id, datasetVersionId: dv.id, evaluationRunId: run.id,
      knowledgeBaseIds: ["KB12345678"], notes: "Sharper labels for billing tickets.\nCloses SUP-42 | SUP-43.", createdById: author.id,
      prompts: { create: [{ id: newId("rp"), role: "triage", promptVersionId: pv.id }, { id: newId("rp"), role: "reply", promptVersionId: cv.id }] },
    },
  });
  await db.release.update({ where: { id: release.id }, data: { status: "SUBMITTED", submittedById: author.id, submittedAt: new Date("2026-11-20T09:00:00Z") } });
  await db.releaseReview.create({ data: { id: newId("rr"), releaseId: release.id, reviewerId: r1.id, decision: "APPROVE", comment: "Looks good | ship it\nsecond line <script>alert(1)</script>", createdAt: new Date("2026-11-20T10:00:00Z") } });
  await db.releaseReview.create({ data: { id: newId("rr"), releaseId: release.id, reviewerId: r2.id, decision: "APPROVE", comment: "Agreed.", createdAt: new Date("2026-11-20T11:00:00Z") } });
  await db.release.update({ where: { id: release.id }, data: { status: "APPROVED", decidedAt: new Date("2026-11-20T11:00:00Z") } });
  await db.deployment.create({
    data: { id: newId("dep"), useCaseId: uc.id, environment: "DEV", releaseId: release.id, kind: "PROMOTION", config: {}, etag: '"e1"', deployedById: author.id, artifacts: [{ resourceType: "prompt", versionId: pv.id, label: "prompt ticket-classifier v2 (role triage)", bedrockId: "PRMT12345", bedrockArn: ARN, bedrockVersion: "1" }] },
  });
  await db.$transaction((tx) => recordAuditEvent(tx, ctxFor(db, r2), { action: "release.approved", resourceType: "release", resourceId: release.id }));
  return { release, names: { author: author.name, promptAuthor: promptAuthor.name, r1: r1.name, r2: r2.name } };
}

let names: Awaited<ReturnType<typeof seedRelease>>["names"];
beforeAll(async () => {
  database = await createTestDatabase();
  const seeded = await seedRelease();
  releaseId = seeded.release.id;
  names = seeded.names;
});
afterAll(async () => database?.close());

const get = (query: string, actor: UserActor | null = viewer, id = releaseId) =>
  releaseEvidenceResponse(new Request(`http://localhost/releases/${id}/evidence${query}`), id, async () => ({ db: database.prisma, actor }));

describe("release evidence", () => {
  it("builds the JSON evidence with pinned versions, both gate verdicts, reviews, deployments and audit", async () => {
    const res = await get("?format=json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="release-support-triage-4-evidence.json"');
    const ev = await res.json();
    expect(ev.useCase).toMatchObject({ name: "Support ticket triage", slug: "support-triage", team: { name: "Customer Support" }, riskTier: "HIGH", dataClassification: "CONFIDENTIAL", status: "APPROVED" });
    expect(ev.release).toMatchObject({ number: 4, status: "APPROVED", modelId: "amazon.nova-pro-v1:0", author: { name: names.author }, submittedBy: { name: names.author }, submittedAt: "2026-11-20T09:00:00.000Z", decidedAt: "2026-11-20T11:00:00.000Z" });
    expect(ev.pinned.prompts).toEqual([
      expect.objectContaining({ role: "reply", prompt: "reply-drafter", version: 1, type: "CHAT", text: "[system]\nYou are polite.\n\n[user]\nDraft a reply to {{ticket}}" }),
      expect.objectContaining({ role: "triage", prompt: "ticket-classifier", version: 2, type: "TEXT", author: expect.objectContaining({ name: names.promptAuthor }) }),
    ]);
    expect(ev.pinned).toMatchObject({ guardrail: { name: "support-pii", version: 1 }, dataset: { name: "triage-golden", version: 3, itemCount: 120 }, knowledgeBaseIds: ["KB12345678"] });
    expect(ev.evaluation).toMatchObject({ number: 7, candidate: "rc-2026-11-22", recorded: { passed: true, results: [{ metric: "accuracy", value: 0.91, passed: true }] } });
    expect(ev.evaluation.current).toMatchObject({ passed: false, results: [{ metric: "accuracy", passed: true }, { metric: "latency_p95_ms", value: null, passed: false, reason: "the run has no latency_p95_ms metric" }] });
    expect(ev.approval).toEqual({ riskTier: "HIGH", required: 2, rule: "2 approvals from different reviewers.", approvals: 2 });
    expect(ev.reviews.map((r: { reviewer: { name: string }; decision: string }) => [r.reviewer.name, r.decision])).toEqual([[names.r1, "APPROVE"], [names.r2, "APPROVE"]]);
    expect(ev.deployments).toEqual([expect.objectContaining({ environment: "DEV", kind: "PROMOTION", deployedBy: expect.objectContaining({ name: names.author }), artifacts: [{ label: "prompt ticket-classifier v2 (role triage)", arn: ARN }] })]);
    expect(ev.audit).toEqual([expect.objectContaining({ action: "release.approved", actor: expect.stringContaining(names.r2) })]);
  });

  it("renders Markdown with tables whose cells cannot be broken by pipes, newlines or HTML", async () => {
    const res = await get("");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/markdown");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="release-support-triage-4-evidence.md"');
    const md = await res.text();
    expect(md).toMatch(/^# Release evidence: Support ticket triage — release #4\n/);
    for (const heading of ["## Use case", "## Release", "## Pinned versions", "## Evaluation", "## Approval", "### Review thread", "## Deployments", "## Audit trail"]) {
      expect(md).toContain(`\n${heading}\n`);
    }
    expect(md).toContain("| Risk tier | HIGH |");
    expect(md).toContain("| triage | ticket-classifier | v2 | TEXT |");
    expect(md).toContain("| accuracy >= 0.85 | 0.91 | PASS |");
    expect(md).toContain("| latency_p95_ms <= 3000 | missing | FAIL (the run has no latency_p95_ms metric) |");
    expect(md).toContain("Approvals received: **2** of 2 required");
    // A comment's HTML is escaped the Markdown way: the raw file shows `<`, a renderer shows text.
    expect(md).toContain(`| ${names.r1} | APPROVE | Looks good \\| ship it<br>second line \\<script>alert(1)\\</script> | 20 Nov 2026, 10:00 UTC |`);
    expect(md).not.toContain("&lt;");
    // The audit trail names actions as the console does, not by their code.
    expect(md).toMatch(/\| Approved \| [^|]+ \|/);
    expect(md).not.toContain("release.approved");
    expect(md).toContain(`| DEV | PROMOTION | ${names.author} |`);
    expect(md).toContain(`| prompt ticket-classifier v2 (role triage): ${ARN} |`);
    // The template's own ``` cannot close the block that quotes it.
    expect(md).toContain("````text\nClassify the ticket:\n```\n{{ticket}}\n```\nAnswer with one label.\n````");
    expect(md).toContain("> Sharper labels for billing tickets.\n> Closes SUP-42 | SUP-43.");
    // Every table row has the same number of unescaped pipes as its header.
    for (const block of md.split("\n\n").filter((b) => b.startsWith("| "))) {
      const counts = block.trim().split("\n").map((line) => line.replace(/\\\|/g, "").split("|").length);
      expect(new Set(counts).size, block).toBe(1);
    }
  });

  it("exports a bare draft release without evaluation, reviews or deployments", async () => {
    const db = database.prisma;
    const uc = await db.useCase.findFirstOrThrow({ where: { slug: "support-triage" } });
    const prohibited = await db.useCase.create({
      data: { id: newId("uc"), slug: "face-scoring", name: "Face scoring", teamId: uc.teamId, businessOwner: "Dana", riskTier: "PROHIBITED", dataClassification: "RESTRICTED", audience: "EXTERNAL", createdById: uc.createdById },
    });
    const draft = await db.release.create({ data: { id: newId("rel"), useCaseId: prohibited.id, number: 1, modelId: "amazon.nova-lite-v1:0", createdById: uc.createdById } });
    const ev = await buildReleaseEvidence({ db, actor: viewer }, draft.id);
    expect(ev).toMatchObject({ release: { status: "DRAFT", submittedBy: null, submittedAt: null }, pinned: { prompts: [], guardrail: null, dataset: null }, evaluation: null, reviews: [], deployments: [], audit: [] });
    expect(ev.approval).toEqual({ riskTier: "PROHIBITED", required: null, rule: "A prohibited use case can never be released.", approvals: 0 });
    const md = await (await get("?format=md", viewer, draft.id)).text();
    expect(md).toContain("_No evaluation run is pinned._");
    expect(md).toContain("_No release notes._");
    expect(md).toContain("| Guardrail | none |");
    expect(md).toContain("Risk tier **PROHIBITED**: A prohibited use case can never be released. Approvals received: **0**.");
    expect(md).toContain("### Review thread\n\n_None._");
  });

  it("escapes cells and fences on their own", () => {
    expect(cell("a|b\nc\r\nd")).toBe("a\\|b<br>c<br>d");
    expect(cell("x < 3 and <b>bold</b> <img src=x onerror=alert(1)>")).toBe("x < 3 and \\<b>bold\\</b> \\<img src=x onerror=alert(1)>");
    expect(cell("C:\\path")).toBe("C:\\\\path");
    expect(cell(null)).toBe("—");
    expect(fenced("no ticks")).toBe("```\nno ticks\n```");
    expect(fenced("has ````` five")).toMatch(/^``````\n/);
  });

  it.each([
    ["an unknown format", "?format=pdf", viewer, undefined, 422, "VALIDATION_FAILED", "format: must be md or json"],
    ["an unknown release", "?format=md", viewer, "rel_missing", 404, "NOT_FOUND", "Release was not found"],
    ["no session", "", null, undefined, 401, "UNAUTHENTICATED", "Sign in again"],
  ])("answers %s with a JSON error", async (_name, query, actor, id, status, code, message) => {
    const res = await get(query, actor as UserActor | null, id ?? releaseId);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code, message: expect.stringContaining(message) } });
  });

  it("is refused to a token without release read scope", async () => {
    const token = { kind: "token" as const, id: "tok_x", name: "CI", teamId: "team_x", scopes: ["prompts:read" as const] };
    await expect(buildReleaseEvidence({ db: database.prisma, actor: token }, releaseId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
