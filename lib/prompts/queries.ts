import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/permissions";
import { listPromptsSchema, versionNumberSchema, type ListPromptsInput } from "./schemas";
import { serializePrompt, serializeVersion } from "./serialize";

type Reader = { db: PrismaClient; actor: Actor };

const useCaseSelect = { select: { id: true, name: true, slug: true, team: { select: { id: true, name: true, slug: true } } } } as const;

/** Everyone with prompt:read sees every team's prompts; an API token only its own team's. */
function visible(actor: Actor): Prisma.PromptWhereInput {
  return actor.kind === "token" ? { useCase: { teamId: actor.teamId } } : {};
}

export async function listPrompts({ db, actor }: Reader, input: ListPromptsInput | Record<string, unknown>) {
  authorize(actor, "prompt:read");
  const f = parseInput(listPromptsSchema, input);
  // ANDed, so the use-case filter can never widen a token's view.
  const where: Prisma.PromptWhereInput = { AND: [visible(actor), f.useCaseId ? { useCaseId: f.useCaseId } : {}] };
  const [total, rows] = await Promise.all([
    db.prompt.count({ where }),
    db.prompt.findMany({
      where,
      orderBy: [{ draftUpdatedAt: "desc" }, { id: "asc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      include: { useCase: useCaseSelect },
    }),
  ]);
  return {
    items: rows.map(({ useCase, ...p }) => ({ ...serializePrompt(p), useCase })),
    page: f.page,
    pageSize: f.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}

/** The prompt with its use case (and team) and the list of its versions, newest first. */
export async function getPromptOrThrow({ db, actor }: Reader, id: string) {
  authorize(actor, "prompt:read");
  const p = await db.prompt.findFirst({
    where: { AND: [{ id }, visible(actor)] },
    include: {
      useCase: useCaseSelect,
      versions: { orderBy: { number: "desc" }, select: { id: true, number: true, message: true, createdById: true, createdAt: true } },
    },
  });
  if (!p) throw notFound("Prompt");
  const { useCase, versions, ...row } = p;
  return { ...serializePrompt(row), useCase, versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) };
}

export type PromptDetail = Awaited<ReturnType<typeof getPromptOrThrow>>;

export function parseVersionNumber(raw: string | number): number {
  const parsed = versionNumberSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", `version: ${parsed.error.issues[0]!.message}`, { fields: [{ field: "version", message: parsed.error.issues[0]!.message }] });
  return parsed.data;
}

export async function getPromptVersionOrThrow({ db, actor }: Reader, promptId: string, number: string | number) {
  authorize(actor, "prompt:read");
  const n = parseVersionNumber(number);
  const v = await db.promptVersion.findFirst({ where: { promptId, number: n, prompt: visible(actor) } });
  if (!v) {
    // A prompt the reader cannot see and a missing version answer the same way for a token.
    await getPromptOrThrow({ db, actor }, promptId);
    throw notFound(`Version ${n} of this prompt`);
  }
  return serializeVersion(v);
}

/** Display names of the people who created versions or saved the draft. */
export async function userNames(db: PrismaClient, ids: string[]): Promise<Record<string, string>> {
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return Object.fromEntries(users.map((u) => [u.id, u.name]));
}
