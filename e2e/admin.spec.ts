import fs from "node:fs";
import { expect, expectAccessible, signIn, test, uniqueName } from "./fixtures";

test.describe("administration", () => {
  test("an admin adds a user; repeated failed sign-ins lock it; the admin unlocks it", async ({ page, browser }) => {
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

    // Five wrong passwords lock the account; the right one is then refused too.
    const other = await browser.newPage();
    await other.goto("/sign-in");
    await other.getByLabel("Email").fill(email);
    for (let i = 0; i < 5; i++) {
      await other.getByLabel("Password").fill(`wrong-${i}`);
      await other.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(other.getByRole("alert").filter({ hasText: /incorrect|locked/ })).toBeVisible();
    }
    await expect(other.getByRole("alert").filter({ hasText: "Too many failed attempts" })).toBeVisible();
    await other.getByLabel("Password").fill(password);
    await other.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(other.getByRole("alert").filter({ hasText: "Too many failed attempts" })).toBeVisible();

    await page.goto(`/settings/users?q=${encodeURIComponent(email)}`);
    await page.getByRole("link", { name: "Ana Lyst" }).click();
    await expect(page.getByText("Locked", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Unlock account" }).click();
    await expect(page.getByText("Not locked. No recent failed sign-ins.")).toBeVisible();

    await other.getByLabel("Password").fill(password);
    await other.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(other.getByTestId("current-user")).toContainText("Ana Lyst");
    await other.close();
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
