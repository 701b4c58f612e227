import { DEMO_PASSWORD, expect, expectAccessible, signIn, signOut, submitWrongPassword, test, USERS } from "./fixtures";

const ROLES = [
  ["admin", "Ada Admin", "Admin"],
  ["owner", "Priya Owner", "Product owner"],
  ["engineer", "Eli Engineer", "Engineer"],
  ["reviewer", "Rhea Reviewer", "Governance reviewer"],
  ["viewer", "Vic Viewer", "Viewer"],
] as const;

test.describe("sign-in @postgres", () => {
  for (const [user, name, role] of ROLES) {
    test(`${user} signs in and sees their name and role`, async ({ page }) => {
      await signIn(page, user);
      await expect(page).toHaveURL(/\/use-cases$/);
      await expect(page.getByTestId("current-user")).toContainText(name);
      await expect(page.getByTestId("current-user")).toContainText(role);
    });
  }

  test("a wrong password is refused with a message, and sign-out ends the session", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(USERS.viewer);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();

    await signIn(page, "viewer");
    await signOut(page);
    await page.goto("/use-cases");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

/**
 * Issue 8 §3: /sign-in?callbackUrl=%2F%2Fevil.example%2Fx sent the browser to another site after
 * signing in. The hostile site is answered locally, so nothing leaves the machine either way.
 */
test.describe("sign-in callback", () => {
  async function signInFrom(page: import("@playwright/test").Page, callbackUrl: string, user: keyof typeof USERS) {
    const offsite: string[] = [];
    await page.route((url) => url.hostname === "evil.example", (route) => {
      offsite.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Evil</h1>" });
    });
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("Email").fill(USERS[user]);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
    return offsite;
  }

  for (const hostile of ["//evil.example/x", "/\\evil.example/x", "/.//evil.example/x"]) {
    test(`a hostile callbackUrl ${hostile} lands on the console`, async ({ page }) => {
      expect(await signInFrom(page, hostile, "viewer")).toEqual([]);
      await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/use-cases$/);
    });
  }

  test("a same-origin callbackUrl is followed", async ({ page }) => {
    await signInFrom(page, "/settings/users?q=ada", "admin");
    await expect(page).toHaveURL(/\/settings\/users\?q=ada$/);
  });
});

/**
 * Issue 8 §3: an existing account answered "locked" after five wrong passwords while an unknown
 * email never did, so five requests told whether a person has an account.
 */
test("an unknown email gets exactly the answers an existing account gets", async ({ browser }) => {
  async function answers(email: string, address: string) {
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) seen.push(await submitWrongPassword(page, `not-the-password-${i}`));
    await context.close();
    return seen;
  }
  const known = await answers(USERS.financeOwner, "192.0.2.41");
  const unknown = await answers("nobody-here@strata.local", "192.0.2.42");
  expect(known.slice(0, 5)).toEqual([...Array(4).fill("Email or password is incorrect."), "Too many failed attempts from your network. Try again in 30 seconds."]);
  expect(unknown.slice(0, 5)).toEqual(known.slice(0, 5));
  // The sixth waits out what is left of the 30 s: the same words, the clock a second either way.
  const words = (answer: string) => answer.replace(/\d+ seconds/, "N seconds");
  expect(unknown.map(words)).toEqual(known.map(words));
});

test.describe("access control", () => {
  test("unauthenticated visitors are sent to sign-in", async ({ page }) => {
    for (const path of ["/use-cases", "/audit", "/settings", "/use-cases/new"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in/);
    }
  });

  test("a viewer gets 403 on admin pages and sees no mutation buttons", async ({ page }) => {
    await signIn(page, "viewer");
    for (const path of ["/audit", "/settings", "/settings/users", "/use-cases/new"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    }
    await page.goto("/use-cases");
    await expect(page.getByRole("link", { name: "Register use case" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
    await page.getByRole("link", { name: "Support ticket triage" }).click();
    await expect(page.getByRole("button", { name: /Mark in production|Retire|Submit/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  });

  test("an engineer cannot register use cases and a product owner cannot edit another team's", async ({ page }) => {
    await signIn(page, "engineer");
    expect((await page.goto("/use-cases/new"))?.status()).toBe(403);
    await signIn(page, "financeOwner");
    await page.goto("/use-cases?q=call-summaries");
    await page.getByRole("link", { name: "Call summaries" }).click();
    await expect(page.getByRole("heading", { name: "Call summaries" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
    const id = page.url().split("/").pop();
    expect((await page.goto(`/use-cases/${id}/edit`))?.status()).toBe(403);
  });

  test("responses carry the security headers", async ({ page }) => {
    const response = await page.goto("/sign-in");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
    await signIn(page, "viewer");
    const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
  });

  test("no server secret reaches the browser's scripts", async ({ page, request }) => {
    const scripts = new Set<string>();
    page.on("response", (r) => r.request().resourceType() === "script" && scripts.add(r.url()));
    await signIn(page, "admin");
    await page.goto("/settings/users");
    expect(scripts.size).toBeGreaterThan(0);
    for (const url of scripts) {
      const body = await (await request.get(url)).text();
      // The OIDC client secret of the e2e configuration, and the env names of every secret.
      expect(body, url).not.toContain("strata-e2e-client-secret");
      expect(body, url).not.toMatch(/NEXTAUTH_SECRET|OIDC_CLIENT_SECRET|DATABASE_URL|BOOTSTRAP_ADMIN_PASSWORD/);
    }
  });

  test("the sign-in page is accessible", async ({ page }) => {
    await page.goto("/sign-in");
    await expectAccessible(page);
  });
});
