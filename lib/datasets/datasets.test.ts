import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import type { Actor, UserActor } from "@/lib/permissions";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createDataset } from "./create-dataset";
import { importDatasetItems } from "./import-dataset-items";
import { createDatasetVersion } from "./create-dataset-version";
import { exportDataset } from "./export-dataset";
import { getDatasetOrThrow, listDatasets, listDraftItems } from "./queries";
import { parseDatasetFile } from "./parse-dataset-file";

let database: Database;
let useCaseId: string;
let owner: UserActor;
let engineer: UserActor;
let outsider: UserActor;
let viewer: UserActor;
let reviewer: UserActor;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.prisma;
  const teamId = (await createTeam(db, "Support")).id;
  const otherTeamId = (await createTeam(db, "Finance")).id;
  owner = await createUserActor(db, "PRODUCT_OWNER", [teamId]);
  engineer = await createUserActor(db, "ENGINEER", [teamId]);
  outsider = await createUserActor(db, "ENGINEER", [otherTeamId]);
  viewer = await createUserActor(db, "VIEWER");
  reviewer = await createUserActor(db, "REVIEWER", [teamId]);
  useCaseId = (await createUseCase(as(owner), makeUseCaseInput(teamId))).id;
});
afterAll(async () => database?.close());

const as = (actor: Actor) => ctxFor(database.prisma, actor);
let n = 0;
const newDataset = () => createDataset(as(engineer), { useCaseId, name: `golden-${++n}`, description: "Triage answers" });
const CSV = "input.ticket,expected,tags\nPrinter on fire,hardware,p1;printer\nRefund please,,billing\n\"Card, declined\",billing,\n";

async function counts() {
  const db = database.prisma;
  return [await db.dataset.count(), await db.datasetItem.count(), await db.datasetVersion.count(), await db.auditEvent.count()];
}

