import { GetGuardrailCommand } from "@aws-sdk/client-bedrock";
import {
  GetIngestionJobCommand, GetKnowledgeBaseCommand, GetPromptCommand, ListDataSourcesCommand, ListKnowledgeBasesCommand, StartIngestionJobCommand,
} from "@aws-sdk/client-bedrock-agent";
import { GetMetricDataCommand, ListMetricsCommand } from "@aws-sdk/client-cloudwatch";
import { GetCostAndUsageCommand, GetCostForecastCommand } from "@aws-sdk/client-cost-explorer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAwsClients, type AwsClients } from "./clients";
import { awsConnectionTester } from "./connection-tester";
import { toAwsFailure } from "./errors";
import { startFakeAws, type FakeAws } from "./fake/fake-aws-server";
import { awsGuardrailPublisher } from "./guardrail-publisher";
import { awsGuardrailRunner } from "./guardrail-runner";
import { awsModelRunner } from "./model-runner";
import { awsPromptPublisher } from "./prompt-publisher";

// Contract tests: the REAL SDK v3 clients, over HTTP, against the local wire-level fake.
let fake: FakeAws;
let clients: AwsClients;
const credentials = { accessKeyId: "AKIDFAKEFAKEFAKE", secretAccessKey: "fake-secret" };

