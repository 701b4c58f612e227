import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import type { Actor, UserActor } from "@/lib/permissions";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createPrompt } from "./create-prompt";
import { updatePromptDraft } from "./update-prompt-draft";
import { createPromptVersion } from "./create-prompt-version";
import { renderPrompt } from "./render-prompt";
import { getPromptOrThrow, getPromptVersionOrThrow, listPrompts } from "./queries";

let database: Database;
let teamId: string;
let otherTeamId: string;
let useCaseId: string;
let otherUseCaseId: string;
let owner: UserActor;
let engineer: UserActor;
let outsider: UserActor;
let viewer: UserActor;
let reviewer: UserActor;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.prisma;
  teamId = (await createTeam(db, "Support")).id;
  otherTeamId = (await createTeam(db, "Finance")).id;
  owner = await createUserActor(db, "PRODUCT_OWNER", [teamId]);
  engineer = await createUserActor(db, "ENGINEER", [teamId]);
  outsider = await createUserActor(db, "ENGINEER", [otherTeamId]);
  viewer = await createUserActor(db, "VIEWER");
  reviewer = await createUserActor(db, "REVIEWER", [teamId]);
  useCaseId = (await createUseCase(as(owner), makeUseCaseInput(teamId))).id;
  const financeOwner = await createUserActor(db, "PRODUCT_OWNER", [otherTeamId]);
  otherUseCaseId = (await createUseCase(as(financeOwner), makeUseCaseInput(otherTeamId))).id;
});
afterAll(async () => database?.close());

const as = (actor: Actor) => ctxFor(database.prisma, actor);
let n = 0;
const textPrompt = (overrides: Record<string, unknown> = {}) => ({
  useCaseId,
  name: `triage-${++n}`,
  description: "Classifies tickets",
  type: "TEXT",
  template: "Classify this ticket for {{customer}}:\n{{ticket}}",
  modelId: "amazon.nova-lite-v1:0",
  inference: { temperature: 0.2, maxTokens: 512, stopSequences: [] },
  variables: [{ name: "ticket", type: "string", required: true, description: "The ticket body" }],
  ...overrides,
});
const draftOf = (p: { draft: unknown }) => {
  const { type, template, system, messages, variables, modelId, inference } = p.draft as Record<string, unknown>;
  return Object.fromEntries(Object.entries({ type, template, system, messages, variables, modelId, inference }).filter(([, v]) => v !== undefined));
};

async function counts() {
  const db = database.prisma;
  return [await db.prompt.count(), await db.promptVersion.count(), await db.auditEvent.count()];
}

