import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createUserActor, ctxFor } from "@/lib/testing/fixtures";
import type { UserActor } from "@/lib/permissions";
import type { WebhookEvent } from "./events";
import { createWebhook } from "./create-webhook";
import { updateWebhook } from "./update-webhook";
import { redeliverWebhookDelivery } from "./redeliver-webhook-delivery";
import { enqueueWebhookEvent } from "./enqueue-webhook-event";
import { BACKOFF_CAP_MS, backoffMs, deliverDueWebhooks, MAX_ATTEMPTS } from "./deliver-due-webhooks";
import { startWebhookDispatcher } from "./webhook-dispatcher";
import { startTestReceiver, type TestReceiver } from "./test-receiver";
import { createGuardedFetch } from "./guarded-fetch";

let database: Database;
let admin: UserActor;
let receiver: TestReceiver;
let secret = "";

beforeAll(async () => {
  // The receiver listens on 127.0.0.1, which the default policy refuses (network-guard.test.ts).
  process.env.STRATA_WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
  database = await createTestDatabase();
  admin = await createUserActor(database.prisma, "ADMIN");
  receiver = await startTestReceiver(() => secret);
});
afterEach(async () => {
  // Each test starts with an empty outbox: deliveries cascade with their webhook.
  await database.prisma.webhook.deleteMany({});
  receiver.received.length = 0;
  receiver.respond(() => ({ status: 204 }));
});
afterAll(async () => {
  await receiver?.close();
  await database?.close();
});

const db = () => database.prisma;
async function hook(events: WebhookEvent[] = ["release.submitted"], url = receiver.url) {
  const created = await createWebhook(ctxFor(db(), admin), { url, events });
  secret = created.secret;
  return created.webhook;
}
const enqueue = (type: WebhookEvent, data: Record<string, unknown> = { releaseId: "rel_1" }, now?: Date) =>
  db().$transaction((tx) => enqueueWebhookEvent(tx, type, data, now));
const deliveries = () => db().webhookDelivery.findMany({ orderBy: { createdAt: "asc" } });
const later = (t: Date, ms: number) => new Date(t.getTime() + ms);

