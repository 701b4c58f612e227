import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import type { RoleName, UserActor } from "@/lib/permissions";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { createTeam } from "./create-team";
import { updateTeam } from "./update-team";
import { listTeamOptions, listTeams } from "./queries";

let database: Database;
let admin: UserActor;
let seq = 0;
const slug = (base = "team") => `${base}-${Date.now().toString(36)}-${++seq}`;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createUserActor(database.prisma, "ADMIN");
});
afterAll(async () => database?.close());

const as = (actor: UserActor) => ctxFor(database.prisma, actor);
const counts = async () => ({ teams: await database.prisma.team.count(), events: await database.prisma.auditEvent.count() });
const fieldsOf = (error: { details?: { fields?: { field: string }[] } }) => (error.details?.fields ?? []).map((f) => f.field).sort();

describe("teams", () => {
  it("creates a team and audits it", async () => {
    const s = slug("support");
    const team = await createTeam(as(admin), { slug: s, name: "  Customer Support ", description: "Tier-1 and tier-2 support" });
    expect(team).toMatchObject({ slug: s, name: "Customer Support", description: "Tier-1 and tier-2 support", createdAt: expect.any(String) });
    expect(team.id).toMatch(/^team_/);
    const events = await database.prisma.auditEvent.findMany({ where: { resourceId: team.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "team.create", resourceType: "team", actorId: admin.id, actorRole: "ADMIN", before: null });
    expect(events[0]!.after).toMatchObject({ slug: s, name: "Customer Support" });
    expect((await createTeam(as(admin), { slug: slug(), name: "No description" })).description).toBe("");
  });

  it("names every invalid field with 422 and writes nothing", async () => {
    const before = await counts();
    const error = await createTeam(as(admin), { slug: "Not A Slug", name: "x", description: "d".repeat(501) }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", status: 422 });
    expect(fieldsOf(error)).toEqual(["description", "name", "slug"]);
    await expect(createTeam(as(admin), { name: "Missing slug" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("slug") });
    await expect(createTeam(as(admin), { slug: slug(), name: "Extra", id: "team_chosen" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a duplicate slug with 409 naming the field", async () => {
    const s = slug("dup");
    await createTeam(as(admin), { slug: s, name: "First" });
    const before = await counts();
    const error = await createTeam(as(admin), { slug: s, name: "Second" }).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT", status: 409, message: expect.stringContaining(s) });
    expect(fieldsOf(error)).toEqual(["slug"]);
    expect(await counts()).toEqual(before);
  });

  it("updates name and description with before/after, keeps the slug, and 404s an unknown team", async () => {
    const team = await createTeam(as(admin), { slug: slug("fin"), name: "Finance", description: "Old" });
    const updated = await updateTeam(as(admin), team.id, { name: "Finance & Treasury", description: "Accounts payable and treasury" });
    expect(updated).toMatchObject({ id: team.id, slug: team.slug, name: "Finance & Treasury", description: "Accounts payable and treasury" });
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { resourceId: team.id, action: "team.update" } });
    expect(event).toMatchObject({ before: { name: "Finance", description: "Old" }, after: { name: "Finance & Treasury" }, actorId: admin.id });

    const before = await counts();
    const error = await updateTeam(as(admin), team.id, { slug: "renamed", name: "" }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(fieldsOf(error)).toEqual(expect.arrayContaining(["name"]));
    await expect(updateTeam(as(admin), team.id, {})).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(updateTeam(as(admin), "team_missing", { name: "Nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });

  it.each<RoleName>(["PRODUCT_OWNER", "REVIEWER", "ENGINEER", "VIEWER"])("refuses a %s with FORBIDDEN, writing nothing", async (role) => {
    const team = await createTeam(as(admin), { slug: slug(), name: "Guarded" });
    const actor = await createUserActor(database.prisma, role, [team.id]);
    const before = await counts();
    await expect(createTeam(as(actor), { slug: slug(), name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateTeam(as(actor), team.id, { name: "Hijacked" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listTeams(as(actor))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listTeamOptions(as(actor))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);
    expect((await database.prisma.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Guarded");
  });

  it("lists teams by name with member and use-case counts", async () => {
    const prefix = `Aaa ${Date.now().toString(36)}`;
    const busy = await createTeam(as(admin), { slug: slug("busy"), name: `${prefix} Busy` });
    const empty = await createTeam(as(admin), { slug: slug("empty"), name: `${prefix} Empty` });
    const owner = await createUserActor(database.prisma, "PRODUCT_OWNER", [busy.id]);
    await createUserActor(database.prisma, "ENGINEER", [busy.id]);
    await createUseCase(as(owner), makeUseCaseInput(busy.id));
    const teams = await listTeams(as(admin));
    const mine = teams.filter((t) => t.name.startsWith(prefix));
    expect(mine.map((t) => [t.name, t.memberCount, t.useCaseCount])).toEqual([[`${prefix} Busy`, 2, 1], [`${prefix} Empty`, 0, 0]]);
    expect((await listTeamOptions(as(admin))).map((t) => t.id)).toEqual(expect.arrayContaining([busy.id, empty.id]));
  });
});
