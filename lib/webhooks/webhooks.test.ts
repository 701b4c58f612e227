import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createTeam, createUserActor, ctxFor } from "@/lib/testing/fixtures";
import type { UserActor } from "@/lib/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createWebhook } from "./create-webhook";
import { updateWebhook } from "./update-webhook";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { deleteWebhook } from "./delete-webhook";
import { sendTestWebhookDelivery } from "./send-test-webhook-delivery";
import { redeliverWebhookDelivery } from "./redeliver-webhook-delivery";
import { enqueueWebhookEvent } from "./enqueue-webhook-event";
import { getWebhookOrThrow, listWebhookDeliveries, listWebhooks } from "./queries";
import { signatureHeader, verifyWebhookSignature, WEBHOOK_SECRET_PATTERN } from "./signature";

let database: Database;
let admin: UserActor;
let owner: UserActor;
let reviewer: UserActor;

beforeAll(async () => {
  database = await createTestDatabase();
  const teamId = (await createTeam(database.prisma, "Platform")).id;
  admin = await createUserActor(database.prisma, "ADMIN");
  owner = await createUserActor(database.prisma, "PRODUCT_OWNER", [teamId]);
  reviewer = await createUserActor(database.prisma, "REVIEWER", [teamId]);
});
afterAll(async () => database?.close());

const db = () => database.prisma;
const as = (actor: UserActor) => ctxFor(db(), actor);
const input = (overrides: Record<string, unknown> = {}) => ({ url: "https://hooks.example.com/strata", description: "Release channel", events: ["release.approved", "release.submitted"], ...overrides });
const counts = async () => [await db().webhook.count(), await db().webhookDelivery.count(), await db().auditEvent.count()];
const audits = (id: string) => db().auditEvent.findMany({ where: { resourceId: id }, orderBy: { seq: "asc" } });
const json = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));

