import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createUserActor, ctxFor } from "@/lib/testing/fixtures";
import { newId } from "@/lib/context";
import type { UserActor } from "@/lib/permissions";
import { createWebhook } from "./create-webhook";
import { updateWebhook } from "./update-webhook";
import { sendTestWebhookDelivery } from "./send-test-webhook-delivery";
import { deliverDueWebhooks } from "./deliver-due-webhooks";
import { blockedRange, webhookTargetProblem, type Resolve } from "./network-guard";
import { startTestReceiver, type TestReceiver } from "./test-receiver";

/**
 * Issue 8 §4: an admin could register http://127.0.0.1:5432/ or the cloud metadata address, and
 * the test delivery's result told open ports from closed ones. These run with the default policy
 * (STRATA_WEBHOOK_ALLOW_PRIVATE_NETWORKS unset).
 */
let database: Database;
let admin: UserActor;
let receiver: TestReceiver;

beforeAll(async () => {
  delete process.env.STRATA_WEBHOOK_ALLOW_PRIVATE_NETWORKS;
  database = await createTestDatabase();
  admin = await createUserActor(database.prisma, "ADMIN");
  receiver = await startTestReceiver(() => "unused");
});
afterAll(async () => {
  await receiver?.close();
  await database?.close();
});

const db = () => database.prisma;
const as = () => ctxFor(db(), admin);
const counts = async () => [await db().webhook.count(), await db().auditEvent.count()];

describe("address ranges", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["127.8.9.10", "a loopback address"],
    ["::1", "a loopback address"],
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:7f00:1", "a loopback address"],
    ["::127.0.0.1", "a loopback address"],
    ["0.0.0.0", "an unspecified address"],
    ["::", "an unspecified address"],
    ["10.1.2.3", "a private-network address"],
    ["172.16.0.1", "a private-network address"],
    ["172.31.255.255", "a private-network address"],
    ["192.168.1.1", "a private-network address"],
    ["::ffff:192.168.1.1", "a private-network address"],
    ["64:ff9b::10.0.0.1", "a private-network address"],
    ["2002:c0a8:0101::1", "a private-network address"],
    ["169.254.1.1", "a link-local address"],
    ["fe80::1", "a link-local address"],
    ["100.64.0.1", "a carrier-grade NAT (CGNAT) address"],
    ["100.127.255.254", "a carrier-grade NAT (CGNAT) address"],
    ["fc00::1", "a unique-local address"],
    ["fd12:3456::1", "a unique-local address"],
    ["169.254.169.254", "a cloud metadata address"],
    ["fd00:ec2::254", "a cloud metadata address"],
    ["224.0.0.1", "a multicast address"],
    ["ff02::1", "a multicast address"],
    ["255.255.255.255", "a broadcast address"],
    ["240.0.0.1", "a reserved address"],
    ["2001:db8::1", "a reserved address"],
  ])("refuses %s as %s", (address, label) => {
    expect(blockedRange(address, false)).toBe(label);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "64:ff9b::8.8.8.8", "::ffff:8.8.8.8"])("lets the public address %s through", (address) => {
    expect(blockedRange(address, false)).toBeNull();
  });

  it("opens private ranges with the flag, but never the metadata addresses", () => {
    expect(blockedRange("127.0.0.1", true)).toBeNull();
    expect(blockedRange("10.0.0.5", true)).toBeNull();
    expect(blockedRange("169.254.169.254", true)).toBe("a cloud metadata address");
    expect(blockedRange("::ffff:169.254.169.254", true)).toBe("a cloud metadata address");
  });

  it("names what a host resolves to, refusing when any one of its addresses is internal", async () => {
    const resolve: Resolve = async () => [{ address: "93.184.216.34", family: 4 }, { address: "10.0.0.7", family: 4 }];
    expect(await webhookTargetProblem("https://mixed.invalid/x", { allowPrivateNetworks: false, resolve })).toMatch(/^mixed\.invalid resolves to 10\.0\.0\.7, a private-network address/);
    expect(await webhookTargetProblem("https://mixed.invalid/x", { allowPrivateNetworks: true, resolve })).toBeNull();
    // Not resolvable now: the delivery checks again.
    expect(await webhookTargetProblem("https://nowhere.invalid/x", { allowPrivateNetworks: false })).toBeNull();
  });
});

