import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { applyMigrations, defaultMigrationsDir } from "@/lib/db/migrate";
import { newId } from "@/lib/context";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor, submittedUseCase } from "@/lib/testing/fixtures";
import type { UserActor } from "@/lib/permissions";
import { updateUseCase } from "./update-use-case";
import { submitUseCase } from "./submit-use-case";
import { reviewUseCase } from "./review-use-case";
import { getChangesSinceLastReview, getUseCaseActivity } from "./queries";

let database: Database;
let teamId: string;
let owner: UserActor;
let reviewerA: UserActor;
let reviewerB: UserActor;
let viewer: UserActor;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.prisma;
  teamId = (await createTeam(db, "Support")).id;
  owner = await createUserActor(db, "PRODUCT_OWNER", [teamId]);
  reviewerA = await createUserActor(db, "REVIEWER");
  reviewerB = await createUserActor(db, "REVIEWER");
  viewer = await createUserActor(db, "VIEWER");
});
afterAll(async () => database?.close());

const as = (actor: UserActor) => ctxFor(database.prisma, actor);
const submitted = (overrides: Record<string, unknown> = {}) => submittedUseCase(as(owner), teamId, overrides);

describe("comments in a review", () => {
  it("are threaded and audited, change no status, count as no approval, and do not block the reviewer's decision", async () => {
    const uc = await submitted({ riskTier: "LIMITED" });
    const asked = await reviewUseCase(as(reviewerA), uc.id, { comment: "Which retention period applies?" });
    expect(asked).toMatchObject({ transitioned: false, approvals: 0, review: { decision: null }, useCase: { status: "SUBMITTED" } });
    await reviewUseCase(as(reviewerA), uc.id, { decision: null, comment: "And who reads the drafts?" });
    const audit = await database.prisma.auditEvent.findMany({ where: { resourceId: uc.id, action: "use-case.comment" }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => (e.after as { comment: string }).comment)).toEqual(["Which retention period applies?", "And who reads the drafts?"]);

    const decided = await reviewUseCase(as(reviewerA), uc.id, { decision: "APPROVE", comment: "Answered; approved." });
    expect(decided).toMatchObject({ transitioned: true, approvals: 1, useCase: { status: "APPROVED" } });
    const activity = await getUseCaseActivity(as(viewer), uc.id);
    expect(activity.reviews.map((r) => [r.decision, r.comment])).toEqual([
      [null, "Which retention period applies?"], [null, "And who reads the drafts?"], ["APPROVE", "Answered; approved."],
    ]);
    expect(activity.reviews[0]).not.toHaveProperty("snapshot");
  });

  it("one decision per reviewer and round stays the rule, in the service and in the database", async () => {
    const uc = await submitted({ riskTier: "HIGH" });
    await reviewUseCase(as(reviewerA), uc.id, { decision: "APPROVE", comment: "One" });
    await expect(reviewUseCase(as(reviewerA), uc.id, { decision: "APPROVE", comment: "Again" })).rejects.toMatchObject({ code: "CONFLICT" });
    // A comment after one's decision is fine; a second decision row is refused by the key itself.
    await reviewUseCase(as(reviewerA), uc.id, { comment: "Waiting for a second reviewer." });
    const duplicate = database.prisma.useCaseReview.create({ data: { id: newId("rev"), useCaseId: uc.id, round: 1, reviewerId: reviewerA.id, decision: "REJECT", comment: "x" } });
    await expect(duplicate).rejects.toThrow();
  });

  it("refuses a review with neither decision nor comment, naming the decision, and writes nothing", async () => {
    const uc = await submitted();
    const audits = await database.prisma.auditEvent.count({ where: { resourceId: uc.id } });
    const error = await reviewUseCase(as(reviewerA), uc.id, { comment: "   " }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: { fields: [{ field: "decision", message: "choose a decision, or write a comment to ask before deciding" }] } });
    expect(await database.prisma.useCaseReview.count({ where: { useCaseId: uc.id } })).toBe(0);
    expect(await database.prisma.auditEvent.count({ where: { resourceId: uc.id } })).toBe(audits);
  });
});

