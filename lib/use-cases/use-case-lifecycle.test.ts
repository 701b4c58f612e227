import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput, submittedUseCase } from "@/lib/testing/fixtures";
import type { UserActor } from "@/lib/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createUseCase } from "./create-use-case";
import { updateUseCase } from "./update-use-case";
import { submitUseCase } from "./submit-use-case";
import { reviewUseCase } from "./review-use-case";
import { operateUseCase } from "./operate-use-case";
import { getUseCaseActivity, listUseCases } from "./queries";

let database: Database;
let teamId: string;
let otherTeamId: string;
let owner: UserActor;
let engineer: UserActor;
let outsider: UserActor;
let reviewerA: UserActor;
let reviewerB: UserActor;
let reviewerC: UserActor;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.prisma;
  teamId = (await createTeam(db, "Support")).id;
  otherTeamId = (await createTeam(db, "Finance")).id;
  owner = await createUserActor(db, "PRODUCT_OWNER", [teamId]);
  engineer = await createUserActor(db, "ENGINEER", [teamId]);
  outsider = await createUserActor(db, "PRODUCT_OWNER", [otherTeamId]);
  reviewerA = await createUserActor(db, "REVIEWER");
  reviewerB = await createUserActor(db, "REVIEWER");
  reviewerC = await createUserActor(db, "REVIEWER");
});
afterAll(async () => database?.close());

const as = (actor: UserActor) => ctxFor(database.prisma, actor);

const submitted = (overrides: Record<string, unknown> = {}) => submittedUseCase(as(owner), teamId, overrides);