describe("golden datasets", () => {
  it("creates a dataset per use case with a unique name, and audits", async () => {
    const d = await newDataset();
    expect(d).toMatchObject({ useCaseId, latestVersion: 0, createdById: engineer.id });
    await expect(createDataset(as(owner), { useCaseId, name: d.name })).rejects.toMatchObject({ code: "CONFLICT", details: { fields: [{ field: "name" }] } });
    await expect(createDataset(as(owner), { useCaseId: "uc_missing", name: "x" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { fields: [{ field: "useCaseId" }] } });
    const events = await database.prisma.auditEvent.findMany({ where: { resourceId: d.id } });
    expect(events.map((e) => e.action)).toEqual(["dataset.create"]);
  });

  it("imports only the good rows, appending or replacing, with the counts in the audit", async () => {
    const d = await newDataset();
    const { rows, errors } = parseDatasetFile(CSV, "csv");
    expect(errors).toEqual([{ row: 3, field: "expected", reason: "is required" }]);
    const first = await importDatasetItems(as(engineer), d.id, { format: "csv", text: CSV, mode: "append", confirmedRows: rows.length });
    expect(first).toEqual({ mode: "append", format: "csv", imported: 2, rejectedRows: 1, itemCount: 2 });
    const jsonl = '{"input":{"ticket":"Screen flickers","n":3},"expected":"hardware","tags":["p2"]}\n';
    await importDatasetItems(as(owner), d.id, { format: "jsonl", text: jsonl, mode: "append", confirmedRows: 1 });
    const items = await listDraftItems(as(viewer), d.id, 1);
    expect(items.map((i) => [i.position, i.input, i.expected, i.tags])).toEqual([
      [0, { ticket: "Printer on fire" }, "hardware", ["p1", "printer"]],
      [1, { ticket: "Card, declined" }, "billing", []],
      [2, { ticket: "Screen flickers", n: 3 }, "hardware", ["p2"]],
    ]);
    await importDatasetItems(as(engineer), d.id, { format: "jsonl", text: jsonl, mode: "replace", confirmedRows: 1 });
    expect((await getDatasetOrThrow(as(viewer), d.id)).itemCount).toBe(1);
    const audit = await database.prisma.auditEvent.findMany({ where: { resourceId: d.id, action: "dataset.import" }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => [e.before, e.after])).toEqual([
      [{ itemCount: 0 }, { mode: "append", format: "csv", imported: 2, rejectedRows: 1, itemCount: 2 }],
      [{ itemCount: 2 }, { mode: "append", format: "jsonl", imported: 1, rejectedRows: 0, itemCount: 3 }],
      [{ itemCount: 3 }, { mode: "replace", format: "jsonl", imported: 1, rejectedRows: 0, itemCount: 1 }],
    ]);
  });

  it("writes nothing when there are no good rows, or the file is not the one confirmed", async () => {
    const d = await newDataset();
    const before = await counts();
    const allBad = "input.ticket,expected\nx,\n";
    await expect(importDatasetItems(as(engineer), d.id, { format: "csv", text: allBad, mode: "replace", confirmedRows: 0 })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(importDatasetItems(as(engineer), d.id, { format: "csv", text: CSV, mode: "append", confirmedRows: 3 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(importDatasetItems(as(engineer), d.id, { format: "xlsx", text: CSV, mode: "append", confirmedRows: 2 })).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { fields: [{ field: "format" }] } });
    await expect(createDatasetVersion(as(engineer), d.id, { message: "empty" })).rejects.toMatchObject({ code: "CONFLICT" });
    const huge = `input.q,expected\n${"x,y\n".repeat(1_400_000)}`;
    await expect(importDatasetItems(as(engineer), d.id, { format: "csv", text: huge, mode: "append", confirmedRows: 1_400_000 })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(await counts()).toEqual(before);
  });

  it("lets only the owning team's product owners and engineers edit, writing nothing otherwise", async () => {
    const d = await newDataset();
    await importDatasetItems(as(engineer), d.id, { format: "csv", text: CSV, mode: "append", confirmedRows: 2 });
    const before = await counts();
    const importAs = (a: Actor) => importDatasetItems(as(a), d.id, { format: "csv", text: CSV, mode: "replace", confirmedRows: 2 });
    for (const actor of [outsider, viewer, reviewer]) {
      await expect(createDataset(as(actor), { useCaseId, name: `x-${++n}` })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(importAs(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(createDatasetVersion(as(actor), d.id, { message: "mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(importAs(outsider)).rejects.toMatchObject({ message: expect.stringContaining("team you are not a member of") });
    await expect(importAs(viewer)).rejects.toMatchObject({ message: expect.stringContaining("dataset:edit") });
    const token = { kind: "token" as const, id: "tok_x", name: "ci", teamId: "team_x", scopes: ["prompts:read" as const] };
    await expect(listDatasets(as(token), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportDataset(as(token), d.id, { format: "csv" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);
  });

  it("freezes versions 1, 2… that the database refuses to change, and exports each", async () => {
    const d = await newDataset();
    await importDatasetItems(as(engineer), d.id, { format: "csv", text: CSV, mode: "append", confirmedRows: 2 });
    const v1 = await createDatasetVersion(as(engineer), d.id, { message: "First cut" });
    expect(v1).toMatchObject({ number: 1, message: "First cut", itemCount: 2 });
    await importDatasetItems(as(owner), d.id, { format: "jsonl", text: '{"expected":"only"}\n', mode: "replace", confirmedRows: 1 });
    const v2 = await createDatasetVersion(as(owner), d.id, { message: "Replaced" });
    expect(v2).toMatchObject({ number: 2, itemCount: 1 });
    const detail = await getDatasetOrThrow(as(viewer), d.id);
    expect(detail.versions.map((v) => [v.number, v.message, v.itemCount])).toEqual([[2, "Replaced", 1], [1, "First cut", 2]]);

    const v1csv = await exportDataset(as(viewer), d.id, { format: "csv", version: "1" });
    expect(v1csv.fileName).toBe(`${d.name}-v1.csv`);
    expect(parseDatasetFile(v1csv.body, "csv").rows).toEqual(parseDatasetFile(CSV, "csv").rows);
    const draft = await exportDataset(as(viewer), d.id, { format: "jsonl" });
    expect(draft.body).toBe('{"input":{},"expected":"only","tags":[]}\n');
    await expect(exportDataset(as(viewer), d.id, { version: 9 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportDataset(as(viewer), d.id, { format: "xml" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });

    await expect(database.prisma.$executeRaw`UPDATE "DatasetVersion" SET message = 'rewritten' WHERE id = ${v1.id}`).rejects.toThrow(/immutable/);
    await expect(database.prisma.datasetVersion.update({ where: { id: v1.id }, data: { items: [] } })).rejects.toThrow(/immutable/);
    await expect(database.prisma.$executeRaw`DELETE FROM "DatasetVersion" WHERE id = ${v1.id}`).rejects.toThrow(/immutable/);
    const actions = (await database.prisma.auditEvent.findMany({ where: { resourceId: d.id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["dataset.create", "dataset.import", "dataset.create-version", "dataset.import", "dataset.create-version"]);
  });

  it("gives concurrent version creators distinct consecutive numbers", async () => {
    const d = await newDataset();
    await importDatasetItems(as(engineer), d.id, { format: "csv", text: CSV, mode: "append", confirmedRows: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => createDatasetVersion(as(i % 2 ? owner : engineer), d.id, { message: `Parallel ${i}` })));
    expect(results.map((v) => v.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    const rows = await database.prisma.datasetVersion.findMany({ where: { datasetId: d.id }, orderBy: { number: "asc" } });
    expect(new Set(rows.map((r) => r.message)).size).toBe(6);
    expect((await database.prisma.dataset.findUniqueOrThrow({ where: { id: d.id } })).latestVersion).toBe(6);
    expect(await verifyAuditChain(database.prisma)).toMatchObject({ ok: true });
  });

  it("lists datasets filtered by use case", async () => {
    const d = await newDataset();
    const all = await listDatasets(as(viewer), { pageSize: 100 });
    expect(all.items.find((x) => x.id === d.id)).toMatchObject({ useCase: { id: useCaseId }, itemCount: 0 });
    expect((await listDatasets(as(viewer), { useCaseId: "uc_other" })).total).toBe(0);
  });
});
