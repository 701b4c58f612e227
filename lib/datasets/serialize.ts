import type { Dataset, DatasetVersion } from "@/lib/generated/prisma/client";
import type { DatasetItem } from "./schemas";

/** The public shape of a dataset (pages, audit before/after): dates as strings. */
export function serializeDataset(d: Dataset) {
  return {
    id: d.id,
    useCaseId: d.useCaseId,
    name: d.name,
    description: d.description,
    latestVersion: d.latestVersion,
    createdById: d.createdById,
    createdAt: d.createdAt.toISOString(),
  };
}

export function serializeDatasetVersion(v: DatasetVersion) {
  return {
    id: v.id,
    datasetId: v.datasetId,
    number: v.number,
    message: v.message,
    itemCount: v.itemCount,
    items: v.items as DatasetItem[],
    createdById: v.createdById,
    createdAt: v.createdAt.toISOString(),
  };
}

export type DatasetDto = ReturnType<typeof serializeDataset>;