async function fault(body: Record<string, unknown>) {
  const res = await fetch(`${fake.url}/__fake/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.ok).toBe(true);
}
const token = () => crypto.randomUUID();
const content = {
  type: "TEXT", template: "Classify this ticket: {{ticket}}", variables: [{ name: "ticket", type: "string", required: true, description: "" }],
  modelId: "amazon.nova-lite-v1:0", inference: { temperature: 0.2, maxTokens: 256, stopSequences: [] },
};

beforeAll(async () => {
  fake = await startFakeAws();
  clients = createAwsClients({ environment: "DEV", region: "us-east-1", endpointOverride: fake.url }, { credentials, maxAttempts: 3 });
});
afterAll(async () => {
  for (const c of Object.values(clients)) c.destroy();
  await fake.close();
});
beforeEach(() => fake.state.reset());

describe("prompt publisher against the fake", () => {
  it("creates a prompt that can be read back, then a version", async () => {
    const publisher = awsPromptPublisher(clients.agent);
    const created = await publisher.upsertPrompt({ name: "ticket-triage", description: "Triage", content, clientToken: token() });
    expect(created.arn).toMatch(/^arn:aws:bedrock:us-east-1:\d{12}:prompt\/[A-Z0-9]{10}$/);
    const draft = await clients.agent.send(new GetPromptCommand({ promptIdentifier: created.id }));
    expect(draft.name).toBe("ticket-triage");
    expect(draft.version).toBe("DRAFT");
    expect(draft.createdAt).toBeInstanceOf(Date);
    expect(draft.variants?.[0]?.templateConfiguration?.text?.text).toBe("Classify this ticket: {{ticket}}");
    expect(draft.variants?.[0]?.templateConfiguration?.text?.inputVariables).toEqual([{ name: "ticket" }]);
    expect(draft.variants?.[0]?.inferenceConfiguration?.text?.temperature).toBe(0.2);

    const v1 = await publisher.createVersion({ promptId: created.id, description: "first", clientToken: token() });
    expect(v1.version).toBe("1");
    expect(v1.arn).toBe(`${created.arn}:1`);
    const read = await clients.agent.send(new GetPromptCommand({ promptIdentifier: created.id, promptVersion: "1" }));
    expect(read.version).toBe("1");
  });

  it("an update replaces the draft; a retry with the same client token returns the same version", async () => {
    const publisher = awsPromptPublisher(clients.agent);
    const created = await publisher.upsertPrompt({ name: "p-retry", description: "", content, clientToken: token() });
    await publisher.upsertPrompt({ existingId: created.id, name: "p-retry", description: "", content: { ...content, template: "v2 {{ticket}}" }, clientToken: token() });
    const t = token();
    const first = await publisher.createVersion({ promptId: created.id, description: "v", clientToken: t });
    const again = await publisher.createVersion({ promptId: created.id, description: "v", clientToken: t });
    expect(again.version).toBe(first.version);
    const state = await (await fetch(`${fake.url}/__fake/state`)).json();
    expect(state.prompts[0].versions).toBe(1);
    const v = await clients.agent.send(new GetPromptCommand({ promptIdentifier: created.id, promptVersion: first.version }));
    expect(v.variants?.[0]?.templateConfiguration?.text?.text).toBe("v2 {{ticket}}");
  });

  it("CreatePrompt is idempotent on its client token", async () => {
    const publisher = awsPromptPublisher(clients.agent);
    const t = token();
    const a = await publisher.upsertPrompt({ name: "p-idem", description: "", content, clientToken: t });
    const b = await publisher.upsertPrompt({ name: "p-idem", description: "", content, clientToken: t });
    expect(b.id).toBe(a.id);
  });

  it("retries a throttled first attempt and then succeeds", async () => {
    await fault({ operation: "CreatePrompt", kind: "throttle", count: 1 });
    const created = await awsPromptPublisher(clients.agent).upsertPrompt({ name: "p-throttle", description: "", content, clientToken: token() });
    expect(created.id).toBeTruthy();
    expect(fake.state.calls.filter((c) => c === "CreatePrompt")).toHaveLength(2);
  });

  it("gives up after the bounded attempts and reports throttling as throttled", async () => {
    await fault({ operation: "CreatePrompt", kind: "throttle", count: 5 });
    const error = await awsPromptPublisher(clients.agent).upsertPrompt({ name: "p-throttle2", description: "", content, clientToken: token() }).catch((e: unknown) => e);
    expect(toAwsFailure(error)).toMatchObject({ kind: "throttled", name: "ThrottlingException", status: 429, message: "Too many requests, please wait before trying again." });
    expect(fake.state.calls.filter((c) => c === "CreatePrompt")).toHaveLength(3);
  });

  it("surfaces access denied as access-denied without retrying", async () => {
    await fault({ operation: "CreatePrompt", kind: "access-denied", count: 1 });
    const error = await awsPromptPublisher(clients.agent).upsertPrompt({ name: "p-denied", description: "", content, clientToken: token() }).catch((e: unknown) => e);
    expect(toAwsFailure(error)).toMatchObject({ kind: "access-denied", name: "AccessDeniedException", status: 403 });
    expect(fake.state.calls.filter((c) => c === "CreatePrompt")).toHaveLength(1);
  });

  it("maps 5xx to unavailable after retries, and validation errors to validation", async () => {
    await fault({ operation: "CreatePromptVersion", kind: "server-error", count: 3 });
    const publisher = awsPromptPublisher(clients.agent);
    const created = await publisher.upsertPrompt({ name: "p-5xx", description: "", content, clientToken: token() });
    const e1 = await publisher.createVersion({ promptId: created.id, description: "", clientToken: token() }).catch((e: unknown) => e);
    expect(toAwsFailure(e1)).toMatchObject({ kind: "unavailable", name: "InternalServerException", status: 500 });
    const e2 = await publisher.createVersion({ promptId: "NOSUCHPRMT", description: "", clientToken: token() }).catch((e: unknown) => e);
    expect(toAwsFailure(e2)).toMatchObject({ kind: "not-found", name: "ResourceNotFoundException" });
  });
});

describe("guardrails against the fake", () => {
  const config = {
    topicPolicy: { topics: [{ name: "Investment advice", definition: "Recommendations about investments", examples: ["which stock should I buy"], type: "DENY" }] },
    wordPolicy: { words: [{ text: "frobnicate" }], managedWordLists: [] },
    sensitiveInformationPolicy: { piiEntities: [{ type: "EMAIL", action: "ANONYMIZE" }], regexes: [{ name: "ticket-id", description: "", pattern: "TCK-\\d{4}", action: "BLOCK" }] },
    blockedInputMessaging: "Blocked input.",
    blockedOutputsMessaging: "Blocked output.",
  };

  it("creates, versions idempotently, reads back in output vocabulary, and applies the version", async () => {
    const publisher = awsGuardrailPublisher(clients.bedrock);
    const g = await publisher.upsertGuardrail({ name: "support-guard", description: "d", config, clientToken: token() });
    const t = token();
    const v1 = await publisher.createVersion({ guardrailId: g.id, arn: g.arn, description: "v1", clientToken: t });
    const again = await publisher.createVersion({ guardrailId: g.id, arn: g.arn, description: "v1", clientToken: t });
    expect(v1.version).toBe("1");
    expect(again.version).toBe("1");
    const read = await clients.bedrock.send(new GetGuardrailCommand({ guardrailIdentifier: g.id, guardrailVersion: "1" }));
    expect(read.topicPolicy?.topics?.[0]?.name).toBe("Investment advice");
    expect(read.wordPolicy?.words?.[0]?.text).toBe("frobnicate");
    expect(read.createdAt).toBeInstanceOf(Date);

    const runner = awsGuardrailRunner(clients.runtime);
    const clean = await runner.apply({ guardrailId: g.id, version: "1", source: "INPUT", text: "Hello there" });
    expect(clean.action).toBe("NONE");
    const blocked = await runner.apply({ guardrailId: g.id, version: "1", source: "INPUT", text: "Please frobnicate ticket TCK-1234" });
    expect(blocked.action).toBe("GUARDRAIL_INTERVENED");
    expect(blocked.outputs).toEqual(["Blocked input."]);
    expect(blocked.findings).toEqual(expect.arrayContaining([
      { policy: "Word", label: "Custom word", action: "BLOCKED", match: "frobnicate" },
      { policy: "Regex", label: "ticket-id", action: "BLOCKED", match: "TCK-1234" },
    ]));
    const masked = await runner.apply({ guardrailId: g.id, version: "1", source: "OUTPUT", text: "Write to ann@example.com" });
    expect(masked.action).toBe("GUARDRAIL_INTERVENED");
    expect(masked.outputs).toEqual(["Write to {EMAIL}"]);
    const topic = await runner.apply({ guardrailId: g.id, version: "1", source: "INPUT", text: "Which stock should I buy?" });
    expect(topic.findings[0]).toMatchObject({ policy: "Denied topic", label: "Investment advice", action: "BLOCKED" });
  });
});

describe("runtime Converse against the fake", () => {
  it("returns the fake's labelled echo with usage and latency", async () => {
    const result = await awsModelRunner(clients.runtime).run({ modelId: "amazon.nova-lite-v1:0", system: "Be brief", messages: [{ role: "user", text: "Hello model" }], inference: { maxTokens: 100 } });
    expect(result.answer).toBe("[fake-bedrock] echo: Hello model");
    expect(result.stopReason).toBe("end_turn");
    expect(result.inputTokens).toBe(4);
    expect(result.outputTokens).toBe(4);
    expect(result.totalTokens).toBe(8);
    expect(result.modelLatencyMs).toBeGreaterThan(0);
  });

  it("a slow answer beyond the request timeout fails as unavailable", async () => {
    const slow = createAwsClients({ environment: "DEV", region: "us-east-1", endpointOverride: fake.url }, { credentials, maxAttempts: 1, requestTimeoutMs: 200 });
    await fault({ operation: "Converse", kind: "slow", count: 1, delayMs: 1000 });
    const error = await awsModelRunner(slow.runtime).run({ modelId: "m", messages: [{ role: "user", text: "hi" }] }).catch((e: unknown) => e);
    expect(toAwsFailure(error).kind).toBe("unavailable");
    for (const c of Object.values(slow)) c.destroy();
  });
});

describe("other services' shapes parse in the SDK", () => {
  it("bedrock-agent knowledge bases, data sources and ingestion jobs", async () => {
    const kbs = await clients.agent.send(new ListKnowledgeBasesCommand({}));
    expect(kbs.knowledgeBaseSummaries?.[0]).toMatchObject({ knowledgeBaseId: "KBFAKE0001", status: "ACTIVE" });
    expect(kbs.knowledgeBaseSummaries?.[0]?.updatedAt).toBeInstanceOf(Date);
    const kb = await clients.agent.send(new GetKnowledgeBaseCommand({ knowledgeBaseId: "KBFAKE0001" }));
    expect(kb.knowledgeBase?.knowledgeBaseConfiguration?.type).toBe("VECTOR");
    const ds = await clients.agent.send(new ListDataSourcesCommand({ knowledgeBaseId: "KBFAKE0001" }));
    expect(ds.dataSourceSummaries?.[0]?.dataSourceId).toBe("DSFAKE0001");
    const job = await clients.agent.send(new StartIngestionJobCommand({ knowledgeBaseId: "KBFAKE0001", dataSourceId: "DSFAKE0001", clientToken: token() }));
    expect(job.ingestionJob?.status).toBe("STARTING");
    const id = job.ingestionJob!.ingestionJobId!;
    await clients.agent.send(new GetIngestionJobCommand({ knowledgeBaseId: "KBFAKE0001", dataSourceId: "DSFAKE0001", ingestionJobId: id }));
    const done = await clients.agent.send(new GetIngestionJobCommand({ knowledgeBaseId: "KBFAKE0001", dataSourceId: "DSFAKE0001", ingestionJobId: id }));
    expect(done.ingestionJob?.status).toBe("COMPLETE");
    expect(done.ingestionJob?.statistics?.numberOfNewDocumentsIndexed).toBe(10);
  });

  it("cloudwatch GetMetricData and ListMetrics", async () => {
    const metrics = await clients.cloudwatch.send(new ListMetricsCommand({ Namespace: "AWS/Bedrock", MetricName: "Invocations" }));
    expect(metrics.Metrics?.[0]?.Dimensions?.[0]?.Name).toBe("ModelId");
    const data = await clients.cloudwatch.send(new GetMetricDataCommand({
      StartTime: new Date("2026-08-20T00:00:00Z"), EndTime: new Date("2026-08-20T03:00:00Z"), ScanBy: "TimestampAscending",
      MetricDataQueries: [{ Id: "inv", MetricStat: { Metric: { Namespace: "AWS/Bedrock", MetricName: "Invocations", Dimensions: [{ Name: "ModelId", Value: "amazon.nova-lite-v1:0" }] }, Period: 3600, Stat: "Sum" } }],
    }));
    const r = data.MetricDataResults?.[0];
    expect(r?.StatusCode).toBe("Complete");
    expect(r?.Timestamps?.map((t) => t.toISOString())).toEqual(["2026-08-20T00:00:00.000Z", "2026-08-20T01:00:00.000Z", "2026-08-20T02:00:00.000Z"]);
    expect(r?.Values).toHaveLength(3);
  });

  it("cloudwatch throttling is reported as throttled", async () => {
    await fault({ operation: "ListMetrics", kind: "throttle", count: 3 });
    const error = await clients.cloudwatch.send(new ListMetricsCommand({})).catch((e: unknown) => e);
    expect(toAwsFailure(error).kind).toBe("throttled");
  });

  it("cost explorer GetCostAndUsage and GetCostForecast", async () => {
    const cost = await clients.costExplorer.send(new GetCostAndUsageCommand({
      TimePeriod: { Start: "2026-08-01", End: "2026-08-03" }, Granularity: "DAILY", Metrics: ["UnblendedCost"],
      GroupBy: [{ Type: "DIMENSION", Key: "SERVICE" }, { Type: "DIMENSION", Key: "USAGE_TYPE" }],
    }));
    expect(cost.ResultsByTime).toHaveLength(2);
    expect(cost.ResultsByTime?.[0]?.Groups?.[0]?.Keys).toEqual(["Amazon Bedrock", "USE1-NovaLite-input-tokens"]);
    expect(typeof cost.ResultsByTime?.[0]?.Groups?.[0]?.Metrics?.UnblendedCost?.Amount).toBe("string");
    const forecast = await clients.costExplorer.send(new GetCostForecastCommand({ TimePeriod: { Start: "2026-09-01", End: "2026-09-03" }, Metric: "UNBLENDED_COST", Granularity: "DAILY" }));
    expect(forecast.ForecastResultsByTime).toHaveLength(2);
    expect(forecast.Total?.Unit).toBe("USD");
  });

  it("cost explorer errors keep their name and Message", async () => {
    await fault({ operation: "GetCostAndUsage", kind: "validation", count: 1 });
    const error = await clients.costExplorer.send(new GetCostAndUsageCommand({ TimePeriod: { Start: "2026-08-01", End: "2026-08-02" }, Granularity: "DAILY", Metrics: ["UnblendedCost"] })).catch((e: unknown) => e);
    expect(toAwsFailure(error)).toMatchObject({ kind: "validation", name: "ValidationException" });
  });
});

describe("connection tester", () => {
  it("reports each capability ok, or the error of the one that fails", async () => {
    await fault({ operation: "ListGuardrails", kind: "access-denied", count: 1 });
    const result = await awsConnectionTester(clients).test();
    expect(result.ok).toBe(false);
    const byKey = Object.fromEntries(result.capabilities.map((c) => [c.key, c]));
    expect(byKey.prompts).toMatchObject({ ok: true });
    expect(byKey.knowledgeBases).toMatchObject({ ok: true, detail: "1 knowledge base(s) listed" });
    expect(byKey.metrics).toMatchObject({ ok: true });
    expect(byKey.costs).toMatchObject({ ok: true });
    expect(byKey.guardrails).toMatchObject({ ok: false, kind: "access-denied", errorName: "AccessDeniedException" });
  });

  it("an unreachable endpoint is unavailable for every capability", async () => {
    const dead = createAwsClients({ environment: "DEV", region: "us-east-1", endpointOverride: "http://127.0.0.1:9" }, { credentials, maxAttempts: 1 });
    const result = await awsConnectionTester(dead).test();
    expect(result.capabilities.every((c) => !c.ok && c.kind === "unavailable")).toBe(true);
    for (const c of Object.values(dead)) c.destroy();
  });
});

describe("without a connection", () => {
  it("every capability is unavailable with the reason, never a stand-in", async () => {
    const { awsFor } = await import("./for-connection");
    const none = awsFor("PROD", null);
    expect(none).toEqual({ available: false, reason: "No AWS connection is configured for PROD. An admin can add one under Settings → AWS connections." });
  });
});
