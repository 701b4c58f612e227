"use server";

import { runAction } from "@/lib/actions/run-action";
import { createDataset } from "@/lib/datasets/create-dataset";
import { importDatasetItems } from "@/lib/datasets/import-dataset-items";
import { createDatasetVersion } from "@/lib/datasets/create-dataset-version";

// Thin transports: the services validate, authorise against the use case's team and audit.
export async function createDatasetAction(input: unknown) {
  return runAction("dataset:edit", (ctx) => createDataset(ctx, input));
}

export async function importDatasetItemsAction(id: string, input: unknown) {
  return runAction("dataset:edit", (ctx) => importDatasetItems(ctx, String(id), input));
}

export async function createDatasetVersionAction(id: string, input: unknown) {
  return runAction("dataset:edit", (ctx) => createDatasetVersion(ctx, String(id), input));
}
