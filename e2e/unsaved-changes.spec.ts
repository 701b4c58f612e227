import type { Dialog, Locator, Page } from "@playwright/test";
import { expect, signIn, test, uniqueName } from "./fixtures";

// Editors with unsaved changes ask before a link click or a reload loses them. Nothing here
// saves to the shared demo data: changes to demo prompts, guardrails and releases are left.

/** Clicks `link`, answering the leave warning if one comes; returns its message (null: none). */
async function follow(page: Page, link: Locator, answer: "stay" | "leave"): Promise<string | null> {
  let message: string | null = null;
  const onDialog = (dialog: Dialog) => {
    message = dialog.message();
    void (answer === "leave" ? dialog.accept() : dialog.dismiss());
  };
  page.once("dialog", onDialog);
  await link.click();
  page.off("dialog", onDialog);
  return message;
}

const nav = (page: Page, label: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label });

test.describe("unsaved changes", () => {
  test("each editor warns before a link loses its changes, keeps them on stay, and not after saving", async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, "owner");

    // Use case: stay keeps the edit; after saving, links go without a question.
    const name = uniqueName("Warranty triage");
    await page.goto("/use-cases/new");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Business owner").fill("After-sales");
    await page.getByRole("button", { name: "Register use case" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    const url = page.url();
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Description").fill("Sorts warranty claims by product line.");
    expect(await follow(page, nav(page, "Prompts"), "stay")).toMatch(/unsaved changes/i);
    await expect(page).toHaveURL(`${url}/edit`);
    await expect(page.getByLabel("Description")).toHaveValue("Sorts warranty claims by product line.");

    // A reload or closing the tab asks the browser's own question.
    const beforeUnload = page.waitForEvent("dialog");
    await page.close({ runBeforeUnload: true });
    const dialog = await beforeUnload;
    expect(dialog.type()).toBe("beforeunload");
    await dialog.dismiss();
    expect(page.isClosed()).toBe(false);

    expect(await follow(page, nav(page, "Prompts"), "leave")).toMatch(/unsaved changes/i);
    await expect(page).toHaveURL(/\/prompts$/);

    await page.goto(`${url}/edit`);
    await page.getByLabel("Description").fill("Sorts warranty claims by product line and region.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(url);
    expect(await follow(page, nav(page, "Prompts"), "stay")).toBeNull();
    await expect(page).toHaveURL(/\/prompts$/);

    // Prompt, guardrail and release editors use the same guard.
    await page.getByRole("link", { name: "ticket-classifier" }).first().click();
    await page.getByLabel("Description", { exact: true }).fill("Routes tickets (edited, never saved)");
    expect(await follow(page, nav(page, "Guardrails"), "leave")).toMatch(/unsaved changes/i);
    await page.getByRole("link", { name: "support-pii" }).first().click();
    await page.getByLabel("Message when input is blocked").fill("Edited, never saved.");
    expect(await follow(page, nav(page, "Releases"), "leave")).toMatch(/unsaved changes/i);
    await page.goto("/releases/new");
    await page.getByLabel("Use case").selectOption({ label: "Support ticket triage (Customer Support, in production)" });
    await page.getByLabel("Model id").fill("anthropic.claude-3-haiku-20240307-v1:0");
    expect(await follow(page, nav(page, "Use cases"), "leave")).toMatch(/unsaved changes/i);
    await expect(page).toHaveURL(/\/use-cases$/);
  });
});
