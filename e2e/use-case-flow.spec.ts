import { expect, expectAccessible, signIn, signOut, test, uniqueName } from "./fixtures";

test.describe("use-case registry @postgres", () => {
  test("a product owner registers and submits a use case, a reviewer approves it", async ({ page }) => {
    const name = uniqueName("Contract clause finder");
    await signIn(page, "owner");
    await page.getByRole("link", { name: "Register use case" }).click();
    await expectAccessible(page);

    // Bad input is named field by field and nothing is saved.
    await page.getByLabel("Name").fill("ab");
    await page.getByRole("button", { name: "Register use case" }).click();
    await expect(page.getByText("must be at least 3 characters").first()).toBeVisible();

    await page.getByLabel("Name").fill(name);
    await expect(page.getByLabel("Slug")).toHaveValue(/^contract-clause-finder-/);
    await page.getByLabel("Business owner").fill("Legal operations");
    await page.getByLabel("Description").fill("Finds risky clauses in supplier contracts.");
    await page.getByLabel("Risk tier (EU AI Act)").selectOption("LIMITED");
    await page.getByLabel("Data classification").selectOption("CONFIDENTIAL");
    await page.getByLabel("Handles personal data").check();
    await page.getByRole("button", { name: "Add KPI" }).click();
    await page.getByLabel("KPI 1 name").fill("Review time saved");
    await page.getByLabel("Target").fill(">= 40%");
    await page.getByLabel("Next review date").fill("2027-05-01");
    await page.getByRole("button", { name: "Register use case" }).click();

    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();
    await expect(page.getByText("Review time saved")).toBeVisible();
    await expectAccessible(page);
    const url = page.url();

    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.getByRole("button", { name: "Confirm: submit for review" }).click();
    await expect(page.getByText("In review", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Submit for review" })).toHaveCount(0);

    await signOut(page);
    await signIn(page, "reviewer");
    await page.goto(url);
    await expect(page.getByText("0 of 1 approval from different reviewers so far.")).toBeVisible();
    await page.getByRole("radio", { name: "Approve" }).check();
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("is required: say why")).toBeVisible();
    await page.getByLabel("Comment").fill("DPIA on file; limited risk confirmed.");
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("DPIA on file; limited risk confirmed.")).toBeVisible();
    await expect(page.getByRole("form", { name: "Review" })).toHaveCount(0);
    // History comes from the audit log, in words rather than action codes.
    const history = page.getByRole("region", { name: "History" }).or(page.locator("section", { hasText: "History" }));
    await expect(history.getByText("Approved", { exact: true })).toBeVisible();
    await expect(history.getByText("Submitted for review", { exact: true })).toBeVisible();
    await expect(history.getByText(/use-case\.|^submit$/)).toHaveCount(0);
  });

  test("a high-risk use case needs two different reviewers", async ({ page }) => {
    await signIn(page, "reviewer");
    await page.goto("/use-cases?q=customer-chat-assistant");
    await page.getByRole("link", { name: "Customer chat assistant" }).click();
    await expect(page.getByText("0 of 2 approvals")).toBeVisible();
    await page.getByRole("radio", { name: "Approve" }).check();
    await page.getByLabel("Comment").fill("Human hand-off verified.");
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("Human hand-off verified.")).toBeVisible();
    await expect(page.getByText("In review", { exact: true })).toBeVisible();

    await signOut(page);
    await signIn(page, "reviewer2");
    await page.goto("/use-cases?q=customer-chat-assistant");
    await page.getByRole("link", { name: "Customer chat assistant" }).click();
    await expect(page.getByText("1 of 2 approvals")).toBeVisible();
    await page.getByRole("radio", { name: "Approve" }).check();
    await page.getByLabel("Comment").fill("Second approval.");
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
  });

  test("the list searches, filters, sorts and flags overdue reviews", async ({ page }) => {
    await signIn(page, "viewer");
    await expectAccessible(page);
    await page.getByLabel("Status").selectOption("REJECTED");
    await expect(page).toHaveURL(/status=REJECTED/);
    await expect(page.getByRole("link", { name: "Employee credit scoring" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Support ticket triage" })).toHaveCount(0);
    await page.goto("/use-cases?overdue=true");
    await expect(page.getByRole("link", { name: "Invoice field extraction" })).toBeVisible();
    await expect(page.getByText("Review overdue").first()).toBeVisible();
    await page.goto("/use-cases?q=zzzz-nothing");
    await expect(page.getByText("No use cases match these filters")).toBeVisible();
    await page.goto("/use-cases?sort=name&order=asc");
    const names = await page.locator("tbody tr td:first-child a").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
