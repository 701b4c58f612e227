import { GetGuardrailCommand } from "@aws-sdk/client-bedrock";
import { GetPromptCommand } from "@aws-sdk/client-bedrock-agent";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAwsClients, type AwsClients } from "@/lib/aws/clients";
import { startFakeAws, type FakeAws } from "@/lib/aws/fake/fake-aws-server";
import { saveAwsConnection } from "@/lib/aws-connections/save-aws-connection";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { Database } from "@/lib/db/open-database";
import { createGuardrail } from "@/lib/guardrails/create-guardrail";
import { createGuardrailVersion } from "@/lib/guardrails/create-guardrail-version";
import type { UserActor } from "@/lib/permissions";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { createPromptVersion } from "@/lib/prompts/create-prompt-version";
import { updatePromptDraft } from "@/lib/prompts/update-prompt-draft";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { publishGuardrailVersion } from "./publish-guardrail-version";
import { publishPromptVersion } from "./publish-prompt-version";
import { listVersionPublications } from "./queries";

let database: Database;
let fake: FakeAws;
let clients: AwsClients;
let admin: UserActor;
let owner: UserActor;
let engineer: UserActor;
let outsider: UserActor;
let useCaseId: string;
let n = 0;

const content = {
  type: "TEXT", template: "Classify: {{ticket}}", variables: [{ name: "ticket" }], modelId: "amazon.nova-lite-v1:0", inference: { temperature: 0.1, maxTokens: 200 },
};

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "AKIDFAKEFAKEFAKE";
  process.env.AWS_SECRET_ACCESS_KEY = "fake-secret";
  database = await createTestDatabase();
  fake = await startFakeAws();
  clients = createAwsClients({ environment: "DEV", region: "us-east-1", endpointOverride: fake.url });
  const db = database.prisma;
  const teamId = (await createTeam(db, "Support")).id;
  const otherTeamId = (await createTeam(db, "Finance")).id;
  admin = await createUserActor(db, "ADMIN");
  owner = await createUserActor(db, "PRODUCT_OWNER", [teamId]);
  engineer = await createUserActor(db, "ENGINEER", [teamId]);
  outsider = await createUserActor(db, "ENGINEER", [otherTeamId]);
  useCaseId = (await createUseCase(as(owner), makeUseCaseInput(teamId))).id;
  await saveAwsConnection(as(admin), { environment: "DEV", region: "us-east-1", endpointOverride: fake.url });
});
afterAll(async () => {
  for (const c of Object.values(clients ?? {})) c.destroy();
  await fake?.close();
  await database?.close();
});
beforeEach(() => {
  fake.state.faults = [];
});

const as = (actor: UserActor) => ctxFor(database.prisma, actor);
const fault = (body: object) => fetch(`${fake.url}/__fake/faults`, { method: "POST", body: JSON.stringify(body) });
const fakePrompts = async () => (await (await fetch(`${fake.url}/__fake/state`)).json()).prompts as { id: string; versions: number }[];

async function newPromptVersion() {
  const p = await createPrompt(as(engineer), { useCaseId, name: `triage-${++n}`, description: "Ticket triage", ...content });
  const v = await createPromptVersion(as(engineer), p.id, { message: "First" });
  return { promptId: p.id, versionId: v.id as string };
}

