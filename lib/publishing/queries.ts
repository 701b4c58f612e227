import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AWS_ENVIRONMENTS, type AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import { authorize, type Actor } from "@/lib/permissions";
import type { PublishResourceType } from "./schemas";
import { serializePublication, type PublicationDto } from "./serialize";

type Reader = { db: PrismaClient; actor: Actor };

export type EnvironmentPublication = { environment: AwsEnvironmentName; connected: boolean; publication: PublicationDto | null };

/** A version's publication state in every environment, with whether the environment is connected. */
export async function listVersionPublications({ db, actor }: Reader, resourceType: PublishResourceType, versionId: string): Promise<EnvironmentPublication[]> {
  authorize(actor, resourceType === "prompt" ? "prompt:read" : "guardrail:read");
  const [rows, connections] = await Promise.all([
    db.bedrockPublication.findMany({ where: { resourceType, versionId } }),
    db.awsConnection.findMany({ select: { environment: true } }),
  ]);
  return AWS_ENVIRONMENTS.map((environment) => {
    const row = rows.find((r) => r.environment === environment);
    return { environment, connected: connections.some((c) => c.environment === environment), publication: row ? serializePublication(row) : null };
  });
}

/** The published Bedrock version of a Strata version in one environment, if any. */
export async function findPublished(db: PrismaClient, resourceType: PublishResourceType, versionId: string, environment: AwsEnvironmentName) {
  const row = await db.bedrockPublication.findUnique({ where: { resourceType_versionId_environment: { resourceType, versionId, environment } } });
  return row?.status === "PUBLISHED" ? row : null;
}
