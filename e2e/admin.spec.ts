import fs from "node:fs";
import { expect, expectAccessible, signIn, submitWrongPassword, test, uniqueName } from "./fixtures";

test.describe("administration", () => {
  test("an admin adds a user; failed sign-ins throttle only the guessing address, the owner signs in from another, the admin clears them", async ({ page, browser }) => {
    const email = `${uniqueName("analyst").replace(/\s+/g, "-").toLowerCase()}@strata.local`;
    const password = "a long initial password";
    await signIn(page, "admin");
    await page.goto("/settings/users");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Add user" }).click();
    const form = page.getByRole("form", { name: "Add user" });
    await form.getByLabel("Full name").fill("Ana Lyst");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Role").selectOption("ENGINEER");
    await form.getByLabel("Initial password").fill(password);
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("link", { name: "Ana Lyst" }).first()).toBeVisible();

    // The e2e server trusts one proxy hop (playwright.config.ts), so each context is its own address.
    const attacker = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.7" } })).newPage();
    await attacker.goto("/sign-in");
    await attacker.getByLabel("Email").fill(email);
    const throttled = "Too many failed attempts from your network. Try again in 30 seconds.";
    for (let i = 0; i < 4; i++) expect(await submitWrongPassword(attacker, `wrong-${i}`)).toBe("Email or password is incorrect.");
    expect(await submitWrongPassword(attacker, "wrong-4")).toBe(throttled);
    // From the guessing address even the right password waits…
    expect(await submitWrongPassword(attacker, password)).toMatch(/^Too many failed attempts from your network\. Try again in \d+ seconds\.$/);
    // …but the owner, elsewhere, is not locked out.
    const owner = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.9" } })).newPage();
    await signIn(owner, { email }, password);
    await expect(owner.getByTestId("current-user")).toContainText("Ana Lyst");
    await owner.context().close();

    await page.goto(`/settings/users?q=${encodeURIComponent(email)}`);
    await expect(page.getByRole("row", { name: /Ana Lyst/ }).getByText("Throttled")).toBeVisible();
    await page.getByRole("link", { name: "Ana Lyst" }).click();
    const addresses = page.getByRole("list", { name: "Failed sign-ins by address" });
    await expect(addresses.getByRole("listitem")).toHaveCount(1);
    await expect(addresses).toContainText("198.51.100.7");
    await expect(addresses).toContainText("5 failures");
    await page.getByRole("button", { name: "Clear failed sign-ins" }).click();
    await expect(page.getByText("Not throttled. No recent failed sign-ins.")).toBeVisible();

    await attacker.getByLabel("Password").fill(password);
    await attacker.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(attacker.getByTestId("current-user")).toContainText("Ana Lyst");
    await attacker.context().close();
  });

  test("an admin creates an API token, it reads the API, and stops working once revoked", async ({ page, request }) => {
    const name = uniqueName("CI token");
    await signIn(page, "admin");
    await page.goto("/settings/api-tokens");
    await expectAccessible(page);
    await page.getByLabel("Team").selectOption({ label: "Customer Support" });
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByLabel("API token", { exact: true }).inputValue();
    expect(token).toMatch(/^strata_/);

    const list = await request.get("/api/v1/use-cases?pageSize=5", { headers: { authorization: `Bearer ${token}` } });
    expect(list.status()).toBe(200);
    const body = await list.json();
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((u: { team: { name: string } }) => u.team.name === "Customer Support")).toBe(true);
    const write = await request.post("/api/v1/use-cases", { headers: { authorization: `Bearer ${token}` }, data: {} });
    expect(write.status()).toBe(403);

    await page.getByRole("button", { name: "Done, I have stored it" }).click();
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: /Revoke/ }).click();
    await expect(page.getByRole("row", { name: new RegExp(name) }).getByText(/Revoked/)).toBeVisible();
    const after = await request.get("/api/v1/use-cases", { headers: { authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
    expect((await after.json()).error.code).toBe("UNAUTHENTICATED");
  });

  test("the audit log filters, exports and verifies its chain", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/audit");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Verify chain" }).click();
    await expect(page.getByText(/^Intact: \d+ events verified$/)).toBeVisible();

    // Dropdowns apply at once; typed fields wait for "Apply filters".
    await page.getByLabel("Action").selectOption("use-case.submit");
    await expect(page).toHaveURL(/action=use-case.submit/);
    await page.getByLabel("Actor").fill("Priya");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/actor=Priya/);
    await expect(page).toHaveURL(/action=use-case.submit/);
    // Actions read as words; the code stays in the filter, the URL and the export.
    const actions = await page.locator("tbody tr").filter({ hasText: "Use case:" }).allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((t) => t.includes("Use case: submitted for review") && !t.includes("use-case.submit"))).toBe(true);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const csv = fs.readFileSync(await (await download).path(), "utf8");
    expect(csv.split("\n")[0]).toContain("seq,at,actorId");
    expect(csv).toContain("use-case.submit");
    expect(csv).not.toContain("use-case.create");
  });

  test("a reviewer reads the audit log but cannot verify or manage settings", async ({ page }) => {
    await signIn(page, "reviewer");
    await page.goto("/audit");
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Verify chain" })).toHaveCount(0);
    expect((await page.goto("/settings/api-tokens"))?.status()).toBe(403);
  });
});
