import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor } from "@/lib/testing/fixtures";
import type { Actor, RoleName, UserActor } from "@/lib/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { createUser } from "./create-user";
import { updateUser } from "./update-user";
import { resetUserPassword } from "./reset-user-password";
import { unlockUser } from "./unlock-user";
import { getUserOrThrow, listUsers } from "./queries";

let database: Database;
let teamA: string;
let teamB: string;
let admin: UserActor;

const NON_ADMIN_ROLES: RoleName[] = ["PRODUCT_OWNER", "REVIEWER", "ENGINEER", "VIEWER"];
const PASSWORD = "correct horse battery";
let seq = 0;
const email = (tag = "user") => `${tag}-${Date.now().toString(36)}-${++seq}@example.test`;

beforeAll(async () => {
  database = await createTestDatabase();
  teamA = (await createTeam(database.prisma, "Support")).id;
  teamB = (await createTeam(database.prisma, "Finance")).id;
  admin = await createUserActor(database.prisma, "ADMIN");
});
afterAll(async () => database?.close());

const as = (actor: Actor) => ctxFor(database.prisma, actor);
const counts = async () => {
  const db = database.prisma;
  return { users: await db.user.count(), memberships: await db.teamMembership.count(), events: await db.auditEvent.count() };
};
const fieldsOf = (error: { details?: { fields?: { field: string }[] } }) => (error.details?.fields ?? []).map((f) => f.field).sort();
const eventsFor = (resourceId: string) => database.prisma.auditEvent.findMany({ where: { resourceId }, orderBy: { seq: "asc" } });
const passwordHashOf = async (id: string) => (await database.prisma.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;

/** No audit event about a user may carry a password or a password hash, whatever the action. */
async function expectNoSecretsAudited(userId: string, ...secrets: string[]) {
  const hash = await passwordHashOf(userId);
  for (const e of await eventsFor(userId)) {
    const logged = JSON.stringify([e.before, e.after]);
    expect(logged).not.toMatch(/passwordHash|\$argon2/);
    if (hash) expect(logged).not.toContain(hash);
    for (const s of secrets) expect(logged).not.toContain(s);
  }
}

describe("creating users", () => {
  it("creates a local account with a lower-cased email, hashed password, teams, and an audit event", async () => {
    const address = email("Dana");
    const user = await createUser(as(admin), { email: `  ${address.toUpperCase()} `, name: "Dana Whitfield", role: "PRODUCT_OWNER", teamIds: [teamA, teamA], password: PASSWORD });
    expect(user).toMatchObject({ email: address.toLowerCase(), name: "Dana Whitfield", role: "PRODUCT_OWNER", authProvider: "local", isActive: true, isSso: false, isThrottled: false });
    expect(user.teams.map((t) => t.id)).toEqual([teamA]);
    expect(user).not.toHaveProperty("passwordHash");
    expect(await passwordHashOf(user.id)).toMatch(/^\$argon2id\$/);
    await expect(signInWithPassword(database.prisma, address, PASSWORD)).resolves.toEqual({ ok: true, userId: user.id });

    const events = await eventsFor(user.id);
    expect(events.map((e) => e.action)).toContain("user.create");
    expect(events[0]).toMatchObject({ action: "user.create", resourceType: "user", actorId: admin.id, actorRole: "ADMIN" });
    expect(events[0]!.after).toMatchObject({ email: address.toLowerCase(), role: "PRODUCT_OWNER", teamIds: [teamA], hasPassword: true });
    await expectNoSecretsAudited(user.id, PASSWORD);
  });

  it("creates a single-sign-on account without a password", async () => {
    const user = await createUser(as(admin), { email: email("sso"), name: "Sam Okafor", role: "REVIEWER" });
    expect(user).toMatchObject({ authProvider: "oidc", isSso: true, teams: [] });
    expect(await passwordHashOf(user.id)).toBeNull();
    expect((await eventsFor(user.id))[0]!.after).toMatchObject({ authProvider: "oidc", hasPassword: false });
  });

  it("names every invalid field with 422 and writes nothing", async () => {
    const before = await counts();
    const error = await createUser(as(admin), { email: "not-an-email", name: " ", role: "SUPERUSER", password: "short" }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", status: 422 });
    expect(fieldsOf(error)).toEqual(["email", "name", "password", "role"]);
    const unknownTeam = await createUser(as(admin), { email: email(), name: "Ghost", role: "VIEWER", teamIds: [teamA, "team_nope"], password: PASSWORD }).catch((e) => e);
    expect(unknownTeam).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("team_nope") });
    expect(fieldsOf(unknownTeam)).toEqual(["teamIds"]);
    const extra = await createUser(as(admin), { email: email(), name: "Eve", role: "VIEWER", passwordHash: "x" }).catch((e) => e);
    expect(extra).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a duplicate email, in any case, with 409 naming the field", async () => {
    const address = email("dup");
    await createUser(as(admin), { email: address, name: "First", role: "VIEWER" });
    const before = await counts();
    const error = await createUser(as(admin), { email: address.toUpperCase(), name: "Second", role: "ADMIN", password: PASSWORD }).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT", status: 409, message: expect.stringContaining(address) });
    expect(fieldsOf(error)).toEqual(["email"]);
    expect(await counts()).toEqual(before);
  });
});