describe("prompt catalog", () => {
  it("creates a draft, auto-describes undescribed variables and audits", async () => {
    const p = await createPrompt(as(engineer), textPrompt());
    expect(p).toMatchObject({ useCaseId, type: "TEXT", latestVersion: 0, draftUpdatedById: engineer.id });
    expect(p.draft.variables.map((v) => [v.name, v.type, v.required])).toEqual([["ticket", "string", true], ["customer", "string", true]]);
    const events = await database.prisma.auditEvent.findMany({ where: { resourceId: p.id } });
    expect(events.map((e) => e.action)).toEqual(["prompt.create"]);
    await expect(createPrompt(as(owner), textPrompt({ name: p.name }))).rejects.toMatchObject({ code: "CONFLICT", details: { fields: [{ field: "name" }] } });
  });

  it("refuses malformed templates and out-of-range parameters with a 422 naming each field, writing nothing", async () => {
    const p = await createPrompt(as(engineer), textPrompt());
    const before = await counts();
    const bad = { template: "Hello {{name", inference: { temperature: 1.2, topP: 2, maxTokens: 100000, stopSequences: ["1", "2", "3", "4", "5"] } };
    const e1 = await createPrompt(as(engineer), textPrompt(bad)).catch((e) => e);
    expect(e1.code).toBe("VALIDATION_FAILED");
    expect(e1.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(["inference.maxTokens", "inference.stopSequences", "inference.temperature", "inference.topP", "template"]);
    expect(e1.message).toContain("unclosed {{ at line 1, column 7");
    const e2 = await updatePromptDraft(as(engineer), p.id, { ...draftOf(p), ...bad }).catch((e) => e);
    expect(e2.code).toBe("VALIDATION_FAILED");
    const e3 = await createPromptVersion(as(engineer), p.id, { message: "  " }).catch((e) => e);
    expect(e3).toMatchObject({ code: "VALIDATION_FAILED", details: { fields: [{ field: "message" }] } });
    await expect(createPrompt(as(engineer), textPrompt({ useCaseId: "uc_missing" }))).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { fields: [{ field: "useCaseId" }] } });
    expect(await counts()).toEqual(before);
    expect((await getPromptOrThrow(as(viewer), p.id)).draft).toEqual(p.draft);
  });

  it("lets only the owning team's product owners and engineers edit", async () => {
    const p = await createPrompt(as(owner), textPrompt());
    const before = await counts();
    await expect(createPrompt(as(outsider), textPrompt())).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("team you are not a member of") });
    await expect(createPrompt(as(reviewer), textPrompt())).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("prompt:edit") });
    await expect(updatePromptDraft(as(outsider), p.id, draftOf(p))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createPromptVersion(as(outsider), p.id, { message: "mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createPromptVersion(as(viewer), p.id, { message: "mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createPrompt(as(owner), textPrompt({ useCaseId: otherUseCaseId }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const token = { kind: "token" as const, id: "tok_x", name: "ci", teamId, scopes: ["prompts:read" as const] };
    await expect(createPromptVersion(as(token), p.id, { message: "from CI" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);
  });

  it("edits the draft, freezes versions 1, 2… and never changes a version afterwards", async () => {
    const p = await createPrompt(as(engineer), textPrompt());
    const v1 = await createPromptVersion(as(engineer), p.id, { message: "First cut" });
    expect(v1).toMatchObject({ number: 1, message: "First cut", content: { template: p.draft.type === "TEXT" ? p.draft.template : "" } });
    const { template: _t, ...rest } = draftOf(p);
    const edited = await updatePromptDraft(as(owner), p.id, { ...rest, type: "CHAT", system: "You triage {{product}} tickets.", messages: [{ role: "user", text: "{{ticket}}" }], description: "Now a chat prompt" });
    expect(edited).toMatchObject({ type: "CHAT", description: "Now a chat prompt", draftUpdatedById: owner.id });
    const v2 = await createPromptVersion(as(owner), p.id, { message: "Chat format" });
    expect(v2.number).toBe(2);
    expect((await getPromptVersionOrThrow(as(viewer), p.id, 1)).content).toMatchObject({ type: "TEXT" });
    expect((await getPromptVersionOrThrow(as(viewer), p.id, "2")).content).toMatchObject({ type: "CHAT", system: "You triage {{product}} tickets." });
    const detail = await getPromptOrThrow(as(viewer), p.id);
    expect(detail).toMatchObject({ latestVersion: 2, useCase: { id: useCaseId, team: { id: teamId } } });
    expect(detail.versions.map((v) => [v.number, v.message])).toEqual([[2, "Chat format"], [1, "First cut"]]);
    const actions = (await database.prisma.auditEvent.findMany({ where: { resourceId: p.id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["prompt.create", "prompt.create-version", "prompt.update-draft", "prompt.create-version"]);

    // The database itself refuses to change or delete a version, whatever the caller.
    await expect(database.prisma.$executeRaw`UPDATE "PromptVersion" SET message = 'rewritten' WHERE id = ${v1.id}`).rejects.toThrow(/immutable/);
    await expect(database.prisma.promptVersion.update({ where: { id: v1.id }, data: { content: {} } })).rejects.toThrow(/immutable/);
    await expect(database.prisma.$executeRaw`DELETE FROM "PromptVersion" WHERE id = ${v1.id}`).rejects.toThrow(/immutable/);
    expect((await getPromptVersionOrThrow(as(viewer), p.id, 1)).message).toBe("First cut");
  });

  it("gives concurrent version creators distinct consecutive numbers", async () => {
    const p = await createPrompt(as(engineer), textPrompt());
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => createPromptVersion(as(i % 2 ? owner : engineer), p.id, { message: `Parallel ${i}` })));
    expect(results.map((v) => v.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    const rows = await database.prisma.promptVersion.findMany({ where: { promptId: p.id }, orderBy: { number: "asc" } });
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(rows.map((r) => r.message)).size).toBe(6);
    expect((await database.prisma.prompt.findUniqueOrThrow({ where: { id: p.id } })).latestVersion).toBe(6);
    expect(await database.prisma.auditEvent.count({ where: { resourceId: p.id, action: "prompt.create-version" } })).toBe(6);
    expect(await verifyAuditChain(database.prisma)).toMatchObject({ ok: true });
  });

  it("renders a version or the draft, naming each bad variable, without writing anything", async () => {
    const p = await createPrompt(as(engineer), textPrompt({ variables: [{ name: "customer", type: "json", required: true, description: "" }] }));
    await createPromptVersion(as(engineer), p.id, { message: "v1" });
    const before = await counts();
    const ok = await renderPrompt(as(viewer), p.id, 1, { variables: { customer: '{"tier":"gold"}', ticket: "Printer on fire" } });
    expect(ok).toMatchObject({ type: "TEXT", text: 'Classify this ticket for {"tier":"gold"}:\nPrinter on fire', modelId: "amazon.nova-lite-v1:0", inference: { temperature: 0.2 } });
    const err = await renderPrompt(as(viewer), p.id, "draft", { variables: { customer: "{oops" } }).catch((e) => e);
    expect(err.code).toBe("VALIDATION_FAILED");
    expect(err.details.fields).toEqual([{ field: "variables.customer", message: "must be valid JSON" }, { field: "variables.ticket", message: "is required" }]);
    await expect(renderPrompt(as(viewer), p.id, 7, { variables: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(renderPrompt(as(viewer), p.id, "0", { variables: {} })).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { fields: [{ field: "version" }] } });
    await expect(renderPrompt(as(viewer), p.id, 1, { variables: [] })).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { fields: [{ field: "variables" }] } });
    expect(await counts()).toEqual(before);
  });

  it("lists prompts with their use case and team; tokens see only their own team's", async () => {
    const financeEngineer = await createUserActor(database.prisma, "ENGINEER", [otherTeamId]);
    const foreign = await createPrompt(as(financeEngineer), textPrompt({ useCaseId: otherUseCaseId }));
    const all = await listPrompts(as(viewer), { pageSize: 100 });
    expect(all.items.some((p) => p.id === foreign.id)).toBe(true);
    const mine = await listPrompts(as(viewer), { useCaseId, pageSize: 100 });
    expect(mine.items.every((p) => p.useCaseId === useCaseId && p.useCase.team.id === teamId)).toBe(true);
    const token = { kind: "token" as const, id: "tok_y", name: "ci", teamId, scopes: ["prompts:read" as const] };
    expect((await listPrompts(as(token), { useCaseId: otherUseCaseId })).total).toBe(0);
    expect((await listPrompts(as(token), { pageSize: 100 })).items.every((p) => p.useCase.team.id === teamId)).toBe(true);
    await expect(getPromptOrThrow(as(token), foreign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const noScope = { ...token, scopes: ["use-cases:read" as const] };
    await expect(listPrompts(as(noScope), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
