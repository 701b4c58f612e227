import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/open-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newRequestId } from "@/lib/context";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor } from "@/lib/testing/fixtures";
import type { Actor, RoleName, TokenActor, UserActor } from "@/lib/permissions";
import { recordAuditEvent, type AuditInput } from "./record-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";
import { getAuditFilterOptions, listAuditEvents } from "./queries";
import { AUDIT_CSV_COLUMNS, csvCell, exportAuditEvents } from "./export-audit-events";
import { auditExportResponse } from "./audit-export-response";
import { runAuditVerification } from "./run-audit-verification";
import { readAuditSearchParams } from "./schemas";

let database: Database;
let db: PrismaClient;
let admin: UserActor;
let reviewer: UserActor;

const unique = () => randomBytes(4).toString("hex");

/** An actor that exists only in the log (audit events keep a label, not a foreign key). */
const person = (name: string, email = `${unique()}@test.local`, role: RoleName = "PRODUCT_OWNER"): UserActor => ({ kind: "user", id: `usr_${unique()}`, name, email, role, teamIds: [] });

/**
 * Appends a real, hash-chained event; `at` pins the clock recordAuditEvent reads. The filters are
 * exercised with made-up namespaces ("widget.create"), so the action is any string here.
 */
async function record(actor: Actor, input: Omit<AuditInput, "action"> & { action: string }, at?: string) {
  if (at) {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(at));
  }
  try {
    await db.$transaction((tx) => recordAuditEvent(tx, { actor, requestId: newRequestId() }, input as AuditInput));
  } finally {
    if (at) vi.useRealTimers();
  }
}

/** Every test writes under its own resource type, so tests sharing the database do not see each other's events. */
const scope = () => `thing-${unique()}`;
const list = (filter: Record<string, unknown>, actor: Actor = reviewer) => listAuditEvents({ db, actor }, filter);
const ids = (r: { items: { resourceId: string }[] }) => r.items.map((e) => e.resourceId).sort();
const exportText = async (filter: Record<string, unknown>, batchSize?: number) => {
  const file = await exportAuditEvents({ db, actor: admin }, filter, { batchSize });
  return new Response(file.body).text();
};

