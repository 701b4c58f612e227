import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newId, newRequestId, type ServiceContext } from "@/lib/context";
import type { Actor, RoleName, UserActor } from "@/lib/permissions";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { submitUseCase } from "@/lib/use-cases/submit-use-case";

const unique = () => randomBytes(4).toString("hex");

export async function createTeam(db: PrismaClient, name = `Team ${unique()}`) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return db.team.create({ data: { id: newId("team"), slug: `${slug}-${unique()}`, name } });
}

export async function createUserActor(db: PrismaClient, role: RoleName, teamIds: string[] = []): Promise<UserActor> {
  const id = newId("usr");
  const email = `${role.toLowerCase()}-${unique()}@test.local`;
  const name = `${role} ${unique()}`;
  await db.user.create({
    data: { id, email, name, role, memberships: { create: teamIds.map((teamId) => ({ teamId })) } },
  });
  return { kind: "user", id, name, email, role, teamIds };
}

export function ctxFor(db: PrismaClient, actor: Actor): ServiceContext {
  return { db, actor, requestId: newRequestId() };
}

export function makeUseCaseInput(teamId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: "Support triage assistant",
    slug: `support-triage-${unique()}`,
    description: "Routes incoming support tickets",
    teamId,
    businessOwner: "Dana Whitfield",
    kpis: [{ name: "First response time", target: "< 2h" }],
    riskTier: "LIMITED",
    dataClassification: "INTERNAL",
    handlesPersonalData: true,
    audience: "INTERNAL",
    costAllocationTag: "cc-4120",
    nextReviewDate: "2027-06-30",
    ...overrides,
  };
}

/** A use case registered and submitted for review by `owner` (a product owner of `teamId`). */
export async function submittedUseCase(owner: ServiceContext, teamId: string, overrides: Record<string, unknown> = {}) {
  const uc = await createUseCase(owner, makeUseCaseInput(teamId, overrides));
  await submitUseCase(owner, uc.id);
  return uc;
}