describe("saving a webhook", () => {
  it.each([
    ["http://127.0.0.1:5432/", "points at 127.0.0.1, a loopback address"],
    ["http://localhost:8080/hook", "localhost resolves to 127.0.0.1, a loopback address"],
    ["http://169.254.169.254/latest/meta-data/", "points at 169.254.169.254, a cloud metadata address"],
    ["http://2130706433/", "points at 127.0.0.1, a loopback address"],
    ["http://0x7f.1/", "points at 127.0.0.1, a loopback address"],
    ["http://0177.0.0.1/", "points at 127.0.0.1, a loopback address"],
    ["http://[::1]:3000/", "points at ::1, a loopback address"],
    ["http://[::ffff:127.0.0.1]/", "points at ::ffff:7f00:1, a loopback address"],
    ["http://[fd00:ec2::254]/", "points at fd00:ec2::254, a cloud metadata address"],
    ["https://10.20.30.40/hook", "points at 10.20.30.40, a private-network address"],
    ["https://100.64.0.1/hook", "points at 100.64.0.1, a carrier-grade NAT (CGNAT) address"],
    ["http://0.0.0.0:5432/", "points at 0.0.0.0, an unspecified address"],
  ])("refuses %s with 422 on url, writing nothing", async (url, reason) => {
    const before = await counts();
    const error = await createWebhook(as(), { url, events: ["release.approved"] }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(error.details.fields).toEqual([{ field: "url", message: expect.stringContaining(reason) }]);
    expect(await counts()).toEqual(before);
  });

  it("refuses changing a webhook's URL to an internal address", async () => {
    const { webhook } = await createWebhook(as(), { url: "https://hooks.example.com/strata", events: ["release.approved"] });
    const error = await updateWebhook(as(), webhook.id, { url: "http://192.168.0.10/" }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: { fields: [{ field: "url", message: expect.stringContaining("points at 192.168.0.10, a private-network address") }] } });
    expect((await db().webhook.findUniqueOrThrow({ where: { id: webhook.id } })).url).toBe("https://hooks.example.com/strata");
  });
});

describe("delivering", () => {
  // A webhook saved before this check existed, or whose name resolved elsewhere when it was
  // saved: written straight to the table, the way no service would.
  async function storedHook(url: string) {
    const id = newId("wh");
    await db().webhook.create({ data: { id, url, events: ["release.approved"], secret: "whsec_test", createdById: admin.id } });
    return id;
  }
  const lastDelivery = async (webhookId: string) => db().webhookDelivery.findFirstOrThrow({ where: { webhookId }, orderBy: { createdAt: "desc" } });

  it("refuses an internal target at delivery time without connecting, the same way for an open and a closed port", async () => {
    const closed = await startTestReceiver(() => "unused");
    await closed.close();
    const open = await storedHook(receiver.url);
    const shut = await storedHook(closed.url);
    const now = new Date();
    await sendTestWebhookDelivery(as(), open, now);
    await sendTestWebhookDelivery(as(), shut, now);

    expect(await deliverDueWebhooks(db(), { now })).toMatchObject({ claimed: 2, retrying: 2 });
    expect(receiver.received).toHaveLength(0);
    const [a, b] = [await lastDelivery(open), await lastDelivery(shut)];
    expect(a).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null, lastError: expect.stringMatching(/^Not sent: points at 127\.0\.0\.1, a loopback address/) });
    expect(b.lastError).toBe(a.lastError);
  });

  it("checks the address the connection uses: a name that re-resolves to loopback is refused", async () => {
    const resolve: Resolve = async () => [{ address: "127.0.0.1", family: 4 }];
    const port = new URL(receiver.url).port;
    const id = await storedHook(`http://rebind.invalid:${port}/hooks/strata`);
    const now = new Date();
    await sendTestWebhookDelivery(as(), id, now);
    expect(await deliverDueWebhooks(db(), { now, resolve })).toMatchObject({ claimed: 1, retrying: 1 });
    expect(receiver.received).toHaveLength(0);
    expect((await lastDelivery(id)).lastError).toMatch(/^Not sent: rebind\.invalid resolves to 127\.0\.0\.1, a loopback address/);
  });

  it("connects to exactly the address it checked (one resolution, no second lookup by the HTTP client)", async () => {
    let lookups = 0;
    // Only this resolver knows the name: a delivery reaches the receiver only through its answer.
    const resolve: Resolve = async (host) => {
      lookups++;
      return host === "receiver.invalid" ? [{ address: "127.0.0.1", family: 4 }] : [];
    };
    const port = new URL(receiver.url).port;
    const id = await storedHook(`http://receiver.invalid:${port}/hooks/strata`);
    const now = new Date();
    await sendTestWebhookDelivery(as(), id, now);
    expect(await deliverDueWebhooks(db(), { now, resolve, allowPrivateNetworks: true })).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(receiver.received).toHaveLength(1);
    expect(lookups).toBe(1);
  });
});
