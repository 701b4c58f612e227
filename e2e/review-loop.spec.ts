import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test, uniqueName, type DemoUser } from "./fixtures";

// The governance loop on a fresh use case (other specs share the demo data): the owner and the
// reviewer each sign in once, in their own browser context, and take turns.

/** A second signed-in user beside the test's own page; its goto waits for hydration too. */
async function openAs(browser: Browser, user: DemoUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    await page.waitForLoadState("networkidle").catch(() => undefined);
    return response;
  };
  return page;
}

async function register(page: Page, name: string) {
  await page.goto("/use-cases/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Business owner").fill("Support operations");
  await page.getByLabel("Description").fill("Drafts replies to refund requests for an agent to check.");
  await page.getByLabel("Risk tier (EU AI Act)").selectOption("LIMITED");
  await page.getByRole("button", { name: "Add KPI" }).click();
  await page.getByLabel("KPI 1 name").fill("Handling time");
  await page.getByLabel("Target").fill("-20%");
  await page.getByRole("button", { name: "Register use case" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

async function submitForReview(page: Page) {
  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.getByRole("button", { name: "Confirm: submit for review" }).click();
  await expect(page.getByText("In review", { exact: true })).toBeVisible();
}

test.describe("the review loop @postgres", () => {
  test("changes requested → the owner edits and resubmits → the reviewer sees what changed and approves", async ({ page: owner, browser }) => {
    test.setTimeout(120_000);
    const name = uniqueName("Refund reply drafts");
    await signIn(owner, "owner");
    await register(owner, name);
    const url = owner.url();
    await submitForReview(owner);

    const reviewer = await openAs(browser, "reviewer");
    await reviewer.goto(url);
    const review = reviewer.getByRole("form", { name: "Review" });
    // Nothing is preselected: a reviewer chooses, or only asks.
    await expect(review.getByRole("radio", { checked: true })).toHaveCount(0);
    await review.getByRole("button", { name: "Post comment" }).click();
    await expect(review.getByText("choose a decision, or write a comment to ask before deciding")).toBeVisible();
    await review.getByLabel("Comment").fill("Which refund amounts can it draft for?");
    await review.getByRole("button", { name: "Post comment" }).click();
    const thread = reviewer.getByRole("list", { name: "Review thread" });
    await expect(thread.getByRole("listitem").filter({ hasText: "Which refund amounts" })).toContainText("Comment");
    // A comment decides nothing: still in review, and the same reviewer can still decide.
    await expect(reviewer.getByText("In review", { exact: true })).toBeVisible();
    await review.getByLabel("Request changes").check();
    await review.getByLabel("Comment").fill("Refunds touch payment data: classify it as confidential and cap the amount.");
    await review.getByRole("button", { name: "Record decision" }).click();
    await expect(reviewer.getByText("Changes requested", { exact: true }).first()).toBeVisible();

    // The owner answers the request: edit, save, and the change is on the page.
    await owner.reload();
    await owner.getByRole("link", { name: "Edit" }).click();
    await owner.getByLabel("Description").fill("Drafts replies to refund requests up to 200 EUR for an agent to check.");
    await owner.getByLabel("Data classification").selectOption("CONFIDENTIAL");
    await owner.getByLabel("Target").fill("-25%");
    await owner.getByRole("button", { name: "Save changes" }).click();
    await expect(owner).toHaveURL(url);
    const overview = owner.locator("section", { has: owner.getByRole("heading", { name: "Overview" }) });
    await expect(overview).toContainText("up to 200 EUR");
    await submitForReview(owner);

    // The reviewer sees, field by field, what changed since the round they asked changes on.
    await reviewer.goto(url);
    const changes = reviewer.getByRole("table", { name: "Changes since the last review" });
    await expect(changes.getByRole("row", { name: /Description/ })).toContainText("up to 200 EUR");
    await expect(changes.getByRole("row", { name: /Data classification/ })).toContainText(/Internal.*Confidential/);
    await expect(changes.getByRole("row", { name: /KPIs/ })).toContainText(/-20%.*-25%/);
    await expect(changes.getByRole("row", { name: /Name/ })).toHaveCount(0);
    await expectAccessible(reviewer);
    await review.getByLabel("Approve").check();
    await review.getByLabel("Comment").fill("Amount capped and classified: approved.");
    await review.getByRole("button", { name: "Record decision" }).click();
    await expect(reviewer.getByText("Approved", { exact: true }).first()).toBeVisible();
    await expect(thread.getByRole("listitem")).toHaveCount(3);
    await reviewer.context().close();
  });

  test("a refusal that names no field on screen shows next to the save button", async ({ page }) => {
    const name = uniqueName("Refund tone check");
    await signIn(page, "owner");
    await register(page, name);
    const url = page.url();
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Description").fill("Checks the tone of refund replies.");
    // Meanwhile, in another tab, the use case goes to review: it can no longer be edited.
    const other = await page.context().newPage();
    await other.goto(url);
    await other.waitForLoadState("networkidle");
    await submitForReview(other);
    await other.close();

    await page.getByRole("button", { name: "Save changes" }).click();
    const form = page.getByRole("form", { name: "Use case" });
    await expect(form.getByRole("alert")).toContainText("can be edited only as a draft or after changes were requested");
    await expect(page).toHaveURL(`${url}/edit`);
  });
});