describe("changes since the last review round", () => {
  it("shows, field by field, what changed since the reviewer requested changes — to the owner, then to the reviewer", async () => {
    const uc = await submitted({ name: "Refund replies", description: "Drafts replies to refund requests.", kpis: [{ name: "Handling time", target: "-20%" }] });
    expect(await getChangesSinceLastReview(as(reviewerA), uc.id)).toBeNull();
    await reviewUseCase(as(reviewerA), uc.id, { decision: "REQUEST_CHANGES", comment: "Cap the amount; classify as confidential." });
    const unchanged = await getChangesSinceLastReview(as(owner), uc.id);
    expect(unchanged).toMatchObject({ round: 1, reviewerName: reviewerA.name, comment: "Cap the amount; classify as confidential.", changes: [] });

    await updateUseCase(as(owner), uc.id, {
      description: "Drafts replies to refund requests up to 200 EUR.", dataClassification: "CONFIDENTIAL", kpis: [{ name: "Handling time", target: "-25%" }],
    });
    await submitUseCase(as(owner), uc.id);
    const since = await getChangesSinceLastReview(as(reviewerB), uc.id);
    expect(since?.changes).toEqual([
      { field: "description", label: "Description", before: "Drafts replies to refund requests.", after: "Drafts replies to refund requests up to 200 EUR." },
      { field: "dataClassification", label: "Data classification", before: "INTERNAL", after: "CONFIDENTIAL" },
      { field: "kpis", label: "KPIs", before: [{ name: "Handling time", target: "-20%" }], after: [{ name: "Handling time", target: "-25%" }] },
    ]);

    // Approved: the loop is closed, the last round judged the use case as it is.
    await reviewUseCase(as(reviewerB), uc.id, { decision: "APPROVE", comment: "Capped and classified." });
    expect(await getChangesSinceLastReview(as(viewer), uc.id)).toBeNull();
  });

  it("compares with the newest request for changes, not an earlier round's", async () => {
    const uc = await submitted({ description: "v1" });
    await reviewUseCase(as(reviewerA), uc.id, { decision: "REQUEST_CHANGES", comment: "Round 1" });
    await updateUseCase(as(owner), uc.id, { description: "v2" });
    await submitUseCase(as(owner), uc.id);
    await reviewUseCase(as(reviewerB), uc.id, { decision: "REQUEST_CHANGES", comment: "Round 2" });
    await updateUseCase(as(owner), uc.id, { description: "v3", businessOwner: "Claims team" });
    const since = await getChangesSinceLastReview(as(owner), uc.id);
    expect(since).toMatchObject({ round: 2, comment: "Round 2" });
    expect(since?.changes?.map((c) => [c.field, c.before, c.after])).toEqual([["businessOwner", "Dana Whitfield", "Claims team"], ["description", "v2", "v3"]]);
  });
});

/** Reviews written before snapshots were kept get the use case as submitted for their round, from the audit log. */
describe("the migration that adds review snapshots", () => {
  it("backfills each review from its round's submission in the audit log", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-migrations-"));
    const all = fs.readdirSync(defaultMigrationsDir()).filter((n) => !n.startsWith(".")).sort();
    const mine = all.find((n) => n.endsWith("_review_comments_and_snapshots"))!;
    for (const name of all.filter((n) => n < mine)) fs.cpSync(path.join(defaultMigrationsDir(), name), path.join(dir, name), { recursive: true });
    const old = await createTestDatabase({ migrate: false });
    try {
      await applyMigrations(old.sql, dir);
      // Written as the services did before this migration.
      await old.sql.exec(`
        INSERT INTO "Team" ("id", "slug", "name") VALUES ('team_m', 'm', 'M');
        INSERT INTO "UseCase" ("id", "slug", "name", "teamId", "businessOwner", "riskTier", "dataClassification", "audience", "status", "reviewRound", "createdById", "updatedAt")
          VALUES ('uc_m', 'uc-m', 'Migrated', 'team_m', 'Ops', 'LIMITED', 'INTERNAL', 'INTERNAL', 'SUBMITTED', 2, 'u_owner', now());
        INSERT INTO "UseCaseReview" ("id", "useCaseId", "round", "reviewerId", "decision", "comment") VALUES ('rev_m1', 'uc_m', 1, 'u_rev', 'REQUEST_CHANGES', 'Fix it');
      `);
      for (const [round, description] of [[1, "as submitted first"], [2, "as submitted again"]] as const) {
        await old.sql.query(
          `INSERT INTO "AuditEvent" ("at", "actorLabel", "actorRole", "action", "resourceType", "resourceId", "after", "requestId", "prevHash", "hash")
           VALUES (now(), 'o', 'PRODUCT_OWNER', 'use-case.submit', 'use-case', 'uc_m', $1::jsonb, 'req', 'p', $2)`,
          [JSON.stringify({ description, reviewRound: round }), `h${round}`],
        );
      }
      expect(await applyMigrations(old.sql)).toEqual(all.filter((n) => n >= mine));
      const [row] = await old.sql.query<{ snapshot: { description: string } }>(`SELECT "snapshot" FROM "UseCaseReview" WHERE "id" = 'rev_m1'`);
      expect(row!.snapshot.description).toBe("as submitted first");
    } finally {
      await old.close();
    }
  });
});
