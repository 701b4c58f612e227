import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { registerDatabase } from "@/lib/db/registry";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor } from "@/lib/testing/fixtures";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { withApiToken } from "./with-api-token";

let database: Database;
let token: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const teamId = (await createTeam(database.prisma)).id;
  const admin = ctxFor(database.prisma, await createUserActor(database.prisma, "ADMIN"));
  token = (await createApiToken(admin, { teamId, name: "wrapper", permissions: ["use-cases:read"] })).token;
  registerDatabase(database);
});
afterAll(async () => {
  registerDatabase(undefined);
  await database?.close();
});

const noParams = { params: Promise.resolve({}) };
const post = (body: string, contentType = "application/json") =>
  new Request("http://localhost/api/v1/x", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": contentType }, body });

describe("withApiToken", () => {
  it("hides an unexpected error behind a generic 500 that carries the request id", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const route = withApiToken(async () => {
      throw new Error("connection to db-prod-7 failed: password authentication failed for user strata");
    }, { permission: "use-case:read" });
    const res = await route(post("{}"), noParams);
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: expect.stringContaining("went wrong") } });
    expect(text).not.toMatch(/db-prod|password|at .*\.ts/);
    const requestId = res.headers.get("x-request-id");
    expect(requestId).toMatch(/^req_/);
    expect(log.mock.calls.flat().join(" ")).toContain(requestId);
    log.mockRestore();
  });

  it("reads the body only when the handler asks, and only once", async () => {
    const ignoring = withApiToken(async () => Response.json({ ok: true }), { permission: "use-case:read" });
    expect((await ignoring(post("{not json", "text/plain"), noParams)).status).toBe(200);

    const twice = withApiToken(async ({ body }) => Response.json({ same: (await body()) === (await body()) }), { permission: "use-case:read" });
    expect(await (await twice(post('{"a":1}', "application/json; charset=utf-8"), noParams)).json()).toEqual({ same: true });
  });

  it("asks a client without a token to authenticate with a bearer token", async () => {
    const route = withApiToken(async () => Response.json({}), { permission: "use-case:read" });
    const res = await route(new Request("http://localhost/api/v1/x"), noParams);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("answers 500, not a crash, when the database is not open", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    registerDatabase(undefined);
    try {
      const route = withApiToken(async () => Response.json({}), { permission: "use-case:read" });
      expect((await route(post("{}"), noParams)).status).toBe(500);
    } finally {
      registerDatabase(database);
      log.mockRestore();
    }
  });
});
