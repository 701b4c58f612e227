import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notFound, parseInput } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/permissions";
import { listDatasetsSchema, type DatasetItem } from "./schemas";
import { serializeDataset } from "./serialize";

type Reader = { db: PrismaClient; actor: Actor };

const useCaseSelect = { select: { id: true, name: true, team: { select: { id: true, name: true } } } } as const;

// dataset:read is global for every role and API tokens do not carry it, so no team filter here.

export async function listDatasets({ db, actor }: Reader, input: Record<string, unknown>) {
  authorize(actor, "dataset:read");
  const f = parseInput(listDatasetsSchema, input);
  const where = f.useCaseId ? { useCaseId: f.useCaseId } : {};
  const [total, rows] = await Promise.all([
    db.dataset.count({ where }),
    db.dataset.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      include: { useCase: useCaseSelect, _count: { select: { items: true } } },
    }),
  ]);
  return {
    items: rows.map(({ useCase, _count, ...d }) => ({ ...serializeDataset(d), useCase, itemCount: _count.items })),
    page: f.page,
    pageSize: f.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}

/** The dataset with its use case, draft item count and versions (newest first, without items). */
export async function getDatasetOrThrow({ db, actor }: Reader, id: string) {
  authorize(actor, "dataset:read");
  const d = await db.dataset.findUnique({
    where: { id },
    include: {
      useCase: useCaseSelect,
      _count: { select: { items: true } },
      versions: { orderBy: { number: "desc" }, select: { id: true, number: true, message: true, itemCount: true, createdById: true, createdAt: true } },
    },
  });
  if (!d) throw notFound("Dataset");
  const { useCase, versions, _count, ...row } = d;
  return { ...serializeDataset(row), useCase, itemCount: _count.items, versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) };
}

export type DatasetDetail = Awaited<ReturnType<typeof getDatasetOrThrow>>;

/** One page of the draft's items, in order. */
export async function listDraftItems({ db, actor }: Reader, id: string, page: number, pageSize = 50) {
  authorize(actor, "dataset:read");
  const rows = await db.datasetItem.findMany({
    where: { datasetId: id },
    orderBy: { position: "asc" },
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: { position: true, input: true, expected: true, tags: true },
  });
  return rows.map((r) => ({ ...r, input: r.input as Record<string, unknown> }));
}

/** Every item of the draft (version undefined) or of a version, for export. */
export async function getDatasetItemsOrThrow({ db, actor }: Reader, id: string, version?: number): Promise<{ name: string; items: DatasetItem[] }> {
  authorize(actor, "dataset:read");
  const d = await db.dataset.findUnique({ where: { id }, select: { name: true } });
  if (!d) throw notFound("Dataset");
  if (version === undefined) {
    const rows = await db.datasetItem.findMany({ where: { datasetId: id }, orderBy: { position: "asc" }, select: { input: true, expected: true, tags: true } });
    return { name: d.name, items: rows.map((r) => ({ input: r.input as Record<string, unknown>, expected: r.expected, tags: r.tags })) };
  }
  const v = await db.datasetVersion.findUnique({ where: { datasetId_number: { datasetId: id, number: version } }, select: { items: true } });
  if (!v) throw notFound(`Version ${version} of this dataset`);
  return { name: d.name, items: v.items as DatasetItem[] };
}
