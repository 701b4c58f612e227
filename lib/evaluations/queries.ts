import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notFound, parseInput } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/permissions";
import { listRunsSchema } from "./schemas";
import { runInclude, serializeGate, serializeRun, serializeRunItem } from "./serialize";

type Reader = { db: PrismaClient; actor: Actor };

// evaluation:read is global for every role; an API token sees only its own team's runs.
const tokenScope = (actor: Actor) => (actor.kind === "token" ? { useCase: { teamId: actor.teamId } } : {});

/** The gates of a use case (GateSpec-compatible, with id), in a stable order. For the release form too. */
export async function listGates(db: PrismaClient, useCaseId: string) {
  const rows = await db.evaluationGate.findMany({ where: { useCaseId }, orderBy: [{ metric: "asc" }, { comparison: "asc" }] });
  return rows.map(serializeGate);
}

export type GateDto = Awaited<ReturnType<typeof listGates>>[number];

/** The runs of a use case, newest first, optionally on one dataset version. For the release form. */
export async function listRunsForUseCase(db: PrismaClient, useCaseId: string, filter: { datasetVersionId?: string } = {}) {
  const rows = await db.evaluationRun.findMany({
    where: { useCaseId, ...(filter.datasetVersionId ? { datasetVersionId: filter.datasetVersionId } : {}) },
    orderBy: { number: "desc" },
    select: { id: true, number: true, candidate: true, passed: true, datasetVersionId: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** One page of runs, newest first, with their use case. */
export async function listEvaluationRuns({ db, actor }: Reader, input: Record<string, unknown>) {
  authorize(actor, "evaluation:read");
  const f = parseInput(listRunsSchema, input);
  const where = { ...(f.useCaseId ? { useCaseId: f.useCaseId } : {}), ...tokenScope(actor) };
  const [total, rows] = await Promise.all([
    db.evaluationRun.count({ where }),
    db.evaluationRun.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      include: { ...runInclude, useCase: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    items: rows.map(({ useCase, ...r }) => ({ ...serializeRun(r), useCase })),
    page: f.page,
    pageSize: f.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}

export type RunListRow = Awaited<ReturnType<typeof listEvaluationRuns>>["items"][number];

/** A run with its use case; another team's run answers 404 to an API token. */
export async function getEvaluationRunOrThrow({ db, actor }: Reader, id: string) {
  authorize(actor, "evaluation:read");
  const r = await db.evaluationRun.findFirst({
    where: { id, ...tokenScope(actor) },
    include: { ...runInclude, useCase: { select: { id: true, name: true, slug: true, teamId: true, team: { select: { name: true } } } } },
  });
  if (!r) throw notFound("Evaluation run");
  const { useCase, ...run } = r;
  return { ...serializeRun(run), useCase: { id: useCase.id, name: useCase.name, slug: useCase.slug, teamId: useCase.teamId, teamName: useCase.team.name } };
}

export type RunDetail = Awaited<ReturnType<typeof getEvaluationRunOrThrow>>;

/** One page of a run's items, in the order they were posted. */
export async function listRunItems(db: PrismaClient, runId: string, page: number, pageSize = 50) {
  const rows = await db.evaluationRunItem.findMany({ where: { runId }, orderBy: { position: "asc" }, skip: (page - 1) * pageSize, take: pageSize });
  return rows.map(serializeRunItem);
}

/** Every item of a run (at most 10,000), for the comparison. */
export async function allRunItems(db: PrismaClient, runId: string) {
  const rows = await db.evaluationRunItem.findMany({ where: { runId }, orderBy: { position: "asc" } });
  return rows.map(serializeRunItem);
}

/** Use cases the actor may post runs for, with their datasets' versions: the upload form's choices. */
export async function listUploadTargets(db: PrismaClient, actor: Actor) {
  const teamIds = actor.kind === "user" ? actor.teamIds : actor.kind === "token" ? [actor.teamId] : undefined;
  const useCases = await db.useCase.findMany({
    where: teamIds ? { teamId: { in: teamIds } } : {},
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      datasets: { orderBy: { name: "asc" }, select: { id: true, name: true, versions: { orderBy: { number: "desc" }, select: { number: true, itemCount: true, message: true } } } },
    },
  });
  return useCases.map((u) => ({ ...u, datasets: u.datasets.filter((d) => d.versions.length > 0) }));
}

export type UploadTarget = Awaited<ReturnType<typeof listUploadTargets>>[number];

/** Every use case for the pickers (id and name), as the other catalog lists do. */
export async function listUseCaseOptions(db: PrismaClient) {
  return db.useCase.findMany({ select: { id: true, name: true, teamId: true }, orderBy: { name: "asc" } });
}

/** Who posted each run: a user's name, or "API token <name>" for CI. */
export async function creatorNames(db: PrismaClient, ids: string[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids)];
  const [users, tokens] = await Promise.all([
    db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } }),
    db.apiToken.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } }),
  ]);
  return Object.fromEntries([...users.map((u) => [u.id, u.name]), ...tokens.map((t) => [t.id, `API token “${t.name}”`])]);
}
