import { expect, expectAccessible, signIn, test, uniqueName } from "./fixtures";

// Environment pages and the runtime API's refusals. Getting an APPROVED release needs the release
// flow (its own spec); here: the pages in whatever state the shared database is in, their empty
// states, and every 4xx of the runtime API with a token made through the admin UI.

test.describe("environments", () => {
  test("the overview grid, an environment page and their empty states", async ({ page }) => {
    await signIn(page, "owner");
    await page.goto("/environments");
    await expect(page.getByRole("heading", { level: 1, name: "Environments" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Environments" }).getByRole("link", { name: "Production", exact: true })).toBeVisible();
    // Either nothing has releases yet, or the grid lists use cases × the three environments.
    await expect(page.getByRole("heading", { name: "No releases yet" }).or(page.getByRole("columnheader", { name: "Pre-production" }))).toBeVisible();
    await expectAccessible(page);

    // A filter that matches nothing says so and offers the way back.
    await page.goto("/environments?useCaseId=uc_none");
    await expect(page.getByRole("heading", { name: "This use case has no releases yet" })).toBeVisible();
    await page.getByRole("link", { name: "Show all use cases" }).click();
    await expect(page).toHaveURL(/\/environments$/);

    await page.getByRole("navigation", { name: "Environments" }).getByRole("link", { name: "Production", exact: true }).click();
    await expect(page).toHaveURL(/\/environments\/prod$/);
    await expect(page.getByRole("heading", { level: 1, name: "Production" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Running in prod now" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Deployment history" })).toBeVisible();
    await expectAccessible(page);

    await page.goto("/environments/prod?useCaseId=uc_none");
    await expect(page.getByRole("heading", { name: "Nothing runs in prod yet" })).toBeVisible();
    await expect(page.getByText("No deployments to prod yet.")).toBeVisible();

    // Environment names in URLs are case-insensitive; anything else is a 404.
    expect((await page.goto("/environments/PREPROD"))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Pre-production" })).toBeVisible();
    expect((await page.goto("/environments/staging"))?.status()).toBe(404);
  });

  /** Regression: "Roll back" was offered on an environment's first deployment, only to be refused. */
  test("the first deployment of an environment offers no rollback: there is nothing earlier to restore", async ({ page }) => {
    await signIn(page, "owner");
    await page.goto("/environments/prod");
    const running = page.locator("section", { has: page.getByRole("heading", { name: "Running in prod now" }) });
    const row = running.getByRole("row", { name: /Support ticket triage/ });
    // The demo seed's only prod deployment: the release flow, which deploys more, runs after
    // this project (playwright.config.ts). The server refuses such a rollback too
    // (lib/deployments/deployments.test.ts).
    await expect(row.getByText("Nothing earlier")).toBeVisible();
    await expect(row.getByRole("button", { name: /^Roll back/ })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("a viewer reads the environment pages", async ({ page }) => {
    await signIn(page, "viewer");
    await page.goto("/environments/dev");
    await expect(page.getByRole("heading", { level: 1, name: "Development" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Roll back/ })).toHaveCount(0);
  });
});

test.describe("runtime API", () => {
  test("answers 401, 403, 404 and 422 as documented; the health check needs no token", async ({ page, request }) => {
    await signIn(page, "admin");
    await page.goto("/settings/api-tokens");
    await page.getByLabel("Team").selectOption({ label: "Customer Support" });
    await page.getByLabel("Name").fill(uniqueName("runtime token"));
    await page.getByLabel("runtime:read").check();
    await page.getByLabel("use-cases:read").uncheck();
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByLabel("API token", { exact: true }).inputValue();
    expect(token).toMatch(/^strata_/);
    const auth = { authorization: `Bearer ${token}` };

    const health = await request.get("/api/v1/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });

    const missingEnv = await request.get("/api/v1/runtime/support-triage", { headers: auth });
    expect(missingEnv.status()).toBe(422);
    expect((await missingEnv.json()).error.details.fields.map((f: { field: string }) => f.field)).toEqual(["environment"]);
    const badEnv = await request.get("/api/v1/runtime/support-triage?environment=staging", { headers: auth });
    expect(badEnv.status()).toBe(422);
    expect((await badEnv.json()).error.message).toContain("environment: must be dev, preprod or prod");

    const unknown = await request.get("/api/v1/runtime/no-such-use-case?environment=prod", { headers: auth });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error).toMatchObject({ code: "NOT_FOUND", message: "Use case no-such-use-case was not found" });
    // A Finance Ops use case is invisible to a Customer Support token: 404, like an unknown one.
    const useCases = await request.get("/api/v1/runtime/invoice-extraction?environment=prod", { headers: auth });
    expect(useCases.status()).toBe(404);

    // The demo seed runs release #1 of support-triage in prod: the configuration, then a revalidation.
    const triage = await request.get("/api/v1/runtime/support-triage?environment=PROD", { headers: auth });
    expect(triage.status()).toBe(200);
    const etag = triage.headers()["etag"]!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(triage.headers()["cache-control"]).toBe("private, no-cache");
    expect(await triage.json()).toMatchObject({ useCase: { slug: "support-triage" }, environment: "prod", model: { id: expect.any(String) } });
    const again = await request.get("/api/v1/runtime/support-triage?environment=prod", { headers: { ...auth, "if-none-match": `W/${etag}` } });
    expect(again.status()).toBe(304);
    expect(await again.text()).toBe("");
    const nothing = await request.get("/api/v1/runtime/call-summaries?environment=prod", { headers: auth });
    expect(nothing.status()).toBe(404);
    expect((await nothing.json()).error.message).toBe("Nothing is deployed to prod for use case call-summaries");

    expect((await request.get("/api/v1/runtime/support-triage?environment=prod")).status()).toBe(401);
    await page.getByRole("button", { name: "Done, I have stored it" }).click();
    await page.getByLabel("Team").selectOption({ label: "Customer Support" });
    await page.getByLabel("Name").fill(uniqueName("no runtime scope"));
    await page.getByRole("button", { name: "Create token" }).click();
    const other = await page.getByLabel("API token", { exact: true }).inputValue();
    const forbidden = await request.get("/api/v1/runtime/support-triage?environment=prod", { headers: { authorization: `Bearer ${other}` } });
    expect(forbidden.status()).toBe(403);
    expect((await forbidden.json()).error.message).toContain("runtime:read");
  });
});
