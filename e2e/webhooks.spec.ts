import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac, timingSafeEqual } from "node:crypto";
import { expect, expectAccessible, signIn, test, uniqueName } from "./fixtures";

// Webhooks end to end: a real receiver on a free local port, verifying each delivery's signature
// exactly as the snippet on the webhooks page tells integrators to.
const SHOTS = process.env.E2E_SCREENSHOT_DIR;

type Receiver = { url: string; received: { event: string; delivery: string; verified: boolean }[]; close: () => Promise<void> };

function verify(secret: string, header: string | undefined, body: string): boolean {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.split("=")));
  const t = Number(parts.t);
  if (!t || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === 32 && timingSafeEqual(given, Buffer.from(expected, "hex"));
}

async function startReceiver(secret: () => string, status: number): Promise<Receiver> {
  const received: Receiver["received"] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ event: String(req.headers["strata-event"]), delivery: String(req.headers["strata-delivery"]), verified: verify(secret(), req.headers["strata-signature"] as string, body) });
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "" : "receiver is down for maintenance");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/strata-hook`,
    received,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function register(page: import("@playwright/test").Page, url: string, description: string): Promise<string> {
  await page.goto("/settings/webhooks");
  await page.getByLabel("Payload URL").fill(url);
  await page.getByLabel("Description").fill(description);
  await page.getByLabel("Release submitted for approval").check();
  await page.getByRole("button", { name: "Register webhook" }).click();
  const secret = page.getByRole("textbox", { name: "Signing secret" });
  await expect(secret).toHaveValue(/^whsec_[A-Za-z0-9_-]{43}$/);
  return secret.inputValue();
}

test.describe("webhooks", () => {
  test("an admin registers a webhook, sees the secret once, and a signed test delivery succeeds", async ({ page }) => {
    let secret = "";
    const receiver = await startReceiver(() => secret, 204);
    try {
      await signIn(page, "admin");
      await page.goto("/settings");
      await page.getByRole("link", { name: "Webhooks" }).click();
      await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();

      await page.getByLabel("Payload URL").fill("ftp://files.example.com/in");
      await page.getByRole("button", { name: "Register webhook" }).click();
      await expect(page.getByText("must use http or https (not ftp): deliveries are HTTP POST requests")).toBeVisible();
      // Refused by the server even though this run allows private networks (for its local receivers).
      await page.getByLabel("Payload URL").fill("http://169.254.169.254/latest/meta-data/");
      await page.getByLabel("Release submitted for approval").check();
      await page.getByRole("button", { name: "Register webhook" }).click();
      await expect(page.getByText("points at 169.254.169.254, a cloud metadata address, which webhooks may never reach", { exact: true })).toBeVisible();

      const description = uniqueName("Release bridge");
      secret = await register(page, receiver.url, description);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/webhooks-secret.png`, fullPage: true });
      await page.getByRole("button", { name: "Done, I have stored it" }).click();
      await expect(page.getByRole("heading", { name: description, level: 1 })).toBeVisible();
      expect(await page.content()).not.toContain(secret);

      await page.getByRole("button", { name: "Send test delivery" }).click();
      await expect(page.getByText("Test delivery queued")).toBeVisible();
      const row = page.locator("tr[data-delivery-id]").first();
      // The dispatcher of the server process delivers within seconds; the log refreshes itself.
      await expect(row.getByText("Succeeded")).toBeVisible({ timeout: 30_000 });
      await expect(row.getByText("HTTP 204")).toBeVisible();
      expect(receiver.received).toEqual([{ event: "webhook.test", delivery: await row.getAttribute("data-delivery-id"), verified: true }]);

      await row.getByRole("button", { name: "Show payload" }).click();
      await expect(page.getByText('"type": "webhook.test"')).toBeVisible();
      await expect(page.getByText("Strata-Signature", { exact: true })).toBeVisible();
      await expectAccessible(page);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/webhook-detail.png`, fullPage: true });

      // Rotation: the new secret is shown once, and the next delivery verifies only with it.
      await page.getByRole("button", { name: "Rotate secret" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Rotate secret" }).click();
      const rotated = page.getByRole("textbox", { name: "Signing secret" });
      await expect(rotated).toHaveValue(/^whsec_/);
      const previous = secret;
      secret = await rotated.inputValue();
      expect(secret).not.toBe(previous);
      await page.getByRole("button", { name: "Done, I have stored it" }).click();
      await page.getByRole("button", { name: "Send test delivery" }).click();
      await expect(page.locator("tr[data-delivery-id]").filter({ hasText: "Succeeded" })).toHaveCount(2, { timeout: 30_000 });
      expect(receiver.received.map((r) => r.verified)).toEqual([true, true]);

      await page.getByRole("link", { name: "← Webhooks" }).click();
      const listed = page.getByRole("row").filter({ hasText: description });
      await expect(listed.getByText("Succeeded")).toBeVisible();
      await expect(listed.getByText("HTTP 204")).toBeVisible();
      await expectAccessible(page);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/webhooks-list.png`, fullPage: true });
    } finally {
      await receiver.close();
    }
  });

  test("a receiver answering 500 shows the failure with its status code and the next attempt", async ({ page }) => {
    const receiver = await startReceiver(() => "", 500);
    try {
      await signIn(page, "admin");
      const description = uniqueName("Flaky receiver");
      await register(page, receiver.url, description);
      await page.getByRole("button", { name: "Done, I have stored it" }).click();
      await page.getByRole("button", { name: "Send test delivery" }).click();
      const row = page.locator("tr[data-delivery-id]").first();
      await expect(row.getByText("Retrying")).toBeVisible({ timeout: 30_000 });
      await expect(row.getByText("HTTP 500", { exact: true })).toBeVisible();
      await expect(row.getByText(/HTTP 500 Internal Server Error: receiver is down for maintenance/)).toBeVisible();
      await expect(row.locator("td").nth(1)).toHaveText("1");
      await expect(row.locator("td").nth(3).locator("time")).toBeVisible();
      expect(receiver.received).toHaveLength(1);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/webhook-failing.png`, fullPage: true });

      await page.getByRole("button", { name: "Delete", exact: true }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Delete webhook" }).click();
      await expect(page).toHaveURL(/\/settings\/webhooks$/);
      await expect(page.getByText(description)).toHaveCount(0);
    } finally {
      await receiver.close();
    }
  });

  test("the release evidence download answers bad requests with JSON errors naming the problem", async ({ page }) => {
    const signedOut = await page.request.get("/releases/rel_missing/evidence");
    expect(signedOut.status()).toBe(401);
    await signIn(page, "viewer");
    const badFormat = await page.request.get("/releases/rel_missing/evidence?format=pdf");
    expect(badFormat.status()).toBe(422);
    expect(await badFormat.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", details: { fields: [{ field: "format", message: "must be md or json" }] } } });
    const missing = await page.request.get("/releases/rel_missing/evidence?format=json");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "NOT_FOUND", message: "Release was not found" } });
  });

  test("non-admins get 403 on the webhooks pages", async ({ page }) => {
    await signIn(page, "owner");
    expect((await page.goto("/settings/webhooks"))?.status()).toBe(403);
    await signIn(page, "reviewer");
    expect((await page.goto("/settings/webhooks"))?.status()).toBe(403);
  });
});
