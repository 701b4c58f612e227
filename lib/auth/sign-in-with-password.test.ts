import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { newId } from "@/lib/context";
import { DUMMY_PASSWORD_HASH, hashPassword, PASSWORD_HASH_OPTIONS } from "./password";
import { signInWithPassword } from "./sign-in-with-password";
import { AUDIT_WINDOW_MS, FORGET_AFTER_MS, FREE_FAILURES, throttleDelayMs } from "./sign-in-throttle";

/**
 * Issue 8 §3: five wrong passwords answered AccountLocked for an existing account and never for
 * an unknown email (so five requests told who has an account), and anyone could lock the owner
 * out. Throttling is now per (email, client address), the same for any email.
 */
let database: Database;
const PASSWORD = "correct horse battery staple";
const ATTACKER = "198.51.100.7";
const OWNER = "203.0.113.9";
const T0 = new Date("2026-11-22T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const db = () => database.prisma;
async function user(email: string, extra: Record<string, unknown> = {}) {
  await db().user.create({ data: { id: newId("usr"), email, name: email, role: "VIEWER", passwordHash: await hashPassword(PASSWORD), ...extra } });
}
const attempt = (email: string, password: string, clientAddress = ATTACKER, now = T0) => signInWithPassword(db(), email, password, { clientAddress, now });
const auditsFor = (email: string) => db().auditEvent.findMany({ where: { after: { path: ["email"], equals: email } }, orderBy: { seq: "asc" } });

describe("password sign-in", () => {
  it("accepts the right password (case-insensitive email) and audits it with the client address", async () => {
    await user("ok@test.local");
    expect(await attempt("  OK@test.local ", PASSWORD)).toMatchObject({ ok: true });
    const events = await db().auditEvent.findMany({ where: { action: "auth.sign-in" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toEqual({ method: "password", clientAddress: ATTACKER });
    expect(JSON.stringify(events[0], (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(PASSWORD);
  });

  it("answers an unknown email exactly as an existing one, attempt after attempt", async () => {
    await user("known@test.local");
    const run = async (email: string) => {
      const answers = [];
      for (let i = 0; i < FREE_FAILURES + 2; i++) answers.push(await attempt(email, `guess-${i}`));
      answers.push(await attempt(email, PASSWORD));
      answers.push(await attempt(email, PASSWORD, ATTACKER, at(31_000)));
      return answers;
    };
    const known = await run("known@test.local");
    const unknown = await run("nobody@test.local");
    expect(unknown.slice(0, -1)).toEqual(known.slice(0, -1));
    expect(known.slice(0, FREE_FAILURES - 1)).toEqual(Array(FREE_FAILURES - 1).fill({ ok: false, reason: "invalid" }));
    expect(known[FREE_FAILURES - 1]).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 30 });
    // Waiting: the password is not even checked, the right one included.
    expect(known.slice(FREE_FAILURES, -1)).toEqual(Array(3).fill({ ok: false, reason: "throttled", retryAfterSeconds: 30 }));
    // After the wait the right password works for the account; the unknown email is just wrong.
    expect(known.at(-1)).toMatchObject({ ok: true });
    expect(unknown.at(-1)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 60 });
  });

  it("slows the attacker's address without locking the owner out from another one", async () => {
    await user("target@test.local");
    for (let i = 0; i < FREE_FAILURES; i++) await attempt("target@test.local", `guess-${i}`);
    expect(await attempt("target@test.local", PASSWORD)).toMatchObject({ reason: "throttled" });
    expect(await attempt("target@test.local", PASSWORD, OWNER)).toMatchObject({ ok: true });
    // The owner's success forgets only the owner's address: the attacker still waits.
    expect(await attempt("target@test.local", "guess-again", ATTACKER, at(1_000))).toMatchObject({ reason: "throttled", retryAfterSeconds: 29 });
  });

  it("doubles the wait with each further failure, capped at 15 minutes", async () => {
    expect([1, 4, 5, 6, 7, 9, 20].map(throttleDelayMs)).toEqual([0, 0, 30_000, 60_000, 120_000, 480_000, 900_000]);
    await user("backoff@test.local");
    let now = T0;
    const waits: number[] = [];
    for (let i = 0; i < FREE_FAILURES + 3; i++) {
      const result = await attempt("backoff@test.local", `g${i}`, ATTACKER, now);
      if (result.ok === false && result.reason === "throttled") {
        waits.push(result.retryAfterSeconds);
        now = new Date(now.getTime() + result.retryAfterSeconds * 1000);
      }
    }
    expect(waits).toEqual([30, 60, 120, 240]);
  });

  it("counts parallel guesses exactly", async () => {
    await user("parallel@test.local");
    await Promise.all(Array.from({ length: 4 }, (_, i) => attempt("parallel@test.local", `p${i}`)));
    expect(await db().signInThrottle.findUniqueOrThrow({ where: { email_clientAddress: { email: "parallel@test.local", clientAddress: ATTACKER } } })).toMatchObject({ failures: 4 });
  });

  it("refuses inactive and SSO-only accounts with the answers an unknown email gets", async () => {
    await user("inactive@test.local", { isActive: false });
    await db().user.create({ data: { id: newId("usr"), email: "sso@test.local", name: "sso", role: "VIEWER", authProvider: "oidc" } });
    expect(await attempt("inactive@test.local", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("sso@test.local", "anything at all")).toEqual({ ok: false, reason: "invalid" });
  });

  it("audits failures once per address and window and when a wait starts, for unknown emails too", async () => {
    await user("audited@test.local");
    for (const email of ["audited@test.local", "ghost@test.local"]) {
      for (let i = 0; i < FREE_FAILURES; i++) await attempt(email, `g${i}`);
      await attempt(email, "after the window", ATTACKER, at(AUDIT_WINDOW_MS + 60_000));
      const events = await auditsFor(email);
      expect(events.map((e) => e.action)).toEqual(["auth.sign-in-failed", "auth.sign-in-throttled", "auth.sign-in-throttled"]);
      expect(events[0]!.after).toMatchObject({ email, clientAddress: ATTACKER, failures: 1, waitSeconds: 0 });
      expect(events[1]!.after).toMatchObject({ failures: 5, waitSeconds: 30 });
    }
    const [known, unknown] = [(await auditsFor("audited@test.local"))[0]!, (await auditsFor("ghost@test.local"))[0]!];
    expect(known).toMatchObject({ resourceType: "user", after: { knownAccount: true } });
    expect(unknown).toMatchObject({ resourceType: "sign-in", resourceId: "ghost@test.local", actorLabel: "Sign-in", after: { knownAccount: false } });
  });

  it("forgets a key idle for a day and prunes idle rows", async () => {
    await attempt("idle@test.local", "g1");
    await attempt("idle@test.local", "g2");
    const later = at(FORGET_AFTER_MS + 1_000);
    await attempt("other@test.local", "g1", ATTACKER, later);
    expect(await db().signInThrottle.count({ where: { email: "idle@test.local" } })).toBe(0);
    await attempt("idle@test.local", "g3", ATTACKER, later);
    expect(await db().signInThrottle.findFirstOrThrow({ where: { email: "idle@test.local" } })).toMatchObject({ failures: 1 });
  });

  it("verifies unknown emails against a dummy hash as costly as a real one", () => {
    const { memoryCost, timeCost, parallelism } = PASSWORD_HASH_OPTIONS;
    expect(DUMMY_PASSWORD_HASH.startsWith(`$argon2id$v=19$m=${memoryCost},t=${timeCost},p=${parallelism}$`)).toBe(true);
  });
});
