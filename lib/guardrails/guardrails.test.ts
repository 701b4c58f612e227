import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { createGuardrail } from "./create-guardrail";
import { updateGuardrailDraft } from "./update-guardrail-draft";
import { createGuardrailVersion } from "./create-guardrail-version";
import { createGuardrailTestCase, deleteGuardrailTestCase } from "./test-cases";
import { runTestBench } from "./run-test-bench";
import { getGuardrailOrThrow, getGuardrailVersionOrThrow, listGuardrails } from "./queries";
import { diffGuardrailConfigs } from "./diff";

let database: Database;
let owner: ServiceContext, engineer: ServiceContext, outsider: ServiceContext, reviewer: ServiceContext, viewer: ServiceContext;
let useCaseId: string;
const MESSAGES = { blockedInputMessaging: "Input blocked.", blockedOutputsMessaging: "Output blocked." };
let n = 0;
const newGuardrail = (ctx = owner, config: object = MESSAGES) => createGuardrail(ctx, { useCaseId, name: `support-${++n}`, config });

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.prisma;
  const team = (await createTeam(db)).id;
  const other = (await createTeam(db)).id;
  owner = ctxFor(db, await createUserActor(db, "PRODUCT_OWNER", [team]));
  engineer = ctxFor(db, await createUserActor(db, "ENGINEER", [team]));
  outsider = ctxFor(db, await createUserActor(db, "ENGINEER", [other]));
  reviewer = ctxFor(db, await createUserActor(db, "REVIEWER"));
  viewer = ctxFor(db, await createUserActor(db, "VIEWER"));
  useCaseId = (await createUseCase(owner, makeUseCaseInput(team))).id;
});
afterAll(async () => database?.close());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
const counts = async () => {
  const db = database.prisma;
  return [await db.guardrail.count(), await db.guardrailVersion.count(), await db.guardrailTestCase.count(), await db.auditEvent.count()];
};

