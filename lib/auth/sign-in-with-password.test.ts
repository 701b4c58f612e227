import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { newId } from "@/lib/context";
import { hashPassword } from "./password";
import { lockDurationMs, MAX_FAILURES_BEFORE_LOCK, signInWithPassword } from "./sign-in-with-password";

let database: Database;
const PASSWORD = "correct horse battery staple";

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

async function user(email: string, extra: Record<string, unknown> = {}) {
  await database.prisma.user.create({ data: { id: newId("usr"), email, name: email, role: "VIEWER", passwordHash: await hashPassword(PASSWORD), ...extra } });
}

describe("password sign-in", () => {
  it("accepts the right password (case-insensitive email) and audits it", async () => {
    await user("ok@test.local");
    const result = await signInWithPassword(database.prisma, "  OK@test.local ", PASSWORD);
    expect(result).toMatchObject({ ok: true });
    const events = await database.prisma.auditEvent.findMany({ where: { action: "auth.sign-in" } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0], (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(PASSWORD);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    await user("known@test.local");
    expect(await signInWithPassword(database.prisma, "nobody@test.local", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword(database.prisma, "known@test.local", "wrong")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after repeated failures, even with the right password, until the lock expires", async () => {
    await user("target@test.local");
    const now = new Date("2026-11-22T10:00:00Z");
    for (let i = 1; i < MAX_FAILURES_BEFORE_LOCK; i++) {
      expect(await signInWithPassword(database.prisma, "target@test.local", `guess-${i}`, now)).toMatchObject({ reason: "invalid" });
    }
    expect(await signInWithPassword(database.prisma, "target@test.local", "guess-5", now)).toMatchObject({ reason: "locked", retryAfterSeconds: 60 });
    expect(await signInWithPassword(database.prisma, "target@test.local", PASSWORD, now)).toMatchObject({ reason: "locked" });
    const later = new Date(now.getTime() + 61_000);
    expect(await signInWithPassword(database.prisma, "target@test.local", PASSWORD, later)).toMatchObject({ ok: true });
    const row = await database.prisma.user.findUniqueOrThrow({ where: { email: "target@test.local" } });
    expect(row).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    expect(await database.prisma.auditEvent.count({ where: { action: "auth.sign-in-locked" } })).toBe(1);
  });

  it("counts parallel guesses exactly", async () => {
    await user("parallel@test.local");
    await Promise.all(Array.from({ length: 4 }, (_, i) => signInWithPassword(database.prisma, "parallel@test.local", `p${i}`)));
    expect((await database.prisma.user.findUniqueOrThrow({ where: { email: "parallel@test.local" } })).failedLoginCount).toBe(4);
  });

  it("refuses inactive accounts and SSO-only accounts without a password", async () => {
    await user("inactive@test.local", { isActive: false });
    await database.prisma.user.create({ data: { id: newId("usr"), email: "sso@test.local", name: "sso", role: "VIEWER", authProvider: "oidc" } });
    expect(await signInWithPassword(database.prisma, "inactive@test.local", PASSWORD)).toMatchObject({ ok: false });
    expect(await signInWithPassword(database.prisma, "sso@test.local", "")).toMatchObject({ ok: false });
  });

  it("doubles the lock with each further failure, capped at an hour", () => {
    expect([4, 5, 6, 7, 20].map(lockDurationMs)).toEqual([0, 60_000, 120_000, 240_000, 3_600_000]);
  });
});