describe("webhooks admin", () => {
  it("creates a webhook, returns the secret once, and never audits or lists it", async () => {
    const { secret, webhook } = await createWebhook(as(admin), input());
    expect(secret).toMatch(WEBHOOK_SECRET_PATTERN);
    // Events are kept in the canonical order of WEBHOOK_EVENTS, without duplicates.
    expect(webhook).toMatchObject({ url: "https://hooks.example.com/strata", description: "Release channel", events: ["release.submitted", "release.approved"], active: true, createdById: admin.id });
    expect((await db().webhook.findUniqueOrThrow({ where: { id: webhook.id } })).secret).toBe(secret);

    const [event] = await audits(webhook.id);
    expect(event).toMatchObject({ action: "webhook.create", resourceType: "webhook", actorId: admin.id });
    expect(json(event)).not.toContain(secret);
    const listed = await listWebhooks(as(admin));
    expect(listed.find((w) => w.id === webhook.id)).toMatchObject({ id: webhook.id, lastDelivery: null });
    expect(JSON.stringify(listed)).not.toContain("whsec_");
    expect(JSON.stringify(await getWebhookOrThrow(as(admin), webhook.id))).not.toContain(secret);
  });

  it.each([
    ["an ftp URL", { url: "ftp://files.example.com/in" }, "url", "must use http or https (not ftp)"],
    ["not a URL", { url: "hooks.example.com" }, "url", "must be a full URL"],
    ["a URL with a password", { url: "https://bot:hunter2@hooks.example.com/x" }, "url", "must not contain a user name or password"],
    ["a URL over 2000 characters", { url: `https://hooks.example.com/${"a".repeat(2000)}` }, "url", "must be at most 2000 characters"],
    ["no URL", { url: "  " }, "url", "is required"],
    ["no events", { events: [] }, "events", "choose at least one event"],
    ["an unknown event", { events: ["release.deleted"] }, "events.0", "must be one of release.submitted"],
    ["the test event", { events: ["webhook.test"] }, "events.0", "must be one of"],
    ["a long description", { description: "d".repeat(201) }, "description", "must be at most 200 characters"],
    ["an unknown field", { secret: "mine" }, "(body)", "Unrecognized key"],
  ])("refuses %s with 422 naming the field, writing nothing", async (_name, overrides, field, message) => {
    const before = await counts();
    const error = await createWebhook(as(admin), input(overrides)).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(error.details.fields).toContainEqual({ field, message: expect.stringContaining(message) });
    expect(await counts()).toEqual(before);
  });

  it("lets only admins manage webhooks", async () => {
    const { webhook } = await createWebhook(as(admin), input());
    const before = await counts();
    for (const actor of [owner, reviewer]) {
      await expect(createWebhook(as(actor), input())).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateWebhook(as(actor), webhook.id, { active: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(rotateWebhookSecret(as(actor), webhook.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(deleteWebhook(as(actor), webhook.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(sendTestWebhookDelivery(as(actor), webhook.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listWebhooks(as(actor))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listWebhookDeliveries(as(actor), webhook.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await counts()).toEqual(before);
  });

  it("updates only what changed, audits the difference, and refuses an empty or unknown update", async () => {
    const { webhook } = await createWebhook(as(admin), input());
    const updated = await updateWebhook(as(admin), webhook.id, { events: ["evaluation.gate-failed"], active: false, description: "Release channel" });
    expect(updated).toMatchObject({ events: ["evaluation.gate-failed"], active: false, url: webhook.url });
    const events = await audits(webhook.id);
    expect(events.map((e) => e.action)).toEqual(["webhook.create", "webhook.update"]);
    expect(events[1]).toMatchObject({ before: { events: ["release.submitted", "release.approved"], active: true }, after: { events: ["evaluation.gate-failed"], active: false } });

    const before = await counts();
    await expect(updateWebhook(as(admin), webhook.id, {})).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("change at least one") });
    await expect(updateWebhook(as(admin), webhook.id, { url: "mailto:ops@example.com" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("url: must use http or https") });
    await expect(updateWebhook(as(admin), webhook.id, { active: "yes" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("active") });
    await expect(updateWebhook(as(admin), "wh_missing", { active: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });

  it("rotates the secret: the old one stops verifying, the new one is returned once and never audited", async () => {
    const { secret: old, webhook } = await createWebhook(as(admin), input());
    const { secret } = await rotateWebhookSecret(as(admin), webhook.id);
    expect(secret).toMatch(WEBHOOK_SECRET_PATTERN);
    expect(secret).not.toBe(old);
    expect((await db().webhook.findUniqueOrThrow({ where: { id: webhook.id } })).secret).toBe(secret);
    const events = await audits(webhook.id);
    expect(events.at(-1)).toMatchObject({ action: "webhook.rotate-secret", after: { secretRotated: true } });
    expect(json(events)).not.toContain(secret);
    expect(json(events)).not.toContain(old);
    await expect(rotateWebhookSecret(as(admin), "wh_missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sends a test delivery to this webhook only, and refuses one to a paused webhook", async () => {
    const { webhook } = await createWebhook(as(admin), input());
    const { webhook: other } = await createWebhook(as(admin), input());
    const { deliveryId } = await sendTestWebhookDelivery(as(admin), webhook.id);
    const row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(row).toMatchObject({ webhookId: webhook.id, event: "webhook.test", status: "PENDING", payload: { type: "webhook.test", data: { webhookId: webhook.id } } });
    expect(await db().webhookDelivery.count({ where: { webhookId: other.id } })).toBe(0);
    expect((await audits(webhook.id)).at(-1)).toMatchObject({ action: "webhook.test", after: { deliveryId } });

    await updateWebhook(as(admin), webhook.id, { active: false });
    const before = await counts();
    await expect(sendTestWebhookDelivery(as(admin), webhook.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("paused") });
    await expect(sendTestWebhookDelivery(as(admin), "wh_missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });

  it("redelivers only a failed delivery of this webhook, once", async () => {
    const { webhook } = await createWebhook(as(admin), input());
    const { webhook: other } = await createWebhook(as(admin), input());
    const { deliveryId } = await sendTestWebhookDelivery(as(admin), webhook.id);
    await expect(redeliverWebhookDelivery(as(admin), webhook.id, deliveryId)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("this one is pending") });
    await db().webhookDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED", attempts: 8, nextAttemptAt: null, lastStatusCode: 500 } });
    await expect(redeliverWebhookDelivery(as(admin), other.id, deliveryId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const results = await Promise.allSettled([redeliverWebhookDelivery(as(admin), webhook.id, deliveryId), redeliverWebhookDelivery(as(admin), webhook.id, deliveryId)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(await db().auditEvent.count({ where: { resourceId: webhook.id, action: "webhook.redeliver" } })).toBe(1);
  });

  it("deletes a webhook with its deliveries, audited, once", async () => {
    const { webhook } = await createWebhook(as(admin), input());
    await db().$transaction((tx) => enqueueWebhookEvent(tx, "release.submitted", { releaseId: "rel_x" }));
    expect(await db().webhookDelivery.count({ where: { webhookId: webhook.id } })).toBe(1);
    await deleteWebhook(as(admin), webhook.id);
    expect(await db().webhook.count({ where: { id: webhook.id } })).toBe(0);
    expect(await db().webhookDelivery.count({ where: { webhookId: webhook.id } })).toBe(0);
    expect((await audits(webhook.id)).at(-1)).toMatchObject({ action: "webhook.delete", before: { url: webhook.url, deliveries: 1 } });
    await expect(deleteWebhook(as(admin), webhook.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it("pages the delivery log newest first and shows the latest delivery in the list", async () => {
    const { webhook } = await createWebhook(as(admin), input());
    for (let i = 0; i < 5; i++) await sendTestWebhookDelivery(as(admin), webhook.id, new Date(Date.now() + i));
    const page1 = await listWebhookDeliveries(as(admin), webhook.id, { page: "1", pageSize: "2" });
    expect(page1).toMatchObject({ total: 5, page: 1, pageCount: 3 });
    expect(page1.deliveries).toHaveLength(2);
    const page3 = await listWebhookDeliveries(as(admin), webhook.id, { page: 3, pageSize: 2 });
    expect(page3.deliveries).toHaveLength(1);
    await expect(listWebhookDeliveries(as(admin), webhook.id, { page: "0" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("page") });
    const listed = (await listWebhooks(as(admin))).find((w) => w.id === webhook.id)!;
    expect(listed.lastDelivery).toMatchObject({ status: "PENDING", event: "webhook.test" });
    expect(await getWebhookOrThrow(as(admin), webhook.id)).toMatchObject({ deliveryCounts: { PENDING: 5, SUCCEEDED: 0, FAILED: 0 } });
  });

  it("signs as documented and rejects tampered bodies, wrong secrets and stale timestamps", () => {
    const secret = "whsec_" + "k".repeat(43);
    const body = '{"id":"evt_1"}';
    const now = 1_800_000_000;
    const header = signatureHeader(secret, now, body);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, body, now)).toBe(true);
    expect(verifyWebhookSignature(secret, header, body + " ", now)).toBe(false);
    expect(verifyWebhookSignature("whsec_other", header, body, now)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, now + 301)).toBe(false);
    expect(verifyWebhookSignature(secret, "garbage", body, now)).toBe(false);
    expect(verifyWebhookSignature(secret, null, body, now)).toBe(false);
  });
});
