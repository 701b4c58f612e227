import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { UserActor } from "@/lib/permissions";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { newId } from "@/lib/context";
import { strongEtag, type RuntimeConfig } from "@/lib/runtime/runtime-config";
import { promoteRelease } from "./promote-release";
import { rollbackEnvironment } from "./rollback-environment";
import { createPinnableVersions, insertApprovedRelease, insertRelease } from "./testing";
import { environmentGrid, environmentOverview, releaseDeployments } from "./queries";

let database: Database;
let teamId: string;
const actors = {} as Record<"owner" | "engineer" | "admin" | "reviewer" | "viewer" | "outsider", UserActor>;

const as = (actor: UserActor) => ctxFor(database.prisma, actor);
const counts = async () => ({
  deployments: await database.prisma.deployment.count(),
  active: await database.prisma.activeDeployment.count(),
  audit: await database.prisma.auditEvent.count({ where: { action: { in: ["release.promote", "release.rollback"] } } }),
});

/** A fresh use case with `n` APPROVED releases pinning successive versions. */
async function scenario(n = 1) {
  const useCase = await createUseCase(as(actors.owner), makeUseCaseInput(teamId));
  const pins = await createPinnableVersions(as(actors.engineer), useCase.id, n);
  const releases = [];
  for (const v of pins.versions) releases.push(await insertApprovedRelease(database.prisma, useCase.id, actors.engineer.id, v));
  return { useCase, pins, releases };
}

const storedConfig = async (deploymentId: string) => {
  const [row] = await database.prisma.$queryRaw<{ body: string; etag: string }[]>`SELECT config::text AS body, etag FROM "Deployment" WHERE id = ${deploymentId}`;
  return row!;
};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.prisma;
  teamId = (await createTeam(db, "Support")).id;
  const other = (await createTeam(db, "Finance")).id;
  actors.owner = await createUserActor(db, "PRODUCT_OWNER", [teamId]);
  actors.engineer = await createUserActor(db, "ENGINEER", [teamId]);
  actors.admin = await createUserActor(db, "ADMIN");
  actors.reviewer = await createUserActor(db, "REVIEWER", [teamId]);
  actors.viewer = await createUserActor(db, "VIEWER", [teamId]);
  actors.outsider = await createUserActor(db, "PRODUCT_OWNER", [other]);
  // A subscribed webhook: promotions and rollbacks must land in its outbox, in the same transaction.
  await db.webhook.create({ data: { id: newId("wh"), url: "https://hooks.test/strata", events: ["release.promoted", "release.rolled-back"], secret: "s3cret", createdById: actors.admin.id } });
});
afterAll(async () => database?.close());