describe("publishing a prompt version", () => {
  it("creates the Bedrock prompt and version, records id/ARN/version and audits", async () => {
    const { promptId, versionId } = await newPromptVersion();
    const pub = await publishPromptVersion(as(engineer), { versionId, environment: "DEV" });
    expect(pub).toMatchObject({ status: "PUBLISHED", bedrockVersion: "1", attempts: 1, error: null });
    expect(pub.bedrockArn).toBe(`arn:aws:bedrock:us-east-1:123456789012:prompt/${pub.bedrockId}:1`);
    const read = await clients.agent.send(new GetPromptCommand({ promptIdentifier: pub.bedrockId!, promptVersion: "1" }));
    expect(read.variants?.[0]?.templateConfiguration?.text?.text).toBe("Classify: {{ticket}}");
    expect(read.variants?.[0]?.modelId).toBe("amazon.nova-lite-v1:0");
    const audit = await database.prisma.auditEvent.findMany({ where: { action: "prompt.publish", resourceId: promptId }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => (e.after as { phase: string }).phase)).toEqual(["started", "published"]);
    expect((await verifyAuditChain(database.prisma)).ok).toBe(true);
    const list = await listVersionPublications(as(owner), "prompt", versionId);
    expect(list.map((e) => [e.environment, e.connected, e.publication?.status ?? null])).toEqual([["DEV", true, "PUBLISHED"], ["PREPROD", false, null], ["PROD", false, null]]);
    // Publishing again is a no-op: the same record, no new Bedrock version.
    const again = await publishPromptVersion(as(engineer), { versionId, environment: "DEV" });
    expect(again.bedrockVersion).toBe("1");
    expect((await fakePrompts()).find((p) => p.id === pub.bedrockId)?.versions).toBe(1);
  });

  it("a later version updates the same Bedrock prompt and adds version 2", async () => {
    const { promptId, versionId } = await newPromptVersion();
    const first = await publishPromptVersion(as(engineer), { versionId, environment: "DEV" });
    await updatePromptDraft(as(engineer), promptId, { ...content, template: "Second: {{ticket}}" });
    const v2 = await createPromptVersion(as(engineer), promptId, { message: "Second" });
    const second = await publishPromptVersion(as(admin), { versionId: v2.id, environment: "DEV" });
    expect(second.bedrockId).toBe(first.bedrockId);
    expect(second.bedrockVersion).toBe("2");
    const read = await clients.agent.send(new GetPromptCommand({ promptIdentifier: second.bedrockId!, promptVersion: "2" }));
    expect(read.variants?.[0]?.templateConfiguration?.text?.text).toBe("Second: {{ticket}}");
  });

  it("survives one throttled attempt through the SDK's bounded retries", async () => {
    const { versionId } = await newPromptVersion();
    await fault({ operation: "CreatePromptVersion", kind: "throttle", count: 1 });
    const pub = await publishPromptVersion(as(engineer), { versionId, environment: "DEV" });
    expect(pub.status).toBe("PUBLISHED");
  });

  it("records FAILED with the kind; a retry reuses the client token and creates no duplicate", async () => {
    const { versionId } = await newPromptVersion();
    await fault({ operation: "CreatePromptVersion", kind: "throttle", count: 3 });
    const error = await publishPromptVersion(as(engineer), { versionId, environment: "DEV" }).catch((e) => e);
    expect(error).toMatchObject({ code: "RATE_LIMITED", details: { aws: { kind: "throttled", name: "ThrottlingException" } } });
    expect(error.message).toContain("Too many requests");
    const [failed] = (await listVersionPublications(as(engineer), "prompt", versionId)).map((e) => e.publication);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, error: { kind: "throttled", name: "ThrottlingException" } });
    expect(failed!.bedrockId).toBeTruthy(); // the prompt was created before the version failed
    const token = (await database.prisma.bedrockPublication.findFirstOrThrow({ where: { versionId } })).clientToken;

    const retried = await publishPromptVersion(as(engineer), { versionId, environment: "DEV" });
    expect(retried).toMatchObject({ status: "PUBLISHED", attempts: 2, bedrockId: failed!.bedrockId, bedrockVersion: "1", error: null });
    expect((await database.prisma.bedrockPublication.findFirstOrThrow({ where: { versionId } })).clientToken).toBe(token);
    expect((await fakePrompts()).filter((p) => p.id === failed!.bedrockId)).toEqual([expect.objectContaining({ versions: 1 })]);
  });

  it("a retry after a lost answer returns Bedrock's existing version (client token)", async () => {
    const { versionId } = await newPromptVersion();
    const pub = await publishPromptVersion(as(engineer), { versionId, environment: "DEV" });
    // Simulate: Bedrock made the version but Strata never recorded it.
    await database.prisma.bedrockPublication.update({ where: { id: pub.id }, data: { status: "FAILED", bedrockVersion: null, error: "unavailable|TimeoutError: lost" } });
    const retried = await publishPromptVersion(as(engineer), { versionId, environment: "DEV" });
    expect(retried.bedrockVersion).toBe("1");
    expect((await fakePrompts()).find((p) => p.id === pub.bedrockId)?.versions).toBe(1);
  });

  it("refuses while another version of the same prompt is being published to that environment", async () => {
    const { promptId, versionId } = await newPromptVersion();
    const first = await publishPromptVersion(as(engineer), { versionId, environment: "DEV" });
    await database.prisma.bedrockPublication.update({ where: { id: first.id }, data: { status: "PENDING" } });
    const v2 = await createPromptVersion(as(engineer), promptId, { message: "Second" });
    const error = await publishPromptVersion(as(engineer), { versionId: v2.id, environment: "DEV" }).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Version 1 of this prompt is being published to DEV") });
    await database.prisma.bedrockPublication.update({ where: { id: first.id }, data: { status: "PUBLISHED" } });
    expect((await publishPromptVersion(as(engineer), { versionId: v2.id, environment: "DEV" })).bedrockVersion).toBe("2");
  });

  it("access denied is shown as access denied, with AWS's message", async () => {
    const { versionId } = await newPromptVersion();
    await fault({ operation: "CreatePrompt", kind: "access-denied", count: 1 });
    const error = await publishPromptVersion(as(engineer), { versionId, environment: "DEV" }).catch((e) => e);
    expect(error).toMatchObject({ code: "FORBIDDEN", details: { aws: { kind: "access-denied" } } });
    expect(error.message).toMatch(/Access denied — AccessDeniedException: User is not authorized/);
  });

  it("needs prompt:publish on the owning team, and a connection for the environment", async () => {
    const { versionId } = await newPromptVersion();
    await expect(publishPromptVersion(as(owner), { versionId, environment: "DEV" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(publishPromptVersion(as(outsider), { versionId, environment: "DEV" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("team") });
    const error = await publishPromptVersion(as(engineer), { versionId, environment: "PROD" }).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("No AWS connection is configured for PROD") });
    await expect(publishPromptVersion(as(engineer), { versionId: "pv_nope", environment: "DEV" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(publishPromptVersion(as(engineer), { versionId, environment: "QA" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await database.prisma.bedrockPublication.count({ where: { versionId } })).toBe(0);
  });
});

describe("publishing a guardrail version", () => {
  it("maps the config to Bedrock's input names, publishes, and a second version updates it", async () => {
    const config = {
      topicPolicy: { topics: [{ name: "Legal advice", definition: "Advice on legal matters", examples: ["can I sue"], type: "DENY" }] },
      wordPolicy: { words: [{ text: "frobnicate" }], managedWordLists: [{ type: "PROFANITY" }] },
      blockedInputMessaging: "Blocked in.", blockedOutputsMessaging: "Blocked out.",
    };
    const g = await createGuardrail(as(engineer), { useCaseId, name: `guard-${++n}`, config });
    const v1 = await createGuardrailVersion(as(engineer), g.id, { message: "First" });
    const pub = await publishGuardrailVersion(as(engineer), { versionId: v1.id, environment: "DEV" });
    expect(pub).toMatchObject({ status: "PUBLISHED", bedrockVersion: "1" });
    expect(pub.bedrockArn).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:guardrail\//);
    const read = await clients.bedrock.send(new GetGuardrailCommand({ guardrailIdentifier: pub.bedrockId!, guardrailVersion: "1" }));
    expect(read.topicPolicy?.topics?.[0]?.name).toBe("Legal advice");
    expect(read.wordPolicy?.managedWordLists?.[0]?.type).toBe("PROFANITY");
    expect(read.blockedInputMessaging).toBe("Blocked in.");

    await fault({ operation: "UpdateGuardrail", kind: "server-error", count: 3 });
    const v2 = await createGuardrailVersion(as(engineer), g.id, { message: "Second" });
    const error = await publishGuardrailVersion(as(engineer), { versionId: v2.id, environment: "DEV" }).catch((e) => e);
    expect(error).toMatchObject({ details: { aws: { kind: "unavailable", name: "InternalServerException" } } });
    const second = await publishGuardrailVersion(as(engineer), { versionId: v2.id, environment: "DEV" });
    expect(second).toMatchObject({ status: "PUBLISHED", bedrockId: pub.bedrockId, bedrockVersion: "2", attempts: 2 });
    await expect(publishGuardrailVersion(as(owner), { versionId: v2.id, environment: "DEV" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