describe("webhook dispatcher", () => {
  it("enqueues only for active webhooks subscribed to the event, and delivers a signed POST", async () => {
    const subscribed = await hook(["release.submitted", "release.approved"]);
    const other = await createWebhook(ctxFor(db(), admin), { url: receiver.url, events: ["release.rejected"] });
    const paused = await createWebhook(ctxFor(db(), admin), { url: receiver.url, events: ["release.submitted"] });
    await updateWebhook(ctxFor(db(), admin), paused.webhook.id, { active: false });
    const t0 = new Date();
    const eventId = await enqueue("release.submitted", { releaseId: "rel_1", useCase: "support-triage" }, t0);
    await enqueue("evaluation.gate-failed", {}, t0);

    const queued = await deliveries();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ webhookId: subscribed.id, eventId, event: "release.submitted", status: "PENDING", attempts: 0 });
    expect(await db().webhookDelivery.count({ where: { webhookId: { in: [other.webhook.id, paused.webhook.id] } } })).toBe(0);

    expect(await deliverDueWebhooks(db(), { now: t0 })).toEqual({ claimed: 1, succeeded: 1, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got).toMatchObject({ deliveryId: queued[0]!.id, event: "release.submitted", verified: true });
    expect(JSON.parse(got!.body)).toEqual({ id: eventId, type: "release.submitted", occurredAt: t0.toISOString(), data: { releaseId: "rel_1", useCase: "support-triage" } });
    const [done] = await deliveries();
    expect(done).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatusCode: 204, lastError: null, nextAttemptAt: null, deliveredAt: t0, lastAttemptAt: t0 });
    // Delivered once: a second pass finds nothing.
    expect(await deliverDueWebhooks(db(), { now: later(t0, 3_600_000) })).toMatchObject({ claimed: 0 });
  });

  it("retries a 500 with backoff, recording the status and a capped error, then succeeds", async () => {
    await hook();
    receiver.respond((_r, n) => (n === 1 ? { status: 500, body: "boom ".repeat(400) } : { status: 200, body: "ok" }));
    const t0 = new Date();
    await enqueue("release.submitted", {}, t0);

    expect(await deliverDueWebhooks(db(), { now: t0 })).toMatchObject({ claimed: 1, retrying: 1 });
    const [first] = await deliveries();
    expect(first).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500, deliveredAt: null, nextAttemptAt: later(t0, 30_000) });
    expect(first!.lastError).toMatch(/^HTTP 500 Internal Server Error: boom boom/);
    expect(first!.lastError!.length).toBeLessThanOrEqual(500);

    expect(await deliverDueWebhooks(db(), { now: later(t0, 29_999) })).toMatchObject({ claimed: 0 });
    const t1 = later(t0, 30_000);
    expect(await deliverDueWebhooks(db(), { now: t1 })).toMatchObject({ claimed: 1, succeeded: 1 });
    const [second] = await deliveries();
    expect(second).toMatchObject({ status: "SUCCEEDED", attempts: 2, lastStatusCode: 200, lastError: null, deliveredAt: t1 });
    expect(receiver.received.map((r) => r.verified)).toEqual([true, true]);
    expect(new Set(receiver.received.map((r) => r.deliveryId)).size).toBe(1);
  });

  it("gives up after the maximum attempts with exponential backoff, and an admin can redeliver", async () => {
    const w = await hook();
    receiver.respond(() => ({ status: 503 }));
    let now = new Date();
    await enqueue("release.submitted", {}, now);
    const waits: number[] = [];
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      expect(await deliverDueWebhooks(db(), { now })).toMatchObject({ claimed: 1 });
      const [d] = await deliveries();
      expect(d!.attempts).toBe(i);
      if (i < MAX_ATTEMPTS) {
        waits.push(d!.nextAttemptAt!.getTime() - now.getTime());
        now = d!.nextAttemptAt!;
      } else {
        expect(d).toMatchObject({ status: "FAILED", nextAttemptAt: null, lastStatusCode: 503, lastError: "HTTP 503 Service Unavailable" });
      }
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920].map((s) => s * 1000));
    expect(await deliverDueWebhooks(db(), { now: later(now, 10 * 3_600_000) })).toMatchObject({ claimed: 0 });
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);

    receiver.respond(() => ({ status: 202 }));
    const [failed] = await deliveries();
    const t = new Date();
    await redeliverWebhookDelivery(ctxFor(db(), admin), w.id, failed!.id, t);
    expect(await deliverDueWebhooks(db(), { now: t })).toMatchObject({ succeeded: 1 });
    expect((await deliveries())[0]).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatusCode: 202 });
  });

  it("caps the backoff at an hour and spreads it with jitter when asked", () => {
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(8)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(30)).toBe(BACKOFF_CAP_MS);
    for (let i = 0; i < 50; i++) {
      const j = backoffMs(3, true);
      expect(j).toBeGreaterThanOrEqual(96_000);
      expect(j).toBeLessThanOrEqual(144_000);
    }
  });

  it("records a timeout and an unreachable receiver as failed attempts without a status code", async () => {
    await hook();
    receiver.respond(() => "hang");
    const t0 = new Date();
    await enqueue("release.submitted", {}, t0);
    const started = Date.now();
    expect(await deliverDueWebhooks(db(), { now: t0, timeoutMs: 300 })).toMatchObject({ retrying: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await deliveries())[0]).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null, lastError: "Timed out after 0.3 s without a response" });

    await db().webhook.deleteMany({});
    const closed = await startTestReceiver(() => secret);
    await closed.close();
    await hook(["release.submitted"], closed.url);
    await enqueue("release.submitted", {}, t0);
    expect(await deliverDueWebhooks(db(), { now: t0 })).toMatchObject({ retrying: 1 });
    expect((await deliveries())[0]).toMatchObject({ attempts: 1, lastStatusCode: null, lastError: expect.stringMatching(/^Could not connect: ECONNREFUSED/) });
  });

  it("holds no transaction during the HTTP call: a second pass meanwhile finds the delivery claimed", async () => {
    await hook();
    const t0 = new Date();
    await enqueue("release.submitted", {}, t0);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const guarded = createGuardedFetch({ allowPrivateNetworks: true });
    const slowFetch: typeof fetch = async (url, init) => {
      await gate;
      return guarded.fetch(url, init);
    };
    const first = deliverDueWebhooks(db(), { now: t0, fetchImpl: slowFetch }).finally(() => guarded.close());
    // Wait until the first pass has claimed (the lease is visible), then run a second one; on
    // PGlite's single connection this would hang if the claim were still open.
    await expect.poll(async () => (await deliveries())[0]!.nextAttemptAt!.getTime() > t0.getTime()).toBe(true);
    expect(await deliverDueWebhooks(db(), { now: later(t0, 1_000) })).toMatchObject({ claimed: 0 });
    release();
    expect(await first).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(receiver.received).toHaveLength(1);
  });

  it("delivers each delivery exactly once when two dispatchers run concurrently", async () => {
    await hook();
    const t0 = new Date();
    for (let i = 0; i < 30; i++) await enqueue("release.submitted", { n: i }, t0);
    const results = await Promise.all([deliverDueWebhooks(db(), { now: t0, limit: 50 }), deliverDueWebhooks(db(), { now: t0, limit: 50 })]);
    expect(results[0]!.claimed + results[1]!.claimed).toBe(30);
    expect(receiver.received).toHaveLength(30);
    expect(new Set(receiver.received.map((r) => r.deliveryId)).size).toBe(30);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(await db().webhookDelivery.count({ where: { status: "SUCCEEDED", attempts: 1 } })).toBe(30);
  });

  it("leaves a paused webhook's deliveries queued until it is active again", async () => {
    const w = await hook();
    const t0 = new Date();
    await enqueue("release.submitted", {}, t0);
    await updateWebhook(ctxFor(db(), admin), w.id, { active: false });
    expect(await deliverDueWebhooks(db(), { now: t0 })).toMatchObject({ claimed: 0 });
    expect(receiver.received).toHaveLength(0);
    await updateWebhook(ctxFor(db(), admin), w.id, { active: true });
    expect(await deliverDueWebhooks(db(), { now: t0 })).toMatchObject({ claimed: 1, succeeded: 1 });
  });

  it("runs in the background every interval and stops cleanly", async () => {
    await hook();
    await enqueue("release.submitted");
    const stop = startWebhookDispatcher(db(), { intervalMs: 50 });
    await expect.poll(async () => (await deliveries())[0]!.status, { timeout: 5_000 }).toBe("SUCCEEDED");
    await stop();
    await enqueue("release.submitted");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db().webhookDelivery.count({ where: { status: "PENDING" } })).toBe(1);
  });
});