describe("promoteRelease", () => {
  it("deploys dev → preprod → prod, storing the resolved config, its ETag, audit and webhook", async () => {
    const { useCase, pins, releases } = await scenario();
    const release = releases[0]!;
    const dev = await promoteRelease(as(actors.engineer), release.id, { environment: "DEV", comment: "First deploy" });
    expect(dev.deployment).toMatchObject({ kind: "PROMOTION", environment: "DEV", releaseId: release.id, previousDeploymentId: null, comment: "First deploy", deployedById: actors.engineer.id, artifacts: [] });
    expect(dev.connected).toBe(false);
    const config = dev.config as RuntimeConfig;
    expect(config).toMatchObject({
      useCase: { id: useCase.id, slug: useCase.slug, name: useCase.name },
      environment: "dev",
      release: { id: release.id, number: 1 },
      deploymentId: dev.deployment.id,
      deployedAt: dev.deployment.deployedAt,
      model: { id: "amazon.nova-lite-v1:0" },
      knowledgeBaseIds: ["KB12345678"],
      guardrail: { id: pins.guardrailId, version: 1, bedrock: null },
    });
    expect(config.prompts.triage).toMatchObject({
      promptId: pins.promptIds.triage, version: 1, type: "TEXT", template: "Classify this ticket about {{product}}: {{ticket}}",
      variables: [expect.objectContaining({ name: "product", description: "The product the ticket is about" }), expect.objectContaining({ name: "ticket" })],
      modelId: "amazon.nova-lite-v1:0", inferenceParameters: { temperature: 0.2, maxTokens: 300 }, bedrock: null,
    });
    expect(config.prompts.reply).toMatchObject({ type: "CHAT", system: "You answer support tickets for {{product}}.", messages: [{ role: "user", text: "{{ticket}}" }], modelId: "amazon.nova-pro-v1:0" });
    expect(config.prompts.reply).not.toHaveProperty("template");
    // The ETag is the hash of the exact bytes the runtime API will send.
    const stored = await storedConfig(dev.deployment.id);
    expect(stored.etag).toBe(strongEtag(stored.body));
    expect(stored.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(JSON.parse(stored.body)).toEqual(config);

    const pre = await promoteRelease(as(actors.owner), release.id, { environment: "PREPROD" });
    const prod = await promoteRelease(as(actors.owner), release.id, { environment: "PROD", comment: "Go live" });
    expect(prod.deployment.previousDeploymentId).toBeNull();
    expect((prod.config as RuntimeConfig).environment).toBe("prod");
    const active = await database.prisma.activeDeployment.findMany({ where: { useCaseId: useCase.id }, orderBy: { environment: "asc" } });
    expect(active.map((a) => [a.environment, a.deploymentId])).toEqual([["DEV", dev.deployment.id], ["PREPROD", pre.deployment.id], ["PROD", prod.deployment.id]]);

    const audit = await database.prisma.auditEvent.findMany({ where: { action: "release.promote", resourceId: release.id }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => (e.after as { environment: string }).environment)).toEqual(["DEV", "PREPROD", "PROD"]);
    expect(audit[2]).toMatchObject({ actorId: actors.owner.id, after: expect.objectContaining({ releaseNumber: 1, comment: "Go live" }) });
    const hooks = await database.prisma.webhookDelivery.findMany({ where: { event: "release.promoted" } });
    expect(hooks.filter((h) => (h.payload as { data: { deploymentId: string } }).data.deploymentId === prod.deployment.id)).toHaveLength(1);
    expect((await verifyAuditChain(database.prisma)).ok).toBe(true);
  });

  it("never skips a stage, says which one is missing, and writes nothing when it refuses", async () => {
    const { releases } = await scenario();
    const id = releases[0]!.id;
    const before = await counts();
    await expect(promoteRelease(as(actors.owner), id, { environment: "PREPROD" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("has not been promoted to dev yet") });
    await expect(promoteRelease(as(actors.owner), id, { environment: "PROD" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("promote it to preprod before prod") });
    expect(await counts()).toEqual(before);
    await promoteRelease(as(actors.owner), id, { environment: "DEV" });
    await expect(promoteRelease(as(actors.owner), id, { environment: "PROD" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("not been promoted to preprod yet") });
    await expect(promoteRelease(as(actors.owner), id, { environment: "DEV" })).rejects.toMatchObject({ code: "CONFLICT", message: "Release #1 already runs in dev" });
  });

  it("refuses releases that are not approved, and bad input, naming the field", async () => {
    const { useCase, pins } = await scenario();
    const submitted = await insertRelease(database.prisma, { useCaseId: useCase.id, createdById: actors.engineer.id, prompts: [{ role: "triage", promptVersionId: pins.versions[0]!.triage }], status: "SUBMITTED" });
    const before = await counts();
    await expect(promoteRelease(as(actors.owner), submitted.id, { environment: "DEV" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("is submitted") });
    const bad: [unknown, string][] = [
      [{}, "environment"],
      [{ environment: "QA" }, "environment"],
      [{ environment: "dev" }, "environment"],
      [{ environment: "DEV", publishMissing: "yes" }, "publishMissing"],
      [{ environment: "DEV", comment: "x".repeat(1001) }, "comment"],
      [{ environment: "DEV", extra: 1 }, "(body)"],
      [null, "(body)"],
    ];
    for (const [input, field] of bad) {
      const error = await promoteRelease(as(actors.owner), submitted.id, input).catch((e) => e);
      expect(error, JSON.stringify(input)).toMatchObject({ code: "VALIDATION_FAILED" });
      expect(error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    await expect(promoteRelease(as(actors.owner), "rel_nope", { environment: "DEV" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Release was not found" });
    expect(await counts()).toEqual(before);
  });

  it("checks the permission of each stage: promote for dev/preprod, promote-prod for prod", async () => {
    const { releases } = await scenario();
    const id = releases[0]!.id;
    for (const who of [actors.viewer, actors.reviewer, actors.admin, actors.outsider]) {
      await expect(promoteRelease(as(who), id, { environment: "DEV" }), who.role).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(promoteRelease(as(actors.outsider), id, { environment: "DEV" })).rejects.toMatchObject({ message: "This belongs to a team you are not a member of" });
    await promoteRelease(as(actors.engineer), id, { environment: "DEV" });
    await promoteRelease(as(actors.engineer), id, { environment: "PREPROD" });
    await expect(promoteRelease(as(actors.engineer), id, { environment: "PROD" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "You do not have the release:promote-prod permission" });
    await expect(promoteRelease(as(actors.outsider), id, { environment: "PROD" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Admins hold promote-prod for every team.
    const prod = await promoteRelease(as(actors.admin), id, { environment: "PROD" });
    expect(prod.deployment.deployedById).toBe(actors.admin.id);
  });

  it("concurrent promotions of the same release to one environment: exactly one wins", async () => {
    const { useCase, releases } = await scenario();
    const id = releases[0]!.id;
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => promoteRelease(as(i % 2 ? actors.owner : actors.engineer), id, { environment: "DEV" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT", message: "Release #1 already runs in dev" });
    expect(await database.prisma.deployment.count({ where: { useCaseId: useCase.id } })).toBe(1);
  });

  it("concurrent promotions of different releases are applied one after the other", async () => {
    const { useCase, releases } = await scenario(3);
    const results = await Promise.all(releases.map((r) => promoteRelease(as(actors.engineer), r.id, { environment: "DEV" })));
    const chain = await database.prisma.deployment.findMany({ where: { useCaseId: useCase.id }, orderBy: { deployedAt: "asc" } });
    expect(chain).toHaveLength(3);
    // Each one's previous is exactly the one committed before it: a single linear history.
    expect(chain.map((d) => d.previousDeploymentId)).toEqual([null, chain[0]!.id, chain[1]!.id]);
    const active = await database.prisma.activeDeployment.findUniqueOrThrow({ where: { useCaseId_environment: { useCaseId: useCase.id, environment: "DEV" } } });
    expect(active.deploymentId).toBe(chain[2]!.id);
    expect(results.map((r) => r.deployment.id).sort()).toEqual(chain.map((d) => d.id).sort());
  });
});

describe("rollbackEnvironment", () => {
  it("restores the previous release; twice walks further back; then there is nothing to roll back to", async () => {
    const { useCase, releases } = await scenario(3);
    const deps = [];
    for (const r of releases) deps.push((await promoteRelease(as(actors.engineer), r.id, { environment: "DEV" })).deployment);
    const body = async (deploymentId: string) => (await storedConfig(deploymentId)).body;

    const first = await rollbackEnvironment(as(actors.engineer), useCase.id, "DEV", { comment: "Release 3 mislabels refunds" });
    expect(first.deployment).toMatchObject({ kind: "ROLLBACK", releaseId: releases[1]!.id, previousDeploymentId: deps[0]!.id, comment: "Release 3 mislabels refunds", etag: deps[1]!.etag });
    expect(first.restoredDeploymentId).toBe(deps[1]!.id);
    expect(await body(first.deployment.id)).toBe(await body(deps[1]!.id));

    const second = await rollbackEnvironment(as(actors.admin), useCase.id, "DEV", { comment: "Release 2 too" });
    expect(second.deployment).toMatchObject({ kind: "ROLLBACK", releaseId: releases[0]!.id, previousDeploymentId: null, etag: deps[0]!.etag });
    const active = await database.prisma.activeDeployment.findUniqueOrThrow({ where: { useCaseId_environment: { useCaseId: useCase.id, environment: "DEV" } } });
    expect(active).toMatchObject({ deploymentId: second.deployment.id, releaseId: releases[0]!.id });

    const before = await counts();
    await expect(rollbackEnvironment(as(actors.engineer), useCase.id, "DEV", { comment: "Again" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Nothing to roll back to") });
    await expect(rollbackEnvironment(as(actors.engineer), useCase.id, "PROD", { comment: "Nothing there" })).rejects.toMatchObject({ code: "CONFLICT", message: "Nothing to roll back to: nothing is deployed to prod" });
    expect(await counts()).toEqual(before);

    const audit = await database.prisma.auditEvent.findMany({ where: { action: "release.rollback", resourceId: { in: releases.map((r) => r.id) } }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => [e.resourceId, (e.before as { releaseId: string }).releaseId])).toEqual([[releases[1]!.id, releases[2]!.id], [releases[0]!.id, releases[1]!.id]]);
    const hooks = await database.prisma.webhookDelivery.findMany({ where: { event: "release.rolled-back" } });
    expect(hooks.map((h) => (h.payload as { data: { deploymentId: string } }).data.deploymentId)).toEqual(expect.arrayContaining([first.deployment.id, second.deployment.id]));
    expect((await verifyAuditChain(database.prisma)).ok).toBe(true);
  });

  it("needs release:rollback of the owning team (admins: any team), a reason, and valid input", async () => {
    const { useCase, releases } = await scenario(2);
    for (const r of releases) await promoteRelease(as(actors.engineer), r.id, { environment: "DEV" });
    const before = await counts();
    for (const who of [actors.viewer, actors.reviewer, actors.outsider]) {
      await expect(rollbackEnvironment(as(who), useCase.id, "DEV", { comment: "why" }), who.role).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const bad: [string, unknown, unknown, string][] = [
      [useCase.id, "DEV", {}, "comment"],
      [useCase.id, "DEV", { comment: "   " }, "comment"],
      [useCase.id, "DEV", { comment: "x".repeat(1001) }, "comment"],
      [useCase.id, "QA", { comment: "why" }, "environment"],
      [useCase.id, undefined, { comment: "why" }, "environment"],
      ["", "DEV", { comment: "why" }, "useCaseId"],
    ];
    for (const [id, env, input, field] of bad) {
      const error = await rollbackEnvironment(as(actors.owner), id, env, input).catch((e) => e);
      expect(error, JSON.stringify([id, env, input])).toMatchObject({ code: "VALIDATION_FAILED" });
      expect(error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    await expect(rollbackEnvironment(as(actors.owner), "uc_nope", "DEV", { comment: "why" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
    const done = await rollbackEnvironment(as(actors.owner), useCase.id, "DEV", { comment: "Owner rolls back" });
    expect(done.deployment.releaseId).toBe(releases[0]!.id);
  });

  it("concurrent rollbacks of one environment each restore one step, never the same one twice", async () => {
    const { useCase, releases } = await scenario(3);
    for (const r of releases) await promoteRelease(as(actors.engineer), r.id, { environment: "DEV" });
    const results = await Promise.allSettled([1, 2, 3].map(() => rollbackEnvironment(as(actors.engineer), useCase.id, "DEV", { comment: "Incident" })));
    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.deployment.releaseId] : []));
    expect(ok).toEqual(expect.arrayContaining([releases[1]!.id, releases[0]!.id]));
    expect(ok).toHaveLength(2);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["CONFLICT"]);
  });
});

describe("deployment queries (pages)", () => {
  it("grid, environment overview with what a rollback restores, and a release's environments", async () => {
    const { useCase, releases } = await scenario(2);
    const reader = { db: database.prisma, actor: actors.viewer };
    await promoteRelease(as(actors.engineer), releases[0]!.id, { environment: "DEV" });
    await promoteRelease(as(actors.engineer), releases[1]!.id, { environment: "DEV", comment: "Second" });
    await promoteRelease(as(actors.engineer), releases[0]!.id, { environment: "PREPROD" });

    const grid = await environmentGrid(reader, { useCaseId: useCase.id });
    expect(grid.total).toBe(1);
    expect(grid.items[0]!.environments.DEV).toMatchObject({ release: { number: 2 }, deployedBy: actors.engineer.name, kind: "PROMOTION" });
    expect(grid.items[0]!.environments.PREPROD).toMatchObject({ release: { number: 1 } });
    expect(grid.items[0]!.environments.PROD).toBeNull();

    const dev = await environmentOverview(reader, "DEV", { useCaseId: useCase.id });
    expect(dev.connection).toBeNull();
    expect(dev.current).toEqual([expect.objectContaining({ release: expect.objectContaining({ number: 2 }), rollbackTo: 1, useCase: expect.objectContaining({ id: useCase.id }) })]);
    expect(dev.history.map((d) => [d.release.number, d.comment])).toEqual([[2, "Second"], [1, ""]]);
    expect((await environmentOverview(reader, "PREPROD", { useCaseId: useCase.id })).current[0]!.rollbackTo).toBeNull();
    await expect(environmentOverview(reader, "DEV", { page: 0 })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });

    const panel = await releaseDeployments(reader, releases[0]!.id);
    expect(panel.environments.map((e) => [e.environment, e.runsHere, e.promoted, e.running])).toEqual([["DEV", false, true, 2], ["PREPROD", true, true, 1], ["PROD", false, false, null]]);
    expect(panel.history.map((d) => d.environment)).toEqual(["PREPROD", "DEV"]);
    await expect(releaseDeployments(reader, "rel_nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
