// RBAC rows of promotion and rollback (app/rbac-matrix.test.ts). Which environments are connected
// to AWS depends on the rows that ran before (DEV always; PREPROD/PROD after the connection rows),
// and promotion into a connected one requires the pinned versions published there. Publishing
// itself is tested against the fake in lib/deployments/promotion-aws.test.ts; here the setup
// records the versions as published in every environment, so each row tests permissions only.
import { promoteRelease } from "@/lib/deployments/promote-release";
import { insertRelease } from "@/lib/deployments/testing";
import { createPromptVersion } from "@/lib/prompts/create-prompt-version";
import { newId } from "@/lib/context";
import * as environmentActions from "@/app/(console)/environments/actions";
import { call, promptVersion, type Fixture, type Row } from "./rbac-matrix.rows";

async function markPublished(fx: Fixture, promptId: string, versionId: string, versionNumber: number) {
  for (const environment of ["DEV", "PREPROD", "PROD"] as const) {
    const bedrockId = `MATRIX${promptId.slice(-6).toUpperCase()}`;
    await fx.db.bedrockPublication.create({
      data: {
        id: newId("pub"), resourceType: "prompt", resourceId: promptId, versionId, versionNumber, environment, status: "PUBLISHED", clientToken: newId("tok"),
        bedrockId, bedrockArn: `arn:aws:bedrock:us-east-1:123456789012:prompt/${bedrockId}:${versionNumber}`, bedrockVersion: String(versionNumber),
        publishedById: fx.admin.actor.id, publishedAt: new Date(),
      },
    });
  }
}

/** An APPROVED release pinning a prompt version (recorded as published); `versions` releases in one use case. */
async function approvedReleases(fx: Fixture, versions = 1) {
  const first = await promptVersion(fx);
  const { useCaseId } = await fx.db.prompt.findUniqueOrThrow({ where: { id: first.promptId }, select: { useCaseId: true } });
  const versionIds = [first.versionId];
  for (let i = 1; i < versions; i++) versionIds.push((await createPromptVersion(fx.owner, first.promptId, { message: `Version ${i + 1}` })).id);
  const releases = [];
  for (const [i, versionId] of versionIds.entries()) {
    await markPublished(fx, first.promptId, versionId, i + 1);
    releases.push(await insertRelease(fx.db, { useCaseId, createdById: fx.owner.actor.id, prompts: [{ role: "system", promptVersionId: versionId }] }));
  }
  return { useCaseId, releaseIds: releases.map((r) => r.id) };
}

export const MATRIX: Record<string, Row> = {
  promoteReleaseAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER"],
    setup: async (fx) => [(await approvedReleases(fx)).releaseIds[0], { environment: "DEV", comment: "Matrix promotion" }],
    call: call(environmentActions.promoteReleaseAction),
  },
  promoteReleaseToProdAction: {
    allowed: ["PRODUCT_OWNER", "ADMIN"],
    setup: async (fx) => {
      const id = (await approvedReleases(fx)).releaseIds[0]!;
      for (const environment of ["DEV", "PREPROD"]) await promoteRelease(fx.owner, id, { environment });
      return [id, { comment: "Matrix go-live" }];
    },
    call: call(environmentActions.promoteReleaseToProdAction),
  },
  rollbackEnvironmentAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER", "ADMIN"],
    setup: async (fx) => {
      const { useCaseId, releaseIds } = await approvedReleases(fx, 2);
      for (const id of releaseIds) await promoteRelease(fx.owner, id, { environment: "DEV" });
      return [useCaseId, "DEV", { comment: "Matrix rollback" }];
    },
    call: call(environmentActions.rollbackEnvironmentAction),
  },
};