describe("guardrail catalog", () => {
  it("creates a guardrail with a default draft and audits it", async () => {
    const g = await createGuardrail(owner, { useCaseId, name: "defaults" });
    expect(g).toMatchObject({ name: "defaults", latestVersion: 0, draft: { blockedInputMessaging: expect.any(String) } });
    const audit = await database.prisma.auditEvent.findFirst({ where: { resourceId: g.id }, orderBy: { seq: "desc" } });
    expect(audit?.action).toBe("guardrail.create");
  });

  it.each([
    ["an invalid regex", { pattern: "ORD-(\\d+", name: "order" }, "config.sensitiveInformationPolicy.regexes.1.pattern", "not a valid regular expression"],
    ["a catastrophic regex", { pattern: "(a+)+$", name: "aaa" }, "config.sensitiveInformationPolicy.regexes.1.pattern", "backtrack catastrophically"],
  ])("refuses %s with a 422 naming the field and writes nothing", async (_label, bad, field, message) => {
    const g = await newGuardrail();
    const config = { ...MESSAGES, sensitiveInformationPolicy: { regexes: [{ name: "ok", pattern: "\\d{4}", action: "BLOCK" }, { ...bad, action: "BLOCK" }] } };
    const before = await counts();
    for (const attempt of [createGuardrail(owner, { useCaseId, name: "bad-one", config }), updateGuardrailDraft(owner, g.id, { config })]) {
      const error = await rejection(attempt);
      expect(error.status).toBe(422);
      expect(error.details).toEqual({ fields: [{ field, message: expect.stringContaining(message) }] });
    }
    expect(await counts()).toEqual(before);
    expect((await getGuardrailOrThrow(owner, g.id)).draft).toEqual(MESSAGES);
  });

  it("enforces Bedrock's limits with the field named", async () => {
    const regex = (i: number) => ({ name: `r${i}`, pattern: "x", action: "BLOCK" });
    const error = await rejection(updateGuardrailDraft(owner, (await newGuardrail()).id, {
      config: {
        blockedInputMessaging: "", blockedOutputsMessaging: "x".repeat(501),
        topicPolicy: { topics: [{ name: "t", definition: "d".repeat(201), type: "ALLOW" }] },
        contentPolicy: { filters: [{ type: "PROMPT_ATTACK", inputStrength: "HIGH", outputStrength: "HIGH" }] },
        sensitiveInformationPolicy: { regexes: Array.from({ length: 11 }, (_, i) => regex(i)) },
        contextualGroundingPolicy: { filters: [{ type: "GROUNDING", threshold: 1.5 }] },
      },
    }));
    const fields = (error.details as { fields: { field: string }[] }).fields.map((f) => f.field).sort();
    expect(fields).toEqual([
      "config.blockedInputMessaging", "config.blockedOutputsMessaging", "config.contentPolicy.filters.0.outputStrength",
      "config.contextualGroundingPolicy.filters.0.threshold", "config.sensitiveInformationPolicy.regexes",
      "config.topicPolicy.topics.0.definition", "config.topicPolicy.topics.0.type",
    ]);
  });

  it("versions the draft; versions are immutable, in the service and in the database", async () => {
    const g = await newGuardrail(engineer);
    const v1 = await createGuardrailVersion(engineer, g.id, { message: "First" });
    const config2 = { ...MESSAGES, wordPolicy: { words: [{ text: "falcon" }], managedWordLists: [] } };
    await updateGuardrailDraft(engineer, g.id, { config: config2 });
    const v2 = await createGuardrailVersion(engineer, g.id, { message: "Block falcon" });
    expect([v1.number, v2.number]).toEqual([1, 2]);
    expect((await getGuardrailVersionOrThrow(owner, g.id, 1)).config).toEqual(MESSAGES);
    await expect(database.prisma.guardrailVersion.update({ where: { id: v1.id }, data: { message: "rewritten" } })).rejects.toThrow();
    await expect(database.prisma.guardrailVersion.delete({ where: { id: v1.id } })).rejects.toThrow();
    expect((await getGuardrailVersionOrThrow(owner, g.id, 1)).message).toBe("First");
    const diff = diffGuardrailConfigs(v1.config, v2.config);
    expect(diff.find((d) => d.policy === "words")?.added).toEqual([{ key: "falcon", after: { text: "falcon" } }]);
    expect((await rejection(getGuardrailVersionOrThrow(owner, g.id, 3))).code).toBe("NOT_FOUND");
  });

  it("gives concurrent versions distinct, consecutive numbers", async () => {
    const g = await newGuardrail();
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => createGuardrailVersion(i % 2 ? owner : engineer, g.id, { message: `v${i}` })));
    expect(made.map((v) => v.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await getGuardrailOrThrow(owner, g.id)).latestVersion).toBe(6);
    const audits = await database.prisma.auditEvent.count({ where: { resourceId: g.id, action: "guardrail.create-version" } });
    expect(audits).toBe(6);
  });

  it("checks permissions: edit by the owning team's PO/engineer, saved cases by them and reviewers, bench by PO/engineer/reviewer of any team, read by all", async () => {
    const g = await newGuardrail();
    const kept = await createGuardrailTestCase(engineer, g.id, { name: "kept", source: "INPUT", text: "hi" });
    const before = await counts();
    expect((await rejection(createGuardrail(outsider, { useCaseId, name: "nope" }))).code).toBe("FORBIDDEN");
    expect((await rejection(updateGuardrailDraft(outsider, g.id, { config: MESSAGES }))).message).toContain("team you are not a member of");
    expect((await rejection(createGuardrailVersion(reviewer, g.id, { message: "x" }))).message).toContain("guardrail:edit");
    expect((await rejection(createGuardrailTestCase(viewer, g.id, { name: "c", source: "INPUT", text: "hi" }))).message).toContain("guardrail-test-case:manage");
    // Regression: another team's engineer could save and delete this team's test cases.
    expect((await rejection(createGuardrailTestCase(outsider, g.id, { name: "c", source: "INPUT", text: "hi" }))).message).toContain("team you are not a member of");
    expect((await rejection(deleteGuardrailTestCase(outsider, g.id, kept.id))).message).toContain("team you are not a member of");
    expect((await rejection(runTestBench(viewer, g.id, { target: "DRAFT", texts: [{ source: "INPUT", text: "hi" }] }))).code).toBe("FORBIDDEN");
    expect(await counts()).toEqual(before);
    expect((await listGuardrails(viewer, { useCaseId })).some((x) => x.id === g.id)).toBe(true);
    const bench = await runTestBench(reviewer, g.id, { target: "DRAFT", texts: [{ source: "INPUT", text: "hi" }] });
    expect(bench.results[0]?.verdict.action).toBe("NONE");
  });
});

