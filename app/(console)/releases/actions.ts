"use server";

import { runAction } from "@/lib/actions/run-action";
import { createRelease } from "@/lib/releases/create-release";
import { updateRelease } from "@/lib/releases/update-release";
import { deleteRelease } from "@/lib/releases/delete-release";
import { copyRelease } from "@/lib/releases/copy-release";
import { submitRelease } from "@/lib/releases/submit-release";
import { reviewRelease } from "@/lib/releases/review-release";
import { previewReleaseNotes } from "@/lib/releases/preview-release-notes";

// Thin transports: the services validate, authorise against the use case's team and audit.
export async function createReleaseAction(input: unknown) {
  return runAction("release:edit", (ctx) => createRelease(ctx, input));
}

export async function updateReleaseAction(id: string, input: unknown) {
  return runAction("release:edit", (ctx) => updateRelease(ctx, String(id), input));
}

export async function deleteReleaseAction(id: string) {
  return runAction("release:edit", (ctx) => deleteRelease(ctx, String(id)));
}

export async function copyReleaseAction(id: string) {
  return runAction("release:edit", (ctx) => copyRelease(ctx, String(id)));
}

export async function previewReleaseNotesAction(input: unknown) {
  return runAction("release:edit", (ctx) => previewReleaseNotes(ctx, input));
}

export async function submitReleaseAction(id: string) {
  return runAction("release:submit", (ctx) => submitRelease(ctx, String(id)));
}

export async function reviewReleaseAction(id: string, input: unknown) {
  return runAction("release:review", (ctx) => reviewRelease(ctx, String(id), input));
}
