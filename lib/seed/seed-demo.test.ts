import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { seedDemo } from "./seed-demo";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe("demo seed", () => {
  it("seeds the demo organisation through the services, once", async () => {
    const first = await seedDemo(database.prisma);
    expect(first.created).toBeGreaterThan(10);
    const counts = async () => ({
      teams: await database.prisma.team.count(),
      users: await database.prisma.user.count(),
      useCases: await database.prisma.useCase.count(),
      prompts: await database.prisma.promptVersion.count(),
      guardrails: await database.prisma.guardrailVersion.count(),
      releases: await database.prisma.release.count(),
      runs: await database.prisma.evaluationRun.count(),
      deployments: await database.prisma.deployment.count(),
      audit: await database.prisma.auditEvent.count(),
    });
    const after = await counts();
    expect(after).toMatchObject({ teams: 2, users: 7, useCases: 5, prompts: 2, guardrails: 1, releases: 2, runs: 3, deployments: 3 });
    // Release 1 is live everywhere; release 2 waits for the second reviewer of the high tier.
    const releases = await database.prisma.release.findMany({ orderBy: { number: "asc" }, select: { status: true, reviews: { select: { decision: true } } } });
    expect(releases.map((r) => [r.status, r.reviews.length])).toEqual([["APPROVED", 2], ["SUBMITTED", 1]]);
    expect(await database.prisma.activeDeployment.count()).toBe(3);
    const statuses = (await database.prisma.useCase.findMany({ select: { status: true } })).map((u) => u.status).sort();
    expect(statuses).toEqual(["CHANGES_REQUESTED", "DRAFT", "IN_PRODUCTION", "REJECTED", "SUBMITTED"]);
    expect(await seedDemo(database.prisma)).toEqual({ created: 0 });
    expect(await counts()).toEqual(after);
    expect(await verifyAuditChain(database.prisma)).toMatchObject({ ok: true });
  });
});
