import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeAws, type FakeAws } from "@/lib/aws/fake/fake-aws-server";
import type { Database } from "@/lib/db/open-database";
import type { UserActor } from "@/lib/permissions";
import { createUserActor, ctxFor } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { deleteAwsConnection } from "./delete-aws-connection";
import { connectionConfigFor, listAwsConnections } from "./queries";
import { saveAwsConnection } from "./save-aws-connection";
import { testAwsConnection } from "./test-aws-connection";

let database: Database;
let fake: FakeAws;
let admin: UserActor;
let engineer: UserActor;

beforeAll(async () => {
  // The standard provider chain reads these: nothing is stored in the database.
  process.env.AWS_ACCESS_KEY_ID = "AKIDFAKEFAKEFAKE";
  process.env.AWS_SECRET_ACCESS_KEY = "fake-secret";
  database = await createTestDatabase();
  fake = await startFakeAws();
  admin = await createUserActor(database.prisma, "ADMIN");
  engineer = await createUserActor(database.prisma, "ENGINEER");
});
afterAll(async () => {
  await fake?.close();
  await database?.close();
});
beforeEach(() => fake.state.reset());

const as = (actor: UserActor) => ctxFor(database.prisma, actor);
const events = (action: string) => database.prisma.auditEvent.findMany({ where: { action }, orderBy: { seq: "asc" } });

describe("AWS connections", () => {
  it("saves one connection per environment, audited, and replaces it on a second save", async () => {
    const saved = await saveAwsConnection(as(admin), { environment: "DEV", region: "us-east-1", roleArn: "", endpointOverride: fake.url });
    expect(saved).toMatchObject({ environment: "DEV", region: "us-east-1", roleArn: null, endpointOverride: fake.url, lastTestResult: null });
    const again = await saveAwsConnection(as(admin), { environment: "DEV", region: "eu-west-1", roleArn: "arn:aws:iam::123456789012:role/strata", endpointOverride: fake.url });
    expect(again.id).toBe(saved.id);
    expect(await database.prisma.awsConnection.count()).toBe(1);
    const audit = await events("aws-connection.save");
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ resourceType: "aws-connection", resourceId: "DEV", actorId: admin.id });
    expect(audit[1]!.before).toMatchObject({ region: "us-east-1" });
    expect(audit[1]!.after).toMatchObject({ region: "eu-west-1", roleArn: "arn:aws:iam::123456789012:role/strata" });
    await saveAwsConnection(as(admin), { environment: "DEV", region: "us-east-1", endpointOverride: fake.url });
  });

  it("names every invalid field with 422", async () => {
    const error = await saveAwsConnection(as(admin), { environment: "QA", region: "useast1", roleArn: "arn:aws:iam::12:user/x", endpointOverride: "ftp://x" }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", status: 422 });
    expect(error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(["endpointOverride", "environment", "region", "roleArn"]);
  });

  it("only admins manage; engineers read", async () => {
    await expect(saveAwsConnection(as(engineer), { environment: "PROD", region: "us-east-1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteAwsConnection(as(engineer), "DEV")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(testAwsConnection(as(engineer), "DEV")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const list = await listAwsConnections(as(engineer));
    expect(list.map((e) => [e.environment, Boolean(e.connection)])).toEqual([["DEV", true], ["PREPROD", false], ["PROD", false]]);
    const viewer = await createUserActor(database.prisma, "VIEWER");
    await expect(listAwsConnections(as(viewer))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("tests the connection through the real SDK against the fake, stores and audits the result", async () => {
    await fetch(`${fake.url}/__fake/faults`, { method: "POST", body: JSON.stringify({ operation: "GetCostAndUsage", kind: "access-denied", count: 1 }) });
    const { connection, result } = await testAwsConnection(as(admin), "DEV");
    expect(result.ok).toBe(false);
    const costs = result.capabilities.find((c) => c.key === "costs");
    expect(costs).toMatchObject({ ok: false, kind: "access-denied", errorName: "AccessDeniedException" });
    expect(result.capabilities.filter((c) => c.ok).map((c) => c.key).sort()).toEqual(["guardrails", "knowledgeBases", "metrics", "prompts"]);
    expect(connection.lastTestedAt).not.toBeNull();
    expect(connection.lastTestResult?.capabilities).toHaveLength(5);
    const audit = await events("aws-connection.test");
    expect(audit.at(-1)!.after).toMatchObject({ ok: false });
  });

  it("changing the settings clears the old test result", async () => {
    const saved = await saveAwsConnection(as(admin), { environment: "DEV", region: "us-west-2", endpointOverride: fake.url });
    expect(saved.lastTestResult).toBeNull();
    expect(saved.lastTestedAt).toBeNull();
  });

  it("deletes with an audit event; a missing connection is 404", async () => {
    await saveAwsConnection(as(admin), { environment: "PREPROD", region: "us-east-1" });
    await deleteAwsConnection(as(admin), "PREPROD");
    expect(await connectionConfigFor(database.prisma, "PREPROD")).toBeNull();
    expect((await events("aws-connection.delete")).at(-1)).toMatchObject({ resourceId: "PREPROD", after: null });
    await expect(deleteAwsConnection(as(admin), "PREPROD")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(testAwsConnection(as(admin), "PREPROD")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
