import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AwsConnectionConfig } from "@/lib/aws/clients";
import { parseInput } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/permissions";
import { AWS_ENVIRONMENTS, environmentSchema, type AwsEnvironmentName } from "./schemas";
import { serializeAwsConnection, type AwsConnectionDto } from "./serialize";

type Reader = { db: PrismaClient; actor: Actor };

/** One entry per environment, configured or not, in DEV → PROD order. */
export async function listAwsConnections({ db, actor }: Reader): Promise<{ environment: AwsEnvironmentName; connection: AwsConnectionDto | null }[]> {
  authorize(actor, "aws-connection:read");
  const rows = await db.awsConnection.findMany();
  return AWS_ENVIRONMENTS.map((environment) => {
    const row = rows.find((r) => r.environment === environment);
    return { environment, connection: row ? serializeAwsConnection(row) : null };
  });
}

/**
 * The settings a service needs to call AWS in an environment, or null when none is configured.
 * Internal: callers authorise for their own purpose (publishing, running) first.
 */
export async function connectionConfigFor(db: PrismaClient, environment: string): Promise<AwsConnectionConfig | null> {
  const env = parseInput(environmentSchema, environment);
  const row = await db.awsConnection.findUnique({ where: { environment: env } });
  return row ? { environment: row.environment, region: row.region, roleArn: row.roleArn, endpointOverride: row.endpointOverride } : null;
}

/** Which environments have a connection (for publish and playground pickers). */
export async function configuredEnvironments(db: PrismaClient): Promise<AwsEnvironmentName[]> {
  const rows = await db.awsConnection.findMany({ select: { environment: true } });
  return AWS_ENVIRONMENTS.filter((e) => rows.some((r) => r.environment === e));
}
