import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeAws, type FakeAws } from "@/lib/aws/fake/fake-aws-server";
import { deleteAwsConnection } from "@/lib/aws-connections/delete-aws-connection";
import { saveAwsConnection } from "@/lib/aws-connections/save-aws-connection";
import type { Database } from "@/lib/db/open-database";
import { createGuardrail } from "@/lib/guardrails/create-guardrail";
import { createGuardrailVersion } from "@/lib/guardrails/create-guardrail-version";
import type { UserActor } from "@/lib/permissions";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { createPromptVersion } from "@/lib/prompts/create-prompt-version";
import { publishGuardrailVersion } from "@/lib/publishing/publish-guardrail-version";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { applyGuardrailRemote } from "./apply-guardrail-remote";
import { runPrompt } from "./run-prompt";

let database: Database;
let fake: FakeAws;
let admin: UserActor;
let owner: UserActor;
let engineer: UserActor;
let reviewer: UserActor;
let outsider: UserActor;
let useCaseId: string;
let promptId: string;

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "AKIDFAKEFAKEFAKE";
  process.env.AWS_SECRET_ACCESS_KEY = "fake-secret";
  database = await createTestDatabase();
  fake = await startFakeAws();
  const db = database.prisma;
  const teamId = (await createTeam(db, "Support")).id;
  admin = await createUserActor(db, "ADMIN");
  owner = await createUserActor(db, "PRODUCT_OWNER", [teamId]);
  engineer = await createUserActor(db, "ENGINEER", [teamId]);
  reviewer = await createUserActor(db, "REVIEWER");
  outsider = await createUserActor(db, "ENGINEER", [(await createTeam(db, "Other")).id]);
  useCaseId = (await createUseCase(as(owner), makeUseCaseInput(teamId))).id;
  const p = await createPrompt(as(engineer), {
    useCaseId, name: "chat-triage", type: "CHAT", system: "You triage {{product}} tickets.",
    messages: [{ role: "user", text: "Ticket: {{ticket}}" }],
    variables: [{ name: "product" }, { name: "ticket" }], modelId: "amazon.nova-lite-v1:0", inference: { maxTokens: 50 },
  });
  promptId = p.id;
  await createPromptVersion(as(engineer), promptId, { message: "First" });
  await saveAwsConnection(as(admin), { environment: "DEV", region: "us-east-1", endpointOverride: fake.url });
});
afterAll(async () => {
  await fake?.close();
  await database?.close();
});
beforeEach(() => {
  fake.state.faults = [];
});

const as = (actor: UserActor) => ctxFor(database.prisma, actor);

describe("playground", () => {
  it("renders the version and runs it through Converse, with tokens and latency", async () => {
    const run = await runPrompt(as(owner), { promptId, version: 1, variables: { product: "Acme", ticket: "My printer is on fire" }, environment: "DEV" });
    expect(run.answer).toBe("[fake-bedrock] echo: Ticket: My printer is on fire");
    expect(run.rendered.system).toBe("You triage Acme tickets.");
    expect(run.inputTokens).toBeGreaterThan(0);
    expect(run.outputTokens).toBe(8);
    expect(run.modelLatencyMs).toBeGreaterThan(0);
    expect(run.elapsedMs).toBeGreaterThanOrEqual(0);
    const draft = await runPrompt(as(engineer), { promptId, version: "draft", variables: { product: "Acme", ticket: "hi" } });
    expect(draft.answer).toBe("[fake-bedrock] echo: Ticket: hi");
  });

  it("names missing variables before calling AWS", async () => {
    const before = fake.state.calls.length;
    const error = await runPrompt(as(owner), { promptId, version: 1, variables: { product: "Acme" } }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(error.details.fields).toEqual([{ field: "variables.ticket", message: "is required" }]);
    expect(fake.state.calls.length).toBe(before);
  });

  it("without a connection it says why and never answers", async () => {
    const error = await runPrompt(as(owner), { promptId, version: 1, variables: { product: "A", ticket: "b" }, environment: "PROD" }).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(error.message).toContain("No AWS connection is configured for PROD");
  });

  it("reports AWS failures by kind and needs prompt:run on the team", async () => {
    await fetch(`${fake.url}/__fake/faults`, { method: "POST", body: JSON.stringify({ operation: "Converse", kind: "throttle", count: 3 }) });
    const error = await runPrompt(as(owner), { promptId, version: 1, variables: { product: "A", ticket: "b" } }).catch((e) => e);
    expect(error).toMatchObject({ code: "RATE_LIMITED", details: { aws: { kind: "throttled" } } });
    await expect(runPrompt(as(outsider), { promptId, version: 1, variables: { product: "A", ticket: "b" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(runPrompt(as(reviewer), { promptId, version: 1, variables: { product: "A", ticket: "b" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("remote guardrail bench", () => {
  it("applies the published version in Bedrock and returns its assessments", async () => {
    const g = await createGuardrail(as(engineer), {
      useCaseId, name: "remote-guard",
      config: {
        sensitiveInformationPolicy: { piiEntities: [{ type: "EMAIL", action: "ANONYMIZE" }], regexes: [] },
        wordPolicy: { words: [{ text: "frobnicate" }], managedWordLists: [] },
        blockedInputMessaging: "Blocked in.", blockedOutputsMessaging: "Blocked out.",
      },
    });
    const v1 = await createGuardrailVersion(as(engineer), g.id, { message: "First" });
    const notYet = await applyGuardrailRemote(as(reviewer), { guardrailId: g.id, versionNumber: 1, source: "INPUT", text: "hello" }).catch((e) => e);
    expect(notYet).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("not published to DEV") });

    await publishGuardrailVersion(as(engineer), { versionId: v1.id, environment: "DEV" });
    const blocked = await applyGuardrailRemote(as(reviewer), { guardrailId: g.id, versionNumber: 1, source: "INPUT", text: "please frobnicate" });
    expect(blocked).toMatchObject({ action: "GUARDRAIL_INTERVENED", outputs: ["Blocked in."], bedrockVersion: "1" });
    expect(blocked.findings).toEqual([{ policy: "Word", label: "Custom word", action: "BLOCKED", match: "frobnicate" }]);
    const masked = await applyGuardrailRemote(as(owner), { guardrailId: g.id, versionNumber: 1, source: "OUTPUT", text: "mail bob@example.com" });
    expect(masked.outputs).toEqual(["mail {EMAIL}"]);
    const clean = await applyGuardrailRemote(as(owner), { guardrailId: g.id, versionNumber: 1, source: "INPUT", text: "all fine" });
    expect(clean).toMatchObject({ action: "NONE", findings: [] });

    const viewer = await createUserActor(database.prisma, "VIEWER");
    await expect(applyGuardrailRemote(as(viewer), { guardrailId: g.id, versionNumber: 1, source: "INPUT", text: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteAwsConnection(as(admin), "DEV");
    const unavailable = await applyGuardrailRemote(as(owner), { guardrailId: g.id, versionNumber: 1, source: "INPUT", text: "x" }).catch((e) => e);
    expect(unavailable).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("No AWS connection is configured for DEV") });
  });
});
