"use server";

import { runAction } from "@/lib/actions/run-action";
import { createGuardrail } from "@/lib/guardrails/create-guardrail";
import { updateGuardrailDraft } from "@/lib/guardrails/update-guardrail-draft";
import { createGuardrailVersion } from "@/lib/guardrails/create-guardrail-version";
import { createGuardrailTestCase, deleteGuardrailTestCase } from "@/lib/guardrails/test-cases";
import { runTestBench } from "@/lib/guardrails/run-test-bench";

// Thin transports: the services validate, authorise against the owning team and audit.
export async function createGuardrailAction(input: unknown) {
  return runAction("guardrail:edit", (ctx) => createGuardrail(ctx, input));
}

export async function updateGuardrailDraftAction(id: string, input: unknown) {
  return runAction("guardrail:edit", (ctx) => updateGuardrailDraft(ctx, String(id), input));
}

export async function createGuardrailVersionAction(id: string, input: unknown) {
  return runAction("guardrail:edit", (ctx) => createGuardrailVersion(ctx, String(id), input));
}

export async function createGuardrailTestCaseAction(id: string, input: unknown) {
  return runAction("guardrail-test-case:manage", (ctx) => createGuardrailTestCase(ctx, String(id), input));
}

export async function deleteGuardrailTestCaseAction(id: string, testCaseId: string) {
  return runAction("guardrail-test-case:manage", (ctx) => deleteGuardrailTestCase(ctx, String(id), String(testCaseId)));
}

export async function runGuardrailBenchAction(id: string, input: unknown) {
  return runAction("guardrail:test", (ctx) => runTestBench(ctx, String(id), input));
}
