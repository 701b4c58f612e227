import { GetPromptCommand } from "@aws-sdk/client-bedrock-agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAwsClients, type AwsClients } from "@/lib/aws/clients";
import { startFakeAws, type FakeAws } from "@/lib/aws/fake/fake-aws-server";
import { saveAwsConnection } from "@/lib/aws-connections/save-aws-connection";
import type { Database } from "@/lib/db/open-database";
import type { UserActor } from "@/lib/permissions";
import { publishPromptVersion } from "@/lib/publishing/publish-prompt-version";
import { publishGuardrailVersion } from "@/lib/publishing/publish-guardrail-version";
import type { RuntimeConfig } from "@/lib/runtime/runtime-config";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { promoteRelease } from "./promote-release";
import { rollbackEnvironment } from "./rollback-environment";
import { createPinnableVersions, insertApprovedRelease } from "./testing";

// Promotion into an environment with an AWS connection, against the wire-level fake (the real
// SDK clients talk HTTP to it): pinned versions must be published there, and their Bedrock ids
// end up in the deployment's artifacts and in the runtime config.

let database: Database;
let fake: FakeAws;
/** Another account: Bedrock names are per account, so PROD gets its own fake. */
let prodFake: FakeAws;
let clients: AwsClients;
let teamId: string;
const actors = {} as Record<"owner" | "engineer" | "admin", UserActor>;
const as = (actor: UserActor) => ctxFor(database.prisma, actor);

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "AKIDFAKEFAKEFAKE";
  process.env.AWS_SECRET_ACCESS_KEY = "fake-secret";
  database = await createTestDatabase();
  fake = await startFakeAws();
  prodFake = await startFakeAws();
  clients = createAwsClients({ environment: "DEV", region: "us-east-1", endpointOverride: fake.url });
  const db = database.prisma;
  teamId = (await createTeam(db, "Support")).id;
  actors.owner = await createUserActor(db, "PRODUCT_OWNER", [teamId]);
  actors.engineer = await createUserActor(db, "ENGINEER", [teamId]);
  actors.admin = await createUserActor(db, "ADMIN");
  // DEV and PROD are connected; PREPROD is not.
  await saveAwsConnection(as(actors.admin), { environment: "DEV", region: "us-east-1", endpointOverride: fake.url });
  await saveAwsConnection(as(actors.admin), { environment: "PROD", region: "us-east-1", endpointOverride: prodFake.url });
});
afterAll(async () => {
  for (const c of Object.values(clients ?? {})) c.destroy();
  await fake?.close();
  await prodFake?.close();
  await database?.close();
});

async function scenario() {
  const useCase = await createUseCase(as(actors.owner), makeUseCaseInput(teamId));
  const pins = await createPinnableVersions(as(actors.engineer), useCase.id, 2);
  const releases = [];
  for (const v of pins.versions) releases.push(await insertApprovedRelease(database.prisma, useCase.id, actors.engineer.id, v));
  return { useCase, pins, releases };
}

const deploymentCount = (useCaseId: string) => database.prisma.deployment.count({ where: { useCaseId } });