describe("use-case registry", () => {
  it("creates a draft, writes an audit event, and refuses a duplicate slug with 409", async () => {
    const input = makeUseCaseInput(teamId);
    const uc = await createUseCase(as(owner), input);
    expect(uc).toMatchObject({ status: "DRAFT", slug: input.slug, kpis: input.kpis, nextReviewDate: "2027-06-30" });
    const events = await database.prisma.auditEvent.findMany({ where: { resourceId: uc.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "use-case.create", actorId: owner.id, actorRole: "PRODUCT_OWNER" });
    await expect(createUseCase(as(owner), input)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(input.slug) });
  });

  it("names every invalid field and writes nothing", async () => {
    const before = await database.prisma.useCase.count();
    const bad = makeUseCaseInput(teamId, { slug: "Not A Slug", riskTier: "EXTREME", kpis: [{ name: "", target: "x" }] });
    const error = await createUseCase(as(owner), bad).catch((e) => e);
    expect(error.code).toBe("VALIDATION_FAILED");
    const fields = error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["slug", "riskTier", "kpis.0.name"]));
    expect(await database.prisma.useCase.count()).toBe(before);
  });

  it("lets only the owning team's product owners and engineers change it", async () => {
    await expect(createUseCase(as(outsider), makeUseCaseInput(teamId))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createUseCase(as(engineer), makeUseCaseInput(teamId))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const uc = await createUseCase(as(owner), makeUseCaseInput(teamId));
    await expect(updateUseCase(as(outsider), uc.id, { name: "Hijacked" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const updated = await updateUseCase(as(engineer), uc.id, { description: "Clarified scope" });
    expect(updated.description).toBe("Clarified scope");
  });

  it("approves a limited-tier use case with one reviewer; the submitter cannot approve", async () => {
    const uc = await submitted();
    const self = await createUserActor(database.prisma, "REVIEWER", [teamId]);
    await expect(reviewUseCase(as(self), uc.id, { decision: "APPROVE", comment: "ok" })).resolves.toBeDefined();
    const after = await database.prisma.useCase.findUniqueOrThrow({ where: { id: uc.id } });
    expect(after.status).toBe("APPROVED");
    await expect(updateUseCase(as(owner), uc.id, { name: "Changed after approval" })).rejects.toMatchObject({ code: "CONFLICT" });
    await operateUseCase(as(owner), uc.id, "mark-in-production");
    await operateUseCase(as(owner), uc.id, "retire");
    expect((await database.prisma.useCase.findUniqueOrThrow({ where: { id: uc.id } })).status).toBe("RETIRED");
  });

  it("refuses a review by whoever submitted the use case", async () => {
    // A reviewer who also owns a team's use case could otherwise approve their own work.
    const dual = await createUserActor(database.prisma, "REVIEWER", [teamId]);
    const uc = await createUseCase(as(owner), makeUseCaseInput(teamId));
    await database.prisma.useCase.update({ where: { id: uc.id }, data: { status: "SUBMITTED", reviewRound: 1, submittedById: dual.id } });
    await expect(reviewUseCase(as(dual), uc.id, { decision: "APPROVE", comment: "mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("needs two different reviewers for the high tier and never approves prohibited", async () => {
    const high = await submitted({ riskTier: "HIGH" });
    const first = await reviewUseCase(as(reviewerA), high.id, { decision: "APPROVE", comment: "Looks fine" });
    expect(first).toMatchObject({ transitioned: false, approvals: 1 });
    await expect(reviewUseCase(as(reviewerA), high.id, { decision: "APPROVE", comment: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
    const second = await reviewUseCase(as(reviewerB), high.id, { decision: "APPROVE", comment: "Agreed" });
    expect(second).toMatchObject({ transitioned: true, useCase: { status: "APPROVED" } });

    const prohibited = await submitted({ riskTier: "PROHIBITED" });
    await expect(reviewUseCase(as(reviewerA), prohibited.id, { decision: "APPROVE", comment: "no" })).rejects.toMatchObject({ code: "CONFLICT" });
    await reviewUseCase(as(reviewerA), prohibited.id, { decision: "REJECT", comment: "Social scoring is prohibited" });
    expect((await database.prisma.useCase.findUniqueOrThrow({ where: { id: prohibited.id } })).status).toBe("REJECTED");
  });

  it("requests changes, and a resubmission starts a fresh review round", async () => {
    const uc = await submitted({ riskTier: "HIGH" });
    await reviewUseCase(as(reviewerA), uc.id, { decision: "APPROVE", comment: "fine" });
    await reviewUseCase(as(reviewerB), uc.id, { decision: "REQUEST_CHANGES", comment: "Add a DPIA reference" });
    await updateUseCase(as(owner), uc.id, { description: "DPIA-2026-17 attached" });
    await submitUseCase(as(owner), uc.id);
    // reviewerA's approval was for round 1; round 2 needs two approvals again.
    const r = await reviewUseCase(as(reviewerA), uc.id, { decision: "APPROVE", comment: "fine again" });
    expect(r).toMatchObject({ transitioned: false, approvals: 1 });
    const activity = await getUseCaseActivity(as(owner), uc.id);
    expect(activity.reviews.map((x) => [x.round, x.decision])).toEqual([[1, "APPROVE"], [1, "REQUEST_CHANGES"], [2, "APPROVE"]]);
    expect(activity.history.map((h) => h.action)).toContain("use-case.changes-requested");
  });

  it("two reviewers approving at the same moment cause exactly one state change", async () => {
    const uc = await submitted({ riskTier: "LIMITED" });
    const results = await Promise.allSettled([
      reviewUseCase(as(reviewerA), uc.id, { decision: "APPROVE", comment: "a" }),
      reviewUseCase(as(reviewerB), uc.id, { decision: "APPROVE", comment: "b" }),
      reviewUseCase(as(reviewerC), uc.id, { decision: "APPROVE", comment: "c" }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    expect(fulfilled).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    const transitions = await database.prisma.auditEvent.count({ where: { resourceId: uc.id, action: "use-case.approved" } });
    expect(transitions).toBe(1);
    expect(await database.prisma.useCaseReview.count({ where: { useCaseId: uc.id } })).toBe(1);
    expect(await verifyAuditChain(database.prisma)).toMatchObject({ ok: true });
  });

  it("lists with search, filters, sort and pagination, and flags overdue reviews", async () => {
    const team = (await createTeam(database.prisma, "Search")).id;
    const po = await createUserActor(database.prisma, "PRODUCT_OWNER", [team]);
    for (let i = 0; i < 7; i++) {
      await createUseCase(as(po), makeUseCaseInput(team, { name: `Zebra ${i}`, riskTier: i % 2 ? "HIGH" : "MINIMAL", nextReviewDate: i === 0 ? "2020-01-01" : "2030-01-01" }));
    }
    const page1 = await listUseCases(as(po), { teamId: team, sort: "name", order: "asc", pageSize: 3 });
    expect(page1).toMatchObject({ total: 7, pageCount: 3 });
    expect(page1.items.map((u) => u.name)).toEqual(["Zebra 0", "Zebra 1", "Zebra 2"]);
    const page3 = await listUseCases(as(po), { teamId: team, sort: "name", order: "asc", pageSize: 3, page: 3 });
    expect(page3.items.map((u) => u.name)).toEqual(["Zebra 6"]);
    const high = await listUseCases(as(po), { teamId: team, riskTier: "HIGH" });
    expect(high.total).toBe(3);
    const search = await listUseCases(as(po), { q: "zebra 4" });
    expect(search.items.map((u) => u.name)).toEqual(["Zebra 4"]);
    // Regression: LIKE wildcards in the search used to match everything.
    expect((await listUseCases(as(po), { teamId: team, q: "%" })).total).toBe(0);
    expect((await listUseCases(as(po), { teamId: team, q: "Zebra _" })).total).toBe(0);
    const overdue = await listUseCases(as(po), { teamId: team, overdue: "true" });
    expect(overdue.items.map((u) => [u.name, u.isReviewOverdue])).toEqual([["Zebra 0", true]]);
  });

  /** Regression: a teamId filter used to override a token's own team and list other teams' use cases. */
  it("never lets a team filter widen an API token's view", async () => {
    await createUseCase(as(outsider), makeUseCaseInput(otherTeamId));
    const token = { kind: "token" as const, id: "tok_x", name: "ci", teamId, scopes: ["use-cases:read" as const] };
    const result = await listUseCases(ctxFor(database.prisma, token), { teamId: otherTeamId });
    expect(result.total).toBe(0);
    const own = await listUseCases(ctxFor(database.prisma, token), {});
    expect(own.items.every((u) => u.teamId === teamId)).toBe(true);
  });
});
