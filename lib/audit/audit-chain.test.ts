import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import type { SystemActor } from "@/lib/permissions";
import { recordAuditEvent } from "./record-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";

const actor: SystemActor = { kind: "system", id: "system", name: "test" };
let database: Database;

async function append(n: number, label = "x") {
  for (let i = 0; i < n; i++) {
    await database.prisma.$transaction((tx) =>
      recordAuditEvent(tx, { actor, requestId: `r${i}` }, { action: "team.update", resourceType: "thing", resourceId: `${label}${i}`, after: { i, nested: { b: 1, a: [1, "x"] } } }),
    );
  }
}

/** Tampering needs the append-only trigger out of the way, as a DBA with raw access would. */
async function tamper(sql: string) {
  await database.sql.exec(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"; ${sql}; ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";`);
}

async function reset() {
  await tamper(`DELETE FROM "AuditEvent"`);
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("audit hash chain", () => {
  it("verifies an untouched chain", async () => {
    await reset();
    await append(5);
    expect(await verifyAuditChain(database.prisma)).toEqual({ ok: true, checked: 5 });
  });

  it("refuses updates and deletes through the normal connection", async () => {
    await reset();
    await append(1);
    await expect(database.sql.exec(`UPDATE "AuditEvent" SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(database.sql.exec(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it("reports the first edited event", async () => {
    await reset();
    await append(5);
    const [third] = await database.sql.query<{ seq: string }>(`SELECT seq FROM "AuditEvent" ORDER BY seq OFFSET 2 LIMIT 1`);
    await tamper(`UPDATE "AuditEvent" SET "after" = '{"i": 99}' WHERE seq = ${third!.seq}`);
    const report = await verifyAuditChain(database.prisma);
    expect(report).toMatchObject({ ok: false, checked: 2, problem: { kind: "edited", seq: String(third!.seq) } });
  });

  it("reports a deleted event at its successor", async () => {
    await reset();
    await append(5);
    const rows = await database.sql.query<{ seq: string }>(`SELECT seq FROM "AuditEvent" ORDER BY seq`);
    await tamper(`DELETE FROM "AuditEvent" WHERE seq = ${rows[1]!.seq}`);
    const report = await verifyAuditChain(database.prisma);
    expect(report).toMatchObject({ ok: false, problem: { kind: "deleted", seq: String(rows[2]!.seq) } });
  });

  it("reports reordered events", async () => {
    await reset();
    await append(5);
    const rows = await database.sql.query<{ seq: string }>(`SELECT seq FROM "AuditEvent" ORDER BY seq`);
    const [a, b] = [rows[1]!.seq, rows[2]!.seq];
    await tamper(`UPDATE "AuditEvent" SET seq = -1 WHERE seq = ${a}; UPDATE "AuditEvent" SET seq = ${a} WHERE seq = ${b}; UPDATE "AuditEvent" SET seq = ${b} WHERE seq = -1`);
    const report = await verifyAuditChain(database.prisma);
    expect(report).toMatchObject({ ok: false, problem: { kind: "reordered", seq: String(a) } });
  });

  it("keeps one valid chain under concurrent writers", async () => {
    await reset();
    await Promise.all(Array.from({ length: 8 }, (_, w) => append(5, `w${w}-`)));
    expect(await verifyAuditChain(database.prisma)).toEqual({ ok: true, checked: 40 });
  });

  it("rolls back the change when the audit write fails", async () => {
    await reset();
    await expect(
      database.prisma.$transaction(async (tx) => {
        await tx.team.create({ data: { id: "team_rollback", slug: "rollback", name: "Rollback" } });
        // An action name longer than anything valid is fine for Postgres; force a real failure instead:
        await recordAuditEvent(tx, { actor, requestId: "r" }, { action: "team.create", resourceType: "team", resourceId: "team_rollback", after: { bad: 1n as unknown as number } });
        await tx.$executeRawUnsafe(`INSERT INTO "AuditEvent" (seq) VALUES (NULL)`);
      }),
    ).rejects.toThrow();
    expect(await database.prisma.team.count({ where: { id: "team_rollback" } })).toBe(0);
    expect(await database.prisma.auditEvent.count()).toBe(0);
  });
});
