import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notFound, parseInput } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/permissions";
import { AWS_ENVIRONMENTS, type AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import { checkPublications, type Artifact } from "./publications";
import { loadReleaseForDeploymentOrThrow } from "./load-release";
import { listDeploymentsSchema } from "./schemas";

type Reader = { db: PrismaClient; actor: Actor };

// release:read is global for every role (releases are reviewed across teams), so no team filter.

const GRID_PAGE_SIZE = 25;
export const HISTORY_PAGE_SIZE = 20;

const deploymentSelect = {
  id: true, useCaseId: true, environment: true, kind: true, comment: true, artifacts: true, deployedById: true, deployedAt: true, previousDeploymentId: true,
  release: { select: { id: true, number: true } },
} as const;

type DeploymentRow = { id: string; useCaseId: string; environment: AwsEnvironmentName; kind: "PROMOTION" | "ROLLBACK"; comment: string; artifacts: unknown; deployedById: string; deployedAt: Date; previousDeploymentId: string | null; release: { id: string; number: number } };

async function names(db: PrismaClient, ids: string[]): Promise<Record<string, string>> {
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return Object.fromEntries(users.map((u) => [u.id, u.name]));
}

function view(d: DeploymentRow, who: Record<string, string>) {
  return {
    id: d.id, useCaseId: d.useCaseId, environment: d.environment, kind: d.kind, comment: d.comment, artifacts: d.artifacts as Artifact[],
    deployedBy: who[d.deployedById] ?? "Unknown user", deployedAt: d.deployedAt.toISOString(), previousDeploymentId: d.previousDeploymentId,
    release: d.release,
  };
}
export type DeploymentView = ReturnType<typeof view>;

/** /environments: use cases with releases × DEV/PREPROD/PROD, what runs in each now. */
export async function environmentGrid({ db, actor }: Reader, input: Record<string, unknown>) {
  authorize(actor, "release:read");
  const f = parseInput(listDeploymentsSchema, input);
  const where = { releases: { some: {} }, ...(f.useCaseId ? { id: f.useCaseId } : {}) };
  const [total, useCases] = await Promise.all([
    db.useCase.count({ where }),
    db.useCase.findMany({
      where, orderBy: [{ name: "asc" }, { id: "asc" }], skip: (f.page - 1) * GRID_PAGE_SIZE, take: GRID_PAGE_SIZE,
      select: { id: true, name: true, slug: true, team: { select: { name: true } } },
    }),
  ]);
  const active = await db.activeDeployment.findMany({ where: { useCaseId: { in: useCases.map((u) => u.id) } }, select: { deploymentId: true } });
  const deployments = await db.deployment.findMany({ where: { id: { in: active.map((a) => a.deploymentId) } }, select: deploymentSelect });
  const who = await names(db, deployments.map((d) => d.deployedById));
  return {
    items: useCases.map((u) => ({
      useCase: u,
      environments: Object.fromEntries(AWS_ENVIRONMENTS.map((env) => {
        const d = deployments.find((x) => x.useCaseId === u.id && x.environment === env);
        return [env, d ? view(d, who) : null];
      })) as Record<AwsEnvironmentName, DeploymentView | null>,
    })),
    total, page: f.page, pageCount: Math.max(1, Math.ceil(total / GRID_PAGE_SIZE)),
  };
}

/** /environments/[environment]: what runs now per use case, and the history (newest first). */
export async function environmentOverview({ db, actor }: Reader, environment: AwsEnvironmentName, input: Record<string, unknown>) {
  authorize(actor, "release:read");
  const f = parseInput(listDeploymentsSchema, input);
  const scope = { environment, ...(f.useCaseId ? { useCaseId: f.useCaseId } : {}) };
  const [active, total, history, connection] = await Promise.all([
    db.activeDeployment.findMany({ where: scope, select: { deploymentId: true } }),
    db.deployment.count({ where: scope }),
    db.deployment.findMany({ where: scope, orderBy: [{ deployedAt: "desc" }, { id: "asc" }], skip: (f.page - 1) * HISTORY_PAGE_SIZE, take: HISTORY_PAGE_SIZE, select: deploymentSelect }),
    db.awsConnection.findUnique({ where: { environment }, select: { region: true } }),
  ]);
  const current = await db.deployment.findMany({ where: { id: { in: active.map((a) => a.deploymentId) } }, select: deploymentSelect });
  const useCases = await db.useCase.findMany({
    where: { id: { in: [...new Set([...current, ...history].map((d) => d.useCaseId))] } },
    select: { id: true, name: true, slug: true, teamId: true, team: { select: { name: true } } },
  });
  const restorable = await db.deployment.findMany({ where: { id: { in: current.flatMap((d) => d.previousDeploymentId ?? []) } }, select: { id: true, release: { select: { number: true } } } });
  const who = await names(db, [...current, ...history].map((d) => d.deployedById));
  const useCase = (id: string) => useCases.find((u) => u.id === id)!;
  return {
    connection,
    current: current
      .map((d) => ({ ...view(d, who), useCase: useCase(d.useCaseId), rollbackTo: restorable.find((r) => r.id === d.previousDeploymentId)?.release.number ?? null }))
      .sort((a, b) => a.useCase.name.localeCompare(b.useCase.name)),
    history: history.map((d) => ({ ...view(d, who), useCase: useCase(d.useCaseId) })),
    total, page: f.page, pageCount: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
  };
}

/** Use cases for the filters (name order). */
export async function listUseCaseOptions({ db, actor }: Reader) {
  authorize(actor, "release:read");
  return db.useCase.findMany({ where: { releases: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** The release page's deployment panel: where it runs now, where it ran, per environment. */
export async function releaseDeployments({ db, actor }: Reader, releaseId: string) {
  authorize(actor, "release:read");
  const release = await db.release.findUnique({ where: { id: releaseId }, select: { id: true, number: true, status: true, useCase: { select: { id: true, teamId: true } } } });
  if (!release) throw notFound("Release");
  const [history, active, connections] = await Promise.all([
    db.deployment.findMany({ where: { releaseId }, orderBy: [{ deployedAt: "desc" }, { id: "asc" }], select: deploymentSelect }),
    db.activeDeployment.findMany({ where: { useCaseId: release.useCase.id }, select: { environment: true, releaseId: true, deploymentId: true } }),
    db.awsConnection.findMany({ select: { environment: true } }),
  ]);
  const running = await db.release.findMany({ where: { id: { in: active.map((a) => a.releaseId) } }, select: { id: true, number: true } });
  const who = await names(db, history.map((d) => d.deployedById));
  return {
    release,
    history: history.map((d) => view(d, who)),
    environments: AWS_ENVIRONMENTS.map((environment) => {
      const now = active.find((a) => a.environment === environment);
      return {
        environment,
        connected: connections.some((c) => c.environment === environment),
        runsHere: now?.releaseId === releaseId,
        running: now ? (running.find((r) => r.id === now.releaseId)?.number ?? null) : null,
        promoted: history.some((d) => d.environment === environment && d.kind === "PROMOTION"),
      };
    }),
  };
}

/** Labels of the pinned versions not yet published to the environment's AWS account (none without a connection). */
export async function unpublishedVersions({ db, actor }: Reader, releaseId: string, environment: AwsEnvironmentName): Promise<string[]> {
  authorize(actor, "release:read");
  const release = await loadReleaseForDeploymentOrThrow(db, releaseId);
  return (await checkPublications(db, release, environment)).missing.map((m) => m.label);
}
