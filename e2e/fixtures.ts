import { test as base, expect, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const DEMO_PASSWORD = "strata-demo-2026";
export const USERS = {
  admin: "admin@strata.local",
  owner: "owner@strata.local",
  engineer: "engineer@strata.local",
  reviewer: "reviewer@strata.local",
  reviewer2: "reviewer2@strata.local",
  viewer: "viewer@strata.local",
  financeOwner: "finance-owner@strata.local",
} as const;
export type DemoUser = keyof typeof USERS;

/** Signs in through the real sign-in form, as a demo user or as `{ email }` created by a test. */
export async function signIn(page: Page, user: DemoUser | { email: string }, password = DEMO_PASSWORD) {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(typeof user === "string" ? USERS[user] : user.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  // The shell is server-rendered: wait until its scripts have loaded (hydration) so the next
  // click on a client-side control is not lost.
  await page.waitForLoadState("networkidle");
}

/**
 * Submits a password on the sign-in page (email already filled) and returns the refusal shown,
 * once this attempt has been answered: never the alert of the attempt before.
 */
export async function submitWrongPassword(page: Page, password: string): Promise<string> {
  const button = page.getByRole("button", { name: /^Sign(ing)? in/ });
  await page.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await button.click();
  await answered;
  await expect(button).toHaveText("Sign in");
  // Not Next's empty route announcer, which is an alert too.
  return (await page.getByRole("alert").filter({ hasText: /\S/ }).textContent()) ?? "";
}

/** Signs out through the shell's button and waits until the sign-in page is back. */
export async function signOut(page: Page) {
  // Retried: a click that lands before hydration does nothing.
  await expect(async () => {
    if (!/\/sign-in/.test(page.url())) await page.getByRole("button", { name: "Sign out" }).click({ timeout: 2_000 });
    await expect(page).toHaveURL(/\/sign-in/, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

/** Fails the test on any serious or critical accessibility violation (WCAG 2.1 A/AA). */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/**
 * A validation message shown next to its field: visible, and the field's accessible description
 * (aria-describedby), so a screen reader announces it with the field.
 */
export async function expectFieldError(field: Locator, message: string) {
  // The description is the field's hint (if it has one) followed by its error.
  const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(field).toHaveAccessibleDescription(new RegExp(`(^|\\s)${escaped}$`));
  const errorId = (await field.getAttribute("aria-describedby"))?.split(/\s+/).find((id) => id.endsWith("-error"));
  expect(errorId, "the field names its error in aria-describedby").toBeTruthy();
  await expect(field.page().locator(`[id="${errorId}"]`)).toHaveText(message);
}

/** Saves a bad value and expects it refused next to its field; a reload then shows what was saved before. */
export async function expectRefused(field: Locator, value: string, save: Locator, message: string) {
  await field.fill(value);
  await save.click();
  await expectFieldError(field, message);
}

/** The success toast of a save; the newest one, as an earlier save's toast may still be showing. */
export async function expectSaved(page: Page, message: string) {
  await expect(page.getByRole("status").filter({ hasText: message }).last()).toBeVisible();
}

export const uniqueName = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * Pages are server-rendered and then hydrated: a click on a client-side control that lands before
 * hydration is lost. Every goto therefore also waits until the page's scripts have loaded.
 */
export const test = base.extend({
  page: async ({ page }, provide) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await page.waitForLoadState("networkidle").catch(() => undefined);
      return response;
    };
    await provide(page);
  },
});
export { expect };
