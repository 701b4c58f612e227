import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/context";
import type { AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import type { PublishedIds } from "@/lib/runtime/runtime-config";
import type { ReleaseForDeployment } from "./load-release";

/** One pinned version that has to be in Bedrock before the release can run in a connected account. */
export type PinnedVersion = { resourceType: "prompt" | "guardrail"; versionId: string; label: string; role: string | null };

export type Artifact = PinnedVersion & { bedrockId: string; bedrockArn: string; bedrockVersion: string };

export function pinnedVersions(release: ReleaseForDeployment): PinnedVersion[] {
  const prompts = release.prompts.map((p) => ({
    resourceType: "prompt" as const,
    versionId: p.promptVersion.id,
    label: `prompt ${p.promptVersion.prompt.name} v${p.promptVersion.number} (role ${p.role})`,
    role: p.role,
  }));
  const g = release.guardrailVersion;
  return g ? [...prompts, { resourceType: "guardrail" as const, versionId: g.id, label: `guardrail ${g.guardrail.name} v${g.number}`, role: null }] : prompts;
}

export type PublicationCheck = { connected: boolean; published: PublishedIds; artifacts: Artifact[]; missing: PinnedVersion[] };

/**
 * Which pinned versions are PUBLISHED in the environment's AWS account. Without a connection
 * nothing is required (and the config carries no Bedrock ids).
 */
export async function checkPublications(db: PrismaClient | Tx, release: ReleaseForDeployment, environment: AwsEnvironmentName): Promise<PublicationCheck> {
  const connection = await db.awsConnection.findUnique({ where: { environment }, select: { id: true } });
  const published: PublishedIds = new Map();
  if (!connection) return { connected: false, published, artifacts: [], missing: [] };
  const pinned = pinnedVersions(release);
  const rows = await db.bedrockPublication.findMany({
    where: { environment, status: "PUBLISHED", OR: pinned.map((p) => ({ resourceType: p.resourceType, versionId: p.versionId })) },
    select: { resourceType: true, versionId: true, bedrockId: true, bedrockArn: true, bedrockVersion: true },
  });
  const artifacts: Artifact[] = [];
  const missing: PinnedVersion[] = [];
  for (const p of pinned) {
    const row = rows.find((r) => r.resourceType === p.resourceType && r.versionId === p.versionId);
    if (!row?.bedrockId || !row.bedrockArn || !row.bedrockVersion) {
      missing.push(p);
      continue;
    }
    const ids = { id: row.bedrockId, arn: row.bedrockArn, version: row.bedrockVersion };
    published.set(p.versionId, ids);
    artifacts.push({ ...p, bedrockId: ids.id, bedrockArn: ids.arn, bedrockVersion: ids.version });
  }
  return { connected: true, published, artifacts, missing };
}
