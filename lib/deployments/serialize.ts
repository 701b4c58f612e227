import type { Deployment } from "@/lib/generated/prisma/client";
import type { Artifact } from "./publications";

/** The public shape of a deployment (pages, audit after, webhook data): dates as ISO strings. */
export function serializeDeployment(d: Pick<Deployment, "id" | "useCaseId" | "environment" | "releaseId" | "kind" | "previousDeploymentId" | "artifacts" | "etag" | "comment" | "deployedById" | "deployedAt">) {
  return {
    id: d.id,
    useCaseId: d.useCaseId,
    environment: d.environment,
    releaseId: d.releaseId,
    kind: d.kind,
    previousDeploymentId: d.previousDeploymentId,
    artifacts: d.artifacts as Artifact[],
    etag: d.etag,
    comment: d.comment,
    deployedById: d.deployedById,
    deployedAt: d.deployedAt.toISOString(),
  };
}

export type DeploymentDto = ReturnType<typeof serializeDeployment>;
