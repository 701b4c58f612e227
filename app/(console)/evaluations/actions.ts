"use server";

import { runAction } from "@/lib/actions/run-action";
import { createGate } from "@/lib/evaluations/create-gate";
import { updateGate } from "@/lib/evaluations/update-gate";
import { deleteGate } from "@/lib/evaluations/delete-gate";
import { uploadEvaluationRun } from "@/lib/evaluations/upload-evaluation-run";

// Thin transports: the services validate, authorise against the use case's team and audit.
export async function createGateAction(input: unknown) {
  return runAction("evaluation-gate:manage", (ctx) => createGate(ctx, input));
}

export async function updateGateAction(id: string, input: unknown) {
  return runAction("evaluation-gate:manage", (ctx) => updateGate(ctx, String(id), input));
}

export async function deleteGateAction(id: string) {
  return runAction("evaluation-gate:manage", (ctx) => deleteGate(ctx, String(id)));
}

export async function uploadEvaluationRunAction(input: unknown) {
  return runAction("evaluation:post", (ctx) => uploadEvaluationRun(ctx, input));
}
