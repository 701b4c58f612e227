import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";
import type { Database } from "./open-database";

// pg 8 warns (once per process; Vitest gives this file its own) and pg 9 refuses when one client
// is given a query while it is still executing one. Inside an interactive transaction Prisma
// holds one client, and its query interpreter loads the relations of one `include` with
// concurrent queries (the seed's and the services' reads do this). Both databases must answer
// such reads, in a transaction that still commits or rolls back as a whole.
let database: Database;
const warnings: string[] = [];
const onWarning = (warning: Error) => void warnings.push(`${warning.name}: ${warning.message}`);

beforeAll(async () => {
  process.on("warning", onWarning);
  database = await createTestDatabase();
});
afterAll(async () => {
  process.off("warning", onWarning);
  await database.close();
});

const team = (id: string) => ({ id, slug: id, name: `Team ${id}` });

describe("concurrent queries inside one transaction", () => {
  it("answers every read, in a transaction that commits, with no driver warning", async () => {
    const counts = await database.prisma.$transaction(async (tx) => {
      await tx.team.create({ data: team("t-commit") });
      return Promise.all([
        tx.team.count({ where: { id: "t-commit" } }),
        tx.team.findUnique({ where: { id: "t-commit" } }).then((t) => (t ? 1 : 0)),
        tx.user.count(),
        // One call, three relations: the interpreter's own concurrent queries.
        tx.team.findMany({ where: { slug: "t-commit" }, include: { memberships: true, useCases: true, apiTokens: true } }).then((rows) => rows.length),
        tx.$queryRaw<{ n: number }[]>`SELECT 1::int AS n`.then((rows) => rows[0]!.n),
      ]);
    });
    expect(counts).toEqual([1, 1, 0, 1, 1]);
    expect(await database.prisma.team.count({ where: { id: "t-commit" } })).toBe(1);
    expect(warnings).toEqual([]);
  });

  it("rolls the whole transaction back when one of the concurrent queries fails, and the pool stays usable", async () => {
    const failing = database.prisma.$transaction(async (tx) => {
      await tx.team.create({ data: team("t-rollback") });
      await Promise.all([
        tx.team.findMany({ include: { memberships: true, useCases: true, apiTokens: true } }),
        tx.$queryRaw`SELECT 1 / 0`,
        tx.team.findMany({ include: { memberships: true, useCases: true, apiTokens: true } }),
      ]);
    });
    await expect(failing).rejects.toThrow(/division by zero/);
    expect(await database.prisma.team.count({ where: { id: "t-rollback" } })).toBe(0);
    // Every connection of the pool still answers (none was left waiting on a broken chain).
    const again = await Promise.all(Array.from({ length: 25 }, (_, i) => database.prisma.$transaction((tx) => tx.team.count().then((n) => n + i))));
    expect(again).toEqual(Array.from({ length: 25 }, (_, i) => 1 + i));
    expect(warnings).toEqual([]);
  });
});
