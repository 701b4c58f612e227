import type { ServiceContext } from "@/lib/context";
import { createDataset } from "@/lib/datasets/create-dataset";
import { importDatasetItems } from "@/lib/datasets/import-dataset-items";
import { createDatasetVersion } from "@/lib/datasets/create-dataset-version";

// Test support only (service, API and RBAC matrix tests): real datasets made through the services.

let serial = 0;

/** A dataset of the use case with version 1 holding `itemCount` items (ticket-0, ticket-1, …). */
export async function datasetVersionFor(ctx: ServiceContext, useCaseId: string, itemCount = 3) {
  const dataset = await createDataset(ctx, { useCaseId, name: `eval-golden-${Date.now().toString(36)}-${serial++}` });
  const text = ["input.ticket,expected", ...Array.from({ length: itemCount }, (_, i) => `ticket-${i},label-${i}`)].join("\n");
  await importDatasetItems(ctx, dataset.id, { format: "csv", text, mode: "append", confirmedRows: itemCount });
  await createDatasetVersion(ctx, dataset.id, { message: "For evaluations" });
  return { datasetId: dataset.id, datasetVersion: 1 };
}

/** A minimal valid run body for the dataset version. */
export function runInput(useCaseId: string, dataset: { datasetId: string; datasetVersion: number }, overrides: Record<string, unknown> = {}) {
  return { useCaseId, candidate: "rc-1", ...dataset, metrics: [{ name: "accuracy", value: 0.9 }], ...overrides };
}