/** A strict RFC 4180 reader, so the test checks the file a spreadsheet would actually see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') {
      if (cell !== "") throw new Error(`stray quote in unquoted field at ${i}`);
      quoted = true;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else if (ch === "\n" || ch === "\r") {
      throw new Error(`bare line break in unquoted field at ${i}`);
    } else cell += ch;
  }
  if (cell !== "" || row.length) throw new Error("last record is not terminated by CRLF");
  return rows;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
  admin = await createUserActor(db, "ADMIN");
  reviewer = await createUserActor(db, "REVIEWER");
});
afterAll(async () => database?.close());

describe("listAuditEvents", () => {
  it("filters by actor label (contains, any case), resource type and resource id", async () => {
    const type = scope();
    const dana = person("Dana Whitfield", "dana.whitfield@example.com");
    const sam = person("Sam Ortiz", "sam@example.com");
    await record(dana, { action: "thing.create", resourceType: type, resourceId: "a" });
    await record(sam, { action: "thing.create", resourceType: type, resourceId: "b" });
    await record(dana, { action: "thing.update", resourceType: type, resourceId: "b" });
    await record(dana, { action: "thing.create", resourceType: scope(), resourceId: "a" });

    expect(ids(await list({ resourceType: type, actor: "WHITFIELD" }))).toEqual(["a", "b"]);
    expect(ids(await list({ resourceType: type, actor: "sam@EXAMPLE" }))).toEqual(["b"]);
    expect(ids(await list({ resourceType: type, resourceId: "b" }))).toEqual(["b", "b"]);
    expect((await list({ resourceType: type, resourceId: "b", actor: "dana" })).items).toMatchObject([{ action: "thing.update", actorRole: "PRODUCT_OWNER", actorLabel: "Dana Whitfield <dana.whitfield@example.com>" }]);
    expect((await list({ resourceType: type })).total).toBe(3);
  });

  /** Regression: Prisma hands contains/startsWith to LIKE unescaped, so "%" matched every actor. */
  it("reads %, _ and \\ in the actor and action filters literally, not as LIKE wildcards", async () => {
    const type = scope();
    await record(person("Ann Lee"), { action: "thingX.create", resourceType: type, resourceId: "plain" });
    await record(person("Ann 100% Lee"), { action: "thing.create", resourceType: type, resourceId: "percent" });
    await record(person("Back\\slash"), { action: "thing.create", resourceType: type, resourceId: "backslash" });
    expect(ids(await list({ resourceType: type, actor: "%" }))).toEqual(["percent"]);
    expect(ids(await list({ resourceType: type, actor: "Ann_Lee" }))).toEqual([]);
    expect(ids(await list({ resourceType: type, actor: "k\\s" }))).toEqual(["backslash"]);
    expect(ids(await list({ resourceType: type, action: "thing_*" }))).toEqual([]);
    expect(ids(await list({ resourceType: type, action: "thing_" }))).toEqual([]);
  });

  it("matches an action exactly, by namespace, or by a trailing * prefix", async () => {
    const type = scope();
    for (const action of ["widget.create", "widget.create-draft", "widget.update", "widgets.create"]) {
      await record(admin, { action, resourceType: type, resourceId: action });
    }
    expect(ids(await list({ resourceType: type, action: "widget.create" }))).toEqual(["widget.create"]);
    expect(ids(await list({ resourceType: type, action: "widget" }))).toEqual(["widget.create", "widget.create-draft", "widget.update"]);
    expect(ids(await list({ resourceType: type, action: "widget." }))).toEqual(["widget.create", "widget.create-draft", "widget.update"]);
    expect(ids(await list({ resourceType: type, action: "widget.create*" }))).toEqual(["widget.create", "widget.create-draft"]);
    expect(ids(await list({ resourceType: type, action: "widget*" }))).toEqual(["widget.create", "widget.create-draft", "widget.update", "widgets.create"]);
  });

  it("filters by whole UTC days, both ends inclusive", async () => {
    const type = scope();
    const at = { "feb28-last": "2026-02-28T23:59:59.999Z", "mar01-first": "2026-03-01T00:00:00.000Z", "mar01-last": "2026-03-01T23:59:59.999Z", "mar02-first": "2026-03-02T00:00:00.000Z" };
    for (const [id, when] of Object.entries(at)) await record(admin, { action: "thing.touch", resourceType: type, resourceId: id }, when);

    expect(ids(await list({ resourceType: type, from: "2026-03-01", to: "2026-03-01" }))).toEqual(["mar01-first", "mar01-last"]);
    expect(ids(await list({ resourceType: type, from: "2026-03-01" }))).toEqual(["mar01-first", "mar01-last", "mar02-first"]);
    expect(ids(await list({ resourceType: type, to: "2026-02-28" }))).toEqual(["feb28-last"]);
    expect((await list({ resourceType: type, from: "2026-03-03" })).total).toBe(0);
  });

  it("pages newest first, with seq as a string, total and pageCount", async () => {
    const type = scope();
    for (let i = 0; i < 7; i++) await record(admin, { action: "thing.touch", resourceType: type, resourceId: `e${i}` });
    const first = await list({ resourceType: type, pageSize: "3" });
    expect(first).toMatchObject({ page: 1, pageSize: 3, total: 7, pageCount: 3 });
    expect(first.items.map((e) => e.resourceId)).toEqual(["e6", "e5", "e4"]);
    expect(typeof first.items[0]!.seq).toBe("string");
    expect(BigInt(first.items[0]!.seq)).toBeGreaterThan(BigInt(first.items[1]!.seq));
    const last = await list({ resourceType: type, pageSize: 3, page: 3 });
    expect(last.items.map((e) => e.resourceId)).toEqual(["e0"]);
    expect((await list({ resourceType: type })).pageSize).toBe(50);
    expect((await list({ resourceType: `${type}-none` })).pageCount).toBe(1);
  });

  it("refuses invalid filters with 422 naming each field, and ignores blank ones", async () => {
    const error = await list({ pageSize: 201, from: "2026-13-01", page: 0 }).catch((e) => e);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(["from", "page", "pageSize"]);
    await expect(list({ from: "2026-03-02", to: "2026-03-01" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { fields: [{ field: "to" }] } });
    const type = scope();
    await record(admin, { action: "thing.touch", resourceType: type, resourceId: "x" });
    expect((await list({ resourceType: type, actor: "", action: "  ", from: "", to: "" })).total).toBe(1);
  });

  it("reads the page's query string: known filters only; a bad value drops them all and says so", () => {
    expect(readAuditSearchParams({ actor: "dana", action: "", page: "2", sort: "x", resourceId: ["a", "b"] })).toEqual({ params: { actor: "dana", page: "2" }, filters: { actor: "dana" }, invalid: false });
    expect(readAuditSearchParams({ actor: "dana", from: "not-a-date" })).toEqual({ params: {}, filters: {}, invalid: true });
  });

  it("lists the resource types and actions that occur, for the dropdowns", async () => {
    const type = scope();
    await record(admin, { action: `${type}.open`, resourceType: type, resourceId: "x" });
    await record(admin, { action: `${type}.open`, resourceType: type, resourceId: "y" });
    const options = await getAuditFilterOptions({ db, actor: reviewer });
    expect(options.resourceTypes.filter((t) => t === type)).toEqual([type]);
    expect(options.actions.filter((a) => a === `${type}.open`)).toEqual([`${type}.open`]);
    expect(options.resourceTypes).toEqual([...options.resourceTypes].sort());
  });

  it("is refused to every role without audit:read, and to API tokens", async () => {
    const team = await createTeam(db);
    const token: TokenActor = { kind: "token", id: "tok_x", name: "ci", teamId: team.id, scopes: ["use-cases:read", "use-cases:write"] };
    for (const role of ["PRODUCT_OWNER", "ENGINEER", "VIEWER"] as const) {
      const actor = await createUserActor(db, role, [team.id]);
      await expect(listAuditEvents({ db, actor }, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getAuditFilterOptions({ db, actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportAuditEvents({ db, actor }, { format: "json" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(listAuditEvents({ db, actor: token }, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Authorization comes first: a refused caller learns nothing from a bad filter either.
    await expect(listAuditEvents({ db, actor: token }, { pageSize: 999 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(list({}, admin)).resolves.toBeDefined();
    await expect(list({}, reviewer)).resolves.toBeDefined();
  });
});

describe("exportAuditEvents", () => {
  it("quotes CSV cells per RFC 4180 and neutralises spreadsheet formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvCell("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes every column, with before/after as JSON text, that a CSV reader reads back exactly", async () => {
    const type = scope();
    const evil = person('=HYPERLINK("http://evil.example","click")', "evil@test.local");
    const before = { name: "Triage, v1", note: 'He said "ok"' };
    const after = { name: "Triage\nv2", cost: -5 };
    await record(evil, { action: "thing.update", resourceType: type, resourceId: "+42", before, after });
    await record(admin, { action: "thing.create", resourceType: type, resourceId: "@plain" });
    const text = await exportText({ resourceType: type, format: "csv" });
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    const [event] = await db.auditEvent.findMany({ where: { resourceType: type }, orderBy: { seq: "asc" }, take: 1 });
    const cell = (row: string[], c: (typeof AUDIT_CSV_COLUMNS)[number]) => row[AUDIT_CSV_COLUMNS.indexOf(c)];
    expect(cell(rows[1]!, "seq")).toBe(event!.seq.toString());
    expect(cell(rows[1]!, "at")).toBe(event!.at.toISOString());
    expect(cell(rows[1]!, "actorId")).toBe(evil.id);
    expect(cell(rows[1]!, "actorLabel")).toBe(`'=HYPERLINK("http://evil.example","click") <evil@test.local>`);
    expect(cell(rows[1]!, "resourceId")).toBe("'+42");
    expect(JSON.parse(cell(rows[1]!, "before")!)).toEqual(before);
    expect(JSON.parse(cell(rows[1]!, "after")!)).toEqual(after);
    expect(cell(rows[1]!, "hash")).toBe(event!.hash);
    expect(cell(rows[1]!, "prevHash")).toBe(event!.prevHash);
    expect(cell(rows[2]!, "resourceId")).toBe("'@plain");
    expect(cell(rows[2]!, "before")).toBe("");
    // No cell a spreadsheet would evaluate.
    expect(rows.slice(1).flat().filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it("exports JSON equal to the stored rows, in chain order, across batches", async () => {
    const type = scope();
    for (let i = 0; i < 7; i++) await record(i % 2 ? admin : reviewer, { action: "thing.touch", resourceType: type, resourceId: `e${i}`, before: i ? { i: i - 1 } : undefined, after: { i, tags: ["a", "b"] } });
    const exported = JSON.parse(await exportText({ resourceType: type, format: "json" }, 3));
    const stored = await db.auditEvent.findMany({ where: { resourceType: type }, orderBy: { seq: "asc" } });
    expect(exported).toEqual(
      stored.map((e) => ({
        seq: e.seq.toString(),
        at: e.at.toISOString(),
        actorId: e.actorId,
        actorLabel: e.actorLabel,
        actorRole: e.actorRole,
        action: e.action,
        resourceType: e.resourceType,
        resourceId: e.resourceId,
        requestId: e.requestId,
        before: e.before,
        after: e.after,
        prevHash: e.prevHash,
        hash: e.hash,
      })),
    );
    expect(exported).toHaveLength(7);
    // A batch size that divides the count exactly must not lose or repeat the boundary rows.
    expect(JSON.parse(await exportText({ resourceType: type, format: "json" }, 7))).toEqual(exported);
    expect(JSON.parse(await exportText({ resourceType: type, format: "json", actor: admin.email }, 1)).map((e: { resourceId: string }) => e.resourceId)).toEqual(["e1", "e3", "e5"]);
  });

  it("exports an empty array, or just the header, when nothing matches", async () => {
    const type = scope();
    expect(JSON.parse(await exportText({ resourceType: type, format: "json" }))).toEqual([]);
    expect(await exportText({ resourceType: type, format: "csv" })).toBe(`${AUDIT_CSV_COLUMNS.join(",")}\r\n`);
  });
});

describe("the export response", () => {
  const url = (query: string) => new Request(`http://localhost/audit/export?${query}`);
  const respond = (query: string, actor: Actor | null) => auditExportResponse(url(query), async () => ({ db, actor }));

  it("downloads the file as an attachment with the right content type", async () => {
    const type = scope();
    await record(admin, { action: "thing.create", resourceType: type, resourceId: "x" });
    const today = new Date().toISOString().slice(0, 10);
    const csv = await respond(`format=csv&resourceType=${type}`, reviewer);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="strata-audit-${today}.csv"`);
    expect(csv.headers.get("cache-control")).toBe("no-store");
    expect(parseCsv(await csv.text())).toHaveLength(2);
    const json = await respond(`format=json&resourceType=${type}`, admin);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("content-disposition")).toBe(`attachment; filename="strata-audit-${today}.json"`);
    expect(await json.json()).toHaveLength(1);
  });

  it("answers 401 without a session, 403 without audit:read, 422 for a bad filter", async () => {
    const none = await respond("format=csv", null);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    const viewer = await createUserActor(db, "VIEWER");
    const refused = await respond("format=csv", viewer);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    const bad = await respond("format=xml&from=yesterday", reviewer);
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(body.error).toMatchObject({ code: "VALIDATION_FAILED", message: expect.any(String) });
    expect(body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(["format", "from"]);
  });
});

describe("runAuditVerification", () => {
  it("reports the chain and records who verified it, with the result, as audit.verify", async () => {
    const count = await db.auditEvent.count();
    const report = await runAuditVerification(ctxFor(db, admin));
    expect(report).toEqual({ ok: true, checked: count });
    const last = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(last).toMatchObject({ action: "audit.verify", actorId: admin.id, actorRole: "ADMIN", resourceType: "audit-log", after: { ok: true, checked: count } });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: count + 1 });
  });

  it("is for admins only: a reviewer is refused and nothing is recorded", async () => {
    const count = await db.auditEvent.count();
    await expect(runAuditVerification(ctxFor(db, reviewer))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditEvent.count()).toBe(count);
  });
});
