import { expect, test } from "./fixtures";

// Single sign-on through a real OpenID provider (e2e/support/oidc-server.ts), with the groups
// claim mapped to roles by OIDC_ROLE_MAP.
async function ssoLogin(page: import("@playwright/test").Page, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with Example SSO" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
}

test.describe("single sign-on", () => {
  test("an SSO user in the reviewers group signs in as a governance reviewer", async ({ page }) => {
    await ssoLogin(page, "sso-reviewer");
    await expect(page).toHaveURL(/\/use-cases/);
    await expect(page.getByTestId("current-user")).toContainText("SSO Reviewer");
    await expect(page.getByTestId("current-user")).toContainText("Governance reviewer");
  });

  test("an SSO user with no mapped group is refused with an explanation", async ({ page }) => {
    await ssoLogin(page, "sso-nobody");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("alert").filter({ hasText: "no Strata role" })).toBeVisible();
  });
});