describe("who may manage users", () => {
  it.each(NON_ADMIN_ROLES)("refuses every user mutation and the list to a %s, writing nothing", async (role) => {
    const actor = await createUserActor(database.prisma, role, [teamA]);
    const target = await createUser(as(admin), { email: email("target"), name: "Target", role: "VIEWER", password: PASSWORD });
    for (let i = 0; i < 5; i++) await signInWithPassword(database.prisma, target.email, "wrong password!!", { clientAddress: "198.51.100.7" });
    const before = await counts();
    await expect(createUser(as(actor), { email: email(), name: "X", role: "ADMIN", password: PASSWORD })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateUser(as(actor), target.id, { role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateUser(as(actor), actor.id, { role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resetUserPassword(as(actor), target.id, { password: "attacker chosen pw" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(unlockUser(as(actor), target.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listUsers(as(actor), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getUserOrThrow(as(actor), target.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);
    expect(await database.prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { role: true } })).toEqual({ role });
  });
});

describe("updating users", () => {
  it("changes name, role and teams, and audits before and after", async () => {
    const user = await createUser(as(admin), { email: email("eng"), name: "Lee", role: "ENGINEER", teamIds: [teamA], password: PASSWORD });
    const updated = await updateUser(as(admin), user.id, { name: "Lee Park", role: "PRODUCT_OWNER", teamIds: [teamB] });
    expect(updated).toMatchObject({ name: "Lee Park", role: "PRODUCT_OWNER" });
    expect(updated.teams.map((t) => t.id)).toEqual([teamB]);
    expect(await database.prisma.teamMembership.findMany({ where: { userId: user.id }, select: { teamId: true } })).toEqual([{ teamId: teamB }]);
    const event = (await eventsFor(user.id)).at(-1)!;
    expect(event).toMatchObject({ action: "user.update", actorId: admin.id });
    expect(event.before).toMatchObject({ name: "Lee", role: "ENGINEER", teamIds: [teamA] });
    expect(event.after).toMatchObject({ name: "Lee Park", role: "PRODUCT_OWNER", teamIds: [teamB] });
    await expectNoSecretsAudited(user.id, PASSWORD);
  });

  it("deactivates a user but keeps the row, and the account can no longer sign in", async () => {
    const user = await createUser(as(admin), { email: email("leaver"), name: "Leaver", role: "VIEWER", teamIds: [teamA], password: PASSWORD });
    await updateUser(as(admin), user.id, { isActive: false });
    const row = await database.prisma.user.findUnique({ where: { id: user.id }, select: { isActive: true, memberships: { select: { teamId: true } } } });
    expect(row).toEqual({ isActive: false, memberships: [{ teamId: teamA }] });
    await expect(signInWithPassword(database.prisma, user.email, PASSWORD)).resolves.toMatchObject({ ok: false });
    await updateUser(as(admin), user.id, { isActive: true });
    await expect(signInWithPassword(database.prisma, user.email, PASSWORD)).resolves.toMatchObject({ ok: true });
  });

  it("refuses an admin deactivating themselves or dropping their own admin role, writing nothing", async () => {
    const self = await createUserActor(database.prisma, "ADMIN");
    const before = await counts();
    const deactivate = await updateUser(as(self), self.id, { isActive: false }).catch((e) => e);
    expect(deactivate).toMatchObject({ code: "CONFLICT", message: "You cannot deactivate your own account" });
    expect(fieldsOf(deactivate)).toEqual(["isActive"]);
    const demote = await updateUser(as(self), self.id, { role: "VIEWER", name: "Renamed" }).catch((e) => e);
    expect(demote).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("your own admin role") });
    expect(fieldsOf(demote)).toEqual(["role"]);
    expect(await counts()).toEqual(before);
    expect(await database.prisma.user.findUniqueOrThrow({ where: { id: self.id }, select: { role: true, isActive: true, name: true } })).toMatchObject({ role: "ADMIN", isActive: true });
    // Editing their own name and teams is fine.
    await expect(updateUser(as(self), self.id, { name: "Still Admin", teamIds: [teamA] })).resolves.toMatchObject({ name: "Still Admin", role: "ADMIN" });
  });

  it("names invalid fields and unknown teams with 422, and 404s an unknown user", async () => {
    const user = await createUser(as(admin), { email: email(), name: "Val", role: "VIEWER" });
    const before = await counts();
    const error = await updateUser(as(admin), user.id, { role: "ROOT", isActive: "yes", email: "x@y.z" }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(fieldsOf(error)).toEqual(expect.arrayContaining(["isActive", "role"]));
    await expect(updateUser(as(admin), user.id, {})).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const team = await updateUser(as(admin), user.id, { teamIds: ["team_missing"] }).catch((e) => e);
    expect(fieldsOf(team)).toEqual(["teamIds"]);
    await expect(updateUser(as(admin), "usr_missing", { name: "Nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });
});

describe("passwords and sign-in throttling", () => {
  const ATTACKER = { clientAddress: "198.51.100.7" };
  async function lockedUser() {
    const user = await createUser(as(admin), { email: email("locked"), name: "Locked Out", role: "ENGINEER", password: PASSWORD });
    for (let i = 0; i < 5; i++) await signInWithPassword(database.prisma, user.email, "wrong password!!", ATTACKER);
    expect(await signInWithPassword(database.prisma, user.email, PASSWORD, ATTACKER)).toMatchObject({ ok: false, reason: "throttled" });
    return user;
  }

  it("resets a password, which also unlocks a throttled account, and audits no secret", async () => {
    const user = await lockedUser();
    const oldHash = await passwordHashOf(user.id);
    const listed = await listUsers(as(admin), { q: user.email });
    expect(listed.items[0]).toMatchObject({ id: user.id, isThrottled: true, signInThrottle: { failures: 5, addresses: [{ clientAddress: "198.51.100.7", failures: 5 }] } });

    const fresh = "a brand new passphrase";
    const reset = await resetUserPassword(as(admin), user.id, { password: fresh });
    expect(reset).toMatchObject({ isThrottled: false, signInThrottle: { failures: 0, throttledUntil: null, addresses: [] } });
    expect(await passwordHashOf(user.id)).not.toBe(oldHash);
    await expect(signInWithPassword(database.prisma, user.email, PASSWORD, ATTACKER)).resolves.toMatchObject({ ok: false, reason: "invalid" });
    await expect(signInWithPassword(database.prisma, user.email, fresh, ATTACKER)).resolves.toEqual({ ok: true, userId: user.id });

    const event = (await eventsFor(user.id)).find((e) => e.action === "user.reset-password")!;
    expect(event).toMatchObject({ actorId: admin.id, before: { failedSignIns: 5, wasThrottled: true }, after: { failedSignIns: 0, passwordChanged: true } });
    await expectNoSecretsAudited(user.id, PASSWORD, fresh);
    expect(JSON.stringify([event.before, event.after])).not.toContain(oldHash!);
  });

  it("refuses a short password with 422 and a single-sign-on account with 409, writing nothing", async () => {
    const user = await createUser(as(admin), { email: email(), name: "Short", role: "VIEWER", password: PASSWORD });
    const sso = await createUser(as(admin), { email: email("sso"), name: "SSO", role: "VIEWER" });
    const before = await counts();
    const error = await resetUserPassword(as(admin), user.id, { password: "too short" }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("at least 12") });
    expect(fieldsOf(error)).toEqual(["password"]);
    await expect(resetUserPassword(as(admin), sso.id, { password: "a long enough password" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(resetUserPassword(as(admin), "usr_missing", { password: "a long enough password" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
    expect(await passwordHashOf(sso.id)).toBeNull();
  });

  it("unlocks an account without changing its password, and refuses an account that is not locked", async () => {
    const user = await lockedUser();
    const hash = await passwordHashOf(user.id);
    const unlocked = await unlockUser(as(admin), user.id);
    expect(unlocked).toMatchObject({ isThrottled: false, signInThrottle: { failures: 0 } });
    expect(await passwordHashOf(user.id)).toBe(hash);
    const event = (await eventsFor(user.id)).at(-1)!;
    expect(event).toMatchObject({ action: "user.unlock", before: { failedSignIns: 5, wasThrottled: true, clientAddresses: ["198.51.100.7"] }, after: { failedSignIns: 0 } });
    await expectNoSecretsAudited(user.id, PASSWORD);
    await expect(signInWithPassword(database.prisma, user.email, PASSWORD, ATTACKER)).resolves.toEqual({ ok: true, userId: user.id });
    await expect(unlockUser(as(admin), user.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("has no failed sign-ins to clear") });
  });
});

describe("listing users", () => {
  it("searches, filters by role, paginates, shows teams, and never returns a password hash", async () => {
    const tag = `zed${Date.now().toString(36)}`;
    for (let i = 0; i < 5; i++) {
      await createUser(as(admin), { email: email(tag), name: `${tag} ${i}`, role: i < 2 ? "REVIEWER" : "VIEWER", teamIds: i === 0 ? [teamA, teamB] : [], password: PASSWORD });
    }
    const page1 = await listUsers(as(admin), { q: tag.toUpperCase(), pageSize: 2 });
    expect(page1).toMatchObject({ total: 5, pageCount: 3, page: 1, pageSize: 2 });
    expect(page1.items.map((u) => u.name)).toEqual([`${tag} 0`, `${tag} 1`]);
    expect(page1.items[0]!.teams.map((t) => t.name)).toEqual(["Finance", "Support"]);
    expect(page1.items[0]).toMatchObject({ lastLoginAt: null, isThrottled: false, isActive: true });
    const page3 = await listUsers(as(admin), { q: tag, pageSize: "2", page: "3" });
    expect(page3.items.map((u) => u.name)).toEqual([`${tag} 4`]);
    const reviewers = await listUsers(as(admin), { q: tag, role: "REVIEWER" });
    expect(reviewers.total).toBe(2);
    expect((await listUsers(as(admin), {})).pageSize).toBe(25);
    await signInWithPassword(database.prisma, page3.items[0]!.email, PASSWORD);
    expect((await listUsers(as(admin), { q: page3.items[0]!.email })).items[0]!.lastLoginAt).toEqual(expect.any(String));
    expect(JSON.stringify(await listUsers(as(admin), { pageSize: 100 }))).not.toMatch(/passwordHash|\$argon2/);
    await expect(listUsers(as(admin), { role: "ROOT" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});

describe("the last admin", () => {
  /** Two admins demoting each other at once must not leave nobody able to administer Strata. */
  it("refuses to demote or deactivate the last active admin, and keeps the audit chain intact", async () => {
    const system: Actor = { kind: "system", id: "system", name: "test" };
    const remaining = await createUserActor(database.prisma, "ADMIN");
    const others = await database.prisma.user.findMany({ where: { role: "ADMIN", isActive: true, id: { not: remaining.id } }, select: { id: true } });
    for (const o of others) await updateUser(as(remaining), o.id, { role: "VIEWER" });
    await expect(updateUser(as(system), remaining.id, { role: "VIEWER" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("last active admin") });
    await expect(updateUser(as(system), remaining.id, { isActive: false })).rejects.toMatchObject({ code: "CONFLICT" });

    const a = await createUserActor(database.prisma, "ADMIN");
    const results = await Promise.allSettled([updateUser(as(a), remaining.id, { role: "VIEWER" }), updateUser(as(remaining), a.id, { role: "VIEWER" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await database.prisma.user.count({ where: { role: "ADMIN", isActive: true } })).toBe(1);
    expect(await verifyAuditChain(database.prisma)).toMatchObject({ ok: true });
  });
});
