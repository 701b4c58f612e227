import type { SqlRunner } from "@/lib/db/migrate";
import type { AwsEnvironmentName } from "@/lib/aws-connections/schemas";

type Sql = Pick<SqlRunner, "query">;

// The hot path of the runtime API, on the raw driver (PGlite or pg) rather than the Prisma
// client: measured, Prisma's per-query overhead was as large as the query itself
// (bench/runtime-config.ts). Reads only; nothing here writes.

export type RuntimePointer = { teamId: string; deploymentId: string | null };

/**
 * Use case by slug → the deployment running in the environment, in ONE statement. Null when
 * the slug is unknown; deploymentId null when nothing is deployed there.
 */
export async function readRuntimePointer(sql: Sql, slug: string, environment: AwsEnvironmentName): Promise<RuntimePointer | null> {
  const rows = await sql.query<RuntimePointer>(
    `SELECT u."teamId" AS "teamId", a."deploymentId" AS "deploymentId"
       FROM "UseCase" u
       LEFT JOIN "ActiveDeployment" a ON a."useCaseId" = u.id AND a.environment = $2::"AwsEnvironment"
      WHERE u.slug = $1`,
    [slug, environment],
  );
  return rows[0] ?? null;
}

export type DeploymentBody = { etag: string; body: string };

// Deployments are immutable (a database trigger refuses UPDATE and DELETE), so what a deployment
// id serves never changes and is kept in memory after its first read. What runs now is still
// read from the database on every request (readRuntimePointer), so a promotion or rollback shows
// on the next one. Bounded: the oldest entries go first.
const MAX_CACHED = 512;
const cache = new Map<string, DeploymentBody>();

/** The exact body served — PostgreSQL's jsonb text of the stored config — and its ETag. */
export async function readDeploymentBody(sql: Sql, deploymentId: string): Promise<DeploymentBody | null> {
  const cached = cache.get(deploymentId);
  if (cached) return cached;
  const [row] = await sql.query<DeploymentBody>(`SELECT etag, config::text AS body FROM "Deployment" WHERE id = $1`, [deploymentId]);
  if (!row) return null;
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(deploymentId, row);
  return row;
}
