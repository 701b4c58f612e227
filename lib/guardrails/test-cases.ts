import type { GuardrailTestCase } from "@/lib/generated/prisma/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { newId, type ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { LIMITS, testCaseSchema } from "./schemas";
import { lockGuardrailOrThrow } from "./load-guardrail";

export type TestCaseDto = { id: string; guardrailId: string; name: string; source: "INPUT" | "OUTPUT"; text: string; expectIntervention: boolean | null; createdById: string; createdAt: string };

const serialize = (t: GuardrailTestCase): TestCaseDto => ({
  id: t.id, guardrailId: t.guardrailId, name: t.name, source: t.source, text: t.text, expectIntervention: t.expectIntervention,
  createdById: t.createdById, createdAt: t.createdAt.toISOString(),
});

// Saved cases belong to the guardrail, not to a version: they are re-run against any version.
export async function createGuardrailTestCase(ctx: ServiceContext, guardrailId: string, input: unknown) {
  const data = parseInput(testCaseSchema, input);
  return ctx.db.$transaction(async (tx) => {
    const { teamId } = await lockGuardrailOrThrow(tx, guardrailId);
    authorize(ctx.actor, "guardrail-test-case:manage", { teamId });
    if ((await tx.guardrailTestCase.count({ where: { guardrailId } })) >= LIMITS.testCases) {
      throw new AppError("CONFLICT", `A guardrail keeps at most ${LIMITS.testCases} saved test cases; delete one first`);
    }
    const created = serialize(await tx.guardrailTestCase.create({ data: { id: newId("grt"), guardrailId, ...data, createdById: ctx.actor.id } }));
    await recordAuditEvent(tx, ctx, { action: "guardrail.test-case.create", resourceType: "guardrail", resourceId: guardrailId, after: created });
    return created;
  });
}

export async function deleteGuardrailTestCase(ctx: ServiceContext, guardrailId: string, testCaseId: string) {
  return ctx.db.$transaction(async (tx) => {
    const { teamId } = await lockGuardrailOrThrow(tx, guardrailId);
    authorize(ctx.actor, "guardrail-test-case:manage", { teamId });
    const existing = await tx.guardrailTestCase.findFirst({ where: { id: testCaseId, guardrailId } });
    if (!existing) throw notFound("Test case");
    await tx.guardrailTestCase.delete({ where: { id: testCaseId } });
    await recordAuditEvent(tx, ctx, { action: "guardrail.test-case.delete", resourceType: "guardrail", resourceId: guardrailId, before: serialize(existing) });
    return { id: testCaseId };
  });
}

export async function listGuardrailTestCases(ctx: Pick<ServiceContext, "db">, guardrailId: string): Promise<TestCaseDto[]> {
  const rows = await ctx.db.guardrailTestCase.findMany({ where: { guardrailId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(serialize);
}
