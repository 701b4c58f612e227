import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newId, newRequestId } from "@/lib/context";
import { hashPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SystemActor, UserActor } from "@/lib/permissions";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { submitUseCase } from "@/lib/use-cases/submit-use-case";
import { reviewUseCase } from "@/lib/use-cases/review-use-case";
import { operateUseCase } from "@/lib/use-cases/operate-use-case";
import { DEMO_PASSWORD, DEMO_TEAMS, DEMO_USE_CASES, DEMO_USERS } from "./demo-data";
import { seedDemoCatalog } from "./seed-demo-catalog";
import { seedDemoReleases } from "./seed-demo-releases";

const seeder: SystemActor = { kind: "system", id: "system", name: "Demo seed" };

/**
 * Seeds the demo organisation. Idempotent: teams and users are matched by slug and email, use
 * cases by slug; what exists is left as it is. Use cases go through the real services, so their
 * audit history reads like real work.
 */
export async function seedDemo(db: PrismaClient): Promise<{ created: number }> {
  let created = 0;
  const teamIds = new Map<string, string>();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    for (const t of DEMO_TEAMS) {
      const existing = await tx.team.findUnique({ where: { slug: t.slug } });
      const team = existing ?? (await tx.team.create({ data: { id: newId("team"), ...t } }));
      if (!existing) {
        created++;
        await recordAuditEvent(tx, { actor: seeder, requestId: newRequestId() }, { action: "team.create", resourceType: "team", resourceId: team.id, after: t });
      }
      teamIds.set(t.slug, team.id);
    }
    for (const u of DEMO_USERS) {
      if (await tx.user.findUnique({ where: { email: u.email } })) continue;
      const id = newId("usr");
      await tx.user.create({
        data: { id, email: u.email, name: u.name, role: u.role, passwordHash, memberships: { create: u.teams.map((s) => ({ teamId: teamIds.get(s)! })) } },
      });
      await recordAuditEvent(tx, { actor: seeder, requestId: newRequestId() }, { action: "user.create", resourceType: "user", resourceId: id, after: { email: u.email, role: u.role, teams: u.teams } });
      created++;
    }
  });

  const users = await db.user.findMany({ include: { memberships: true } });
  const actor = (email: string): UserActor => {
    const u = users.find((x) => x.email === email)!;
    return { kind: "user", id: u.id, name: u.name, email: u.email, role: u.role, teamIds: u.memberships.map((m) => m.teamId) };
  };
  const ctx = (email: string) => ({ db, actor: actor(email), requestId: newRequestId() });

  for (const uc of DEMO_USE_CASES) {
    if (await db.useCase.findUnique({ where: { slug: String(uc.fields.slug) } })) continue;
    const { id } = await createUseCase(ctx(uc.owner), { ...uc.fields, teamId: teamIds.get(uc.team) });
    created++;
    for (const step of uc.steps) {
      if (step === "submit") await submitUseCase(ctx(uc.owner), id);
      if (step === "approve") await reviewUseCase(ctx("reviewer@strata.local"), id, { decision: "APPROVE", comment: "Risk assessment and DPIA reviewed; approved." });
      if (step === "approve2") await reviewUseCase(ctx("reviewer2@strata.local"), id, { decision: "APPROVE", comment: "Second approval for the high tier." });
      if (step === "request-changes") await reviewUseCase(ctx("reviewer@strata.local"), id, { decision: "REQUEST_CHANGES", comment: "Document the retention period for scanned invoices." });
      if (step === "reject") await reviewUseCase(ctx("reviewer@strata.local"), id, { decision: "REJECT", comment: "Scoring people's trustworthiness is a prohibited practice." });
      if (step === "in-production") await operateUseCase(ctx(uc.owner), id, "mark-in-production");
    }
  }
  created += await seedDemoCatalog(db, actor("engineer@strata.local"));
  created += await seedDemoReleases(db, actor);
  return { created };
}
