import type { Guardrail, GuardrailVersion } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import type { GuardrailConfig } from "./schemas";

export type GuardrailDto = ReturnType<typeof serializeGuardrail>;
export type GuardrailVersionDto = ReturnType<typeof serializeVersion>;

export function serializeGuardrail(g: Guardrail, teamId: string) {
  return {
    id: g.id,
    useCaseId: g.useCaseId,
    teamId,
    name: g.name,
    description: g.description,
    draft: g.draft as GuardrailConfig,
    draftUpdatedAt: g.draftUpdatedAt.toISOString(),
    draftUpdatedById: g.draftUpdatedById,
    latestVersion: g.latestVersion,
    createdById: g.createdById,
    createdAt: g.createdAt.toISOString(),
  };
}

export function serializeVersion(v: GuardrailVersion) {
  return {
    id: v.id,
    guardrailId: v.guardrailId,
    number: v.number,
    message: v.message,
    config: v.config as GuardrailConfig,
    createdById: v.createdById,
    createdAt: v.createdAt.toISOString(),
  };
}

/**
 * The guardrail with its row locked (SELECT … FOR UPDATE) and its owning team: two concurrent
 * draft saves or version creations run one after the other, each seeing the other's result.
 */
export async function lockGuardrailOrThrow(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Guardrail" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw notFound("Guardrail");
  const g = await tx.guardrail.findUniqueOrThrow({ where: { id }, include: { useCase: { select: { teamId: true } } } });
  return { row: g, teamId: g.useCase.teamId };
}