describe("test bench and saved cases", () => {
  it("re-runs saved cases against any version and compares with the expectation", async () => {
    const g = await newGuardrail();
    await createGuardrailVersion(owner, g.id, { message: "Nothing blocked" });
    await updateGuardrailDraft(owner, g.id, { config: { ...MESSAGES, sensitiveInformationPolicy: { piiEntities: [{ type: "CREDIT_DEBIT_CARD_NUMBER", action: "BLOCK" }, { type: "EMAIL", action: "ANONYMIZE" }] } } });
    await createGuardrailVersion(owner, g.id, { message: "Cards and emails" });
    const card = await createGuardrailTestCase(reviewer, g.id, { name: "card", source: "INPUT", text: "pay with 4111 1111 1111 1111", expectIntervention: true });
    await createGuardrailTestCase(owner, g.id, { name: "email", source: "OUTPUT", text: "write to a@example.com", expectIntervention: true });
    await createGuardrailTestCase(owner, g.id, { name: "plain", source: "INPUT", text: "hello", expectIntervention: false });

    const v1 = await runTestBench(owner, g.id, { target: 1, runSavedCases: true });
    expect(v1.savedCases.map((c) => [c.testCase.name, c.intervened, c.meetsExpectation])).toEqual([["card", false, false], ["email", false, false], ["plain", false, true]]);
    const v2 = await runTestBench(owner, g.id, { target: 2, runSavedCases: true, texts: [{ source: "OUTPUT", text: "a@example.com" }] });
    expect(v2.savedCases.map((c) => [c.testCase.name, c.intervened, c.meetsExpectation])).toEqual([["card", true, true], ["email", true, true], ["plain", false, true]]);
    expect(v2.savedCases[0]?.verdict).toMatchObject({ blocked: true, output: "Input blocked." });
    expect(v2.results[0]?.verdict).toMatchObject({ output: "{EMAIL}" });

    await deleteGuardrailTestCase(reviewer, g.id, card.id);
    const actions = await database.prisma.auditEvent.findMany({ where: { resourceId: g.id, action: { startsWith: "guardrail.test-case" } }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["guardrail.test-case.create", "guardrail.test-case.create", "guardrail.test-case.create", "guardrail.test-case.delete"]);
    expect((await runTestBench(owner, g.id, { target: "DRAFT", runSavedCases: true })).savedCases).toHaveLength(2);
  });

  it("refuses a bench run for a version that does not exist, and empty input", async () => {
    const g = await newGuardrail();
    expect((await rejection(runTestBench(owner, g.id, { target: 4, texts: [{ source: "INPUT", text: "x" }] }))).code).toBe("NOT_FOUND");
    const error = await rejection(runTestBench(owner, g.id, { target: "DRAFT" }));
    expect(error.details).toEqual({ fields: [{ field: "texts", message: expect.stringContaining("enter a text") }] });
  });
});

describe("bench time budget", () => {
  it("bounds one whole run, not only each text, so a slow regex cannot hold the server for long", async () => {
    // (a|a)*$ passes safe-regex2 (star height 1) yet backtracks exponentially on "aaa…!".
    const g = await newGuardrail(owner, { ...MESSAGES, sensitiveInformationPolicy: { regexes: [{ name: "slow", pattern: "(a|a)*$", action: "BLOCK" }] } });
    const texts = Array.from({ length: 12 }, () => ({ source: "INPUT" as const, text: `${"a".repeat(60)}!` }));
    const started = performance.now();
    const run = await runTestBench(owner, g.id, { target: "DRAFT", texts });
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(run.results.every((r) => r.verdict.action === "TIME_BUDGET_EXCEEDED")).toBe(true);
    expect(run.results.at(-1)?.verdict).toEqual({ action: "TIME_BUDGET_EXCEEDED", budgetMs: 0 });
  });
});
