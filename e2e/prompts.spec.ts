import { expect, expectAccessible, signIn, signOut, test, uniqueName } from "./fixtures";

test.describe("prompt catalog @postgres", () => {
  test("an engineer creates a prompt, edits it, versions it twice, diffs and previews it", async ({ page }) => {
    const name = uniqueName("triage").replace(/\s+/g, "-");
    await signIn(page, "engineer");
    await page.goto("/prompts");
    await page.getByRole("link", { name: "New prompt" }).first().click();
    await expect(page.getByRole("heading", { name: "New prompt" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Use case").selectOption({ label: "Support ticket triage (Customer Support)" });
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Description", { exact: true }).fill("Classifies incoming tickets");
    // A malformed template is refused with its position, and nothing is created.
    await page.getByLabel("Template").fill("Hello {{customer");
    await page.getByRole("button", { name: "Create prompt" }).click();
    await expect(page.getByText("unclosed {{ at line 1, column 7: close it with }}")).toBeVisible();
    await expect(page).toHaveURL(/\/prompts\/new/);

    await page.getByLabel("Template").fill("Classify the ticket from {{customer}}:\n{{ticket}}");
    await page.getByRole("button", { name: "Create prompt" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByText("No versions yet", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Type of customer")).toHaveValue("string");
    await expect(page.getByLabel("Type of ticket")).toHaveValue("string");
    await expectAccessible(page);

    // Out-of-range parameters are named field by field.
    await page.getByLabel("Temperature").fill("1.5");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("must be between 0 and 1")).toBeVisible();
    await page.getByLabel("Temperature").fill("0.3");
    await page.getByLabel("Description of ticket").fill("The ticket body");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Draft saved")).toBeVisible();

    await page.getByRole("button", { name: "Create version" }).click();
    await page.getByRole("button", { name: "Confirm: create version 1" }).click();
    await expect(page.getByText("is required: say what changed")).toBeVisible();
    await page.getByLabel("Commit message").fill("First cut");
    await page.getByRole("button", { name: "Confirm: create version 1" }).click();
    await expect(page.getByText("Version 1 created")).toBeVisible();
    await expect(page.getByRole("list", { name: "Versions" }).getByText("First cut")).toBeVisible();

    await page.getByLabel("Template", { exact: true }).fill("Classify the ticket from {{customer}}:\n{{ticket}}\nAnswer in {{language}}.");
    await expect(page.getByLabel("Type of language")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create version" })).toBeDisabled();
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Unsaved changes")).toHaveCount(0);
    await page.getByRole("button", { name: "Create version" }).click();
    await page.getByLabel("Commit message").fill("Answer in the customer's language");
    await page.getByRole("button", { name: "Confirm: create version 2" }).click();
    await expect(page.getByText("Version 2 created")).toBeVisible();
    await expect(page.getByText("Latest: version 2")).toBeVisible();

    // Preview: a missing variable is named; once filled, the rendered prompt appears.
    await page.getByLabel("customer (string, required)").fill("ACME Corp");
    await page.getByLabel("ticket (string, required)").fill("The printer is on fire");
    const preview = page.getByTestId("preview-errors");
    await expect(preview).toContainText("language is required");
    await page.getByLabel("language (string, required)").fill("French");
    await expect(page.getByTestId("rendered-prompt")).toHaveText("Classify the ticket from ACME Corp:\nThe printer is on fire\nAnswer in French.");

    await page.getByRole("link", { name: "Compare versions" }).click();
    await expect(page.getByRole("heading", { name: `Compare ${name}` })).toBeVisible();
    await expect(page.getByLabel("Compare")).toHaveValue("1");
    await expect(page.getByLabel("With")).toHaveValue("2");
    await expect(page.locator('[data-kind="added"]', { hasText: "Answer in {{language}}." })).toBeVisible();
    await expect(page.getByRole("row", { name: /language/ })).toContainText("Changed");
    await expectAccessible(page);

    await page.getByLabel("Compare").selectOption("draft");
    await page.getByLabel("With").selectOption("1");
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page.locator('[data-kind="removed"]', { hasText: "Answer in {{language}}." })).toBeVisible();
  });

  test("a viewer reads and previews a prompt but cannot change it", async ({ page }) => {
    const name = uniqueName("summary").replace(/\s+/g, "-");
    await signIn(page, "owner");
    await page.goto("/prompts/new");
    await page.getByLabel("Use case").selectOption({ label: "Call summaries (Customer Support)" });
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Type").selectOption("CHAT");
    await page.getByLabel("First user message").fill("Summarise this call in {{words}} words:\n{{transcript}}");
    await page.getByRole("button", { name: "Create prompt" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    const url = page.url();

    await signOut(page);
    await signIn(page, "viewer");
    await page.goto("/prompts");
    await expect(page.getByRole("heading", { name: "Prompts", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "New prompt" })).toHaveCount(0);
    await page.goto(url);
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save draft" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create version" })).toHaveCount(0);
    await expect(page.getByLabel("Message 1 text")).not.toBeEditable();
    await page.getByLabel("words (string, required)").fill("fifty");
    await page.getByLabel("transcript (string, required)").fill("Customer asked about a refund.");
    await expect(page.getByTestId("rendered-prompt")).toContainText("Summarise this call in fifty words:");
    await expectAccessible(page);
    await page.goto("/prompts/new");
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  });
});