describe("promotion into a connected environment", () => {
  it("refuses, listing what is unpublished, unless asked to publish; a product owner cannot publish", async () => {
    const { useCase, releases, pins } = await scenario();
    const release = releases[0]!;
    const error = await promoteRelease(as(actors.owner), release.id, { environment: "DEV" }).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(error.message).toMatch(/^Not published to the DEV AWS account: prompt reply-\w+ v1 \(role reply\), prompt triage-\w+ v1 \(role triage\), guardrail guard-\w+ v1\./);
    expect(error.details.unpublished.map((u: { versionId: string }) => u.versionId).sort()).toEqual(Object.values(pins.versions[0]!).sort());

    // The owner may promote but not publish: told so, and nothing is published or deployed.
    const denied = await promoteRelease(as(actors.owner), release.id, { environment: "DEV", publishMissing: true }).catch((e) => e);
    expect(denied).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("needs the prompt:publish and guardrail:publish permission, which you do not have") });
    expect(await database.prisma.bedrockPublication.count({ where: { versionId: { in: Object.values(pins.versions[0]!) } } })).toBe(0);
    expect(await deploymentCount(useCase.id)).toBe(0);
  });

  it("publishes the missing versions first, then records their ARNs in the deployment and the config", async () => {
    const { releases, pins } = await scenario();
    const release = releases[0]!;
    const v = pins.versions[0]!;
    // One of the three is already published: only the other two are published now.
    const already = await publishPromptVersion(as(actors.engineer), { versionId: v.reply, environment: "DEV" });
    const done = await promoteRelease(as(actors.engineer), release.id, { environment: "DEV", publishMissing: true });
    expect(done.connected).toBe(true);
    const pubs = await database.prisma.bedrockPublication.findMany({ where: { environment: "DEV", versionId: { in: Object.values(v) } } });
    expect(pubs.map((p) => p.status)).toEqual(["PUBLISHED", "PUBLISHED", "PUBLISHED"]);
    const byVersion = new Map(pubs.map((p) => [p.versionId, p]));
    expect(byVersion.get(v.reply)!.bedrockArn).toBe(already.bedrockArn);

    expect(done.deployment.artifacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resourceType: "prompt", role: "triage", versionId: v.triage, bedrockArn: byVersion.get(v.triage)!.bedrockArn, bedrockVersion: "1" }),
        expect.objectContaining({ resourceType: "prompt", role: "reply", versionId: v.reply, bedrockId: already.bedrockId }),
        expect.objectContaining({ resourceType: "guardrail", versionId: v.guardrail, bedrockArn: expect.stringMatching(/^arn:aws:bedrock:us-east-1:123456789012:guardrail\//) }),
      ]),
    );
    const config = done.config as RuntimeConfig;
    const triage = byVersion.get(v.triage)!;
    expect(config.prompts.triage!.bedrock).toEqual({ id: triage.bedrockId, arn: triage.bedrockArn, version: "1" });
    expect(config.guardrail!.bedrock).toMatchObject({ id: byVersion.get(v.guardrail)!.bedrockId, version: "1" });
    // The published prompt really is in the (fake) account, with the pinned template.
    const read = await clients.agent.send(new GetPromptCommand({ promptIdentifier: triage.bedrockId!, promptVersion: "1" }));
    expect(read.variants?.[0]?.templateConfiguration?.text?.text).toBe("Classify this ticket about {{product}}: {{ticket}}");
    const audit = await database.prisma.auditEvent.count({ where: { action: { in: ["prompt.publish", "guardrail.publish"] }, resourceId: { in: [pins.promptIds.triage, pins.guardrailId] } } });
    expect(audit).toBe(4); // started + published, for each of the two published here
  });

  it("without a connection (PREPROD) promotes with no Bedrock ids; PROD checks again; rollback keeps the ARNs", async () => {
    const { useCase, releases, pins } = await scenario();
    for (const [i, r] of releases.entries()) {
      for (const versionId of [pins.versions[i]!.triage, pins.versions[i]!.reply]) await publishPromptVersion(as(actors.engineer), { versionId, environment: "DEV" });
      await publishGuardrailVersion(as(actors.engineer), { versionId: pins.versions[i]!.guardrail, environment: "DEV" });
      const dev = await promoteRelease(as(actors.engineer), r.id, { environment: "DEV" });
      expect(dev.deployment.artifacts).toHaveLength(3);
      const pre = await promoteRelease(as(actors.engineer), r.id, { environment: "PREPROD" });
      expect(pre.connected).toBe(false);
      expect(pre.deployment.artifacts).toEqual([]);
      expect((pre.config as RuntimeConfig).prompts.triage!.bedrock).toBeNull();
      // PROD is connected: not published there yet. An admin may publish and promote to prod.
      await expect(promoteRelease(as(actors.owner), r.id, { environment: "PROD" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Not published to the PROD AWS account") });
      const prod = await promoteRelease(as(actors.admin), r.id, { environment: "PROD", publishMissing: true });
      expect((prod.config as RuntimeConfig).prompts.triage!.bedrock!.arn).toMatch(/^arn:aws:bedrock:/);
    }
    const rolled = await rollbackEnvironment(as(actors.owner), useCase.id, "PROD", { comment: "Back to release 1" });
    const firstProd = await database.prisma.deployment.findFirstOrThrow({ where: { useCaseId: useCase.id, environment: "PROD", releaseId: releases[0]!.id } });
    expect(rolled.deployment.artifacts).toEqual(firstProd.artifacts);
    expect(rolled.deployment.etag).toBe(firstProd.etag);
  });
});
