import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/permissions";
import { serializeGuardrail, serializeVersion } from "./load-guardrail";
import type { GuardrailConfig } from "./schemas";

type Reader = { db: PrismaClient; actor: Actor };

/** Everyone with guardrail:read sees every team's guardrails; an API token sees its own team's. */
const visibleTo = (actor: Actor): Prisma.GuardrailWhereInput => (actor.kind === "token" ? { useCase: { teamId: actor.teamId } } : {});

const withUseCase = { useCase: { select: { id: true, name: true, slug: true, teamId: true } } } as const;

export async function listGuardrails({ db, actor }: Reader, filter: { useCaseId?: string } = {}) {
  authorize(actor, "guardrail:read");
  const rows = await db.guardrail.findMany({
    where: { ...(filter.useCaseId ? { useCaseId: filter.useCaseId } : {}), AND: [visibleTo(actor)] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    include: withUseCase,
    take: 500,
  });
  return rows.map((g) => ({ ...serializeGuardrail(g, g.useCase.teamId), useCase: { id: g.useCase.id, name: g.useCase.name, slug: g.useCase.slug } }));
}

export async function getGuardrailOrThrow({ db, actor }: Reader, id: string) {
  authorize(actor, "guardrail:read");
  const g = await db.guardrail.findFirst({
    where: { id, AND: [visibleTo(actor)] },
    include: { ...withUseCase, versions: { orderBy: { number: "desc" }, select: { id: true, number: true, message: true, createdById: true, createdAt: true } } },
  });
  if (!g) throw notFound("Guardrail");
  return {
    ...serializeGuardrail(g, g.useCase.teamId),
    useCase: { id: g.useCase.id, name: g.useCase.name, slug: g.useCase.slug },
    versions: g.versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
  };
}

export async function getGuardrailVersionOrThrow(reader: Reader, id: string, number: number) {
  const g = await getGuardrailOrThrow(reader, id);
  const v = Number.isSafeInteger(number) && number >= 1
    ? await reader.db.guardrailVersion.findUnique({ where: { guardrailId_number: { guardrailId: g.id, number } } })
    : null;
  if (!v) throw notFound(`Version ${number} of guardrail ${g.name}`);
  return serializeVersion(v);
}

/** The DRAFT or a numbered version's config, for the bench and the diff. */
export async function getGuardrailConfigOrThrow(reader: Reader, id: string, target: "DRAFT" | number): Promise<{ label: string; config: GuardrailConfig }> {
  if (target === "DRAFT") return { label: "DRAFT", config: (await getGuardrailOrThrow(reader, id)).draft };
  return { label: `Version ${target}`, config: (await getGuardrailVersionOrThrow(reader, id, target)).config };
}
