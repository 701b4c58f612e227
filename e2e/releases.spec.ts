import { expect, expectAccessible, signIn, signOut, test } from "./fixtures";
import type { Page } from "@playwright/test";

// Release bundles through the app, on the seeded "Support ticket triage" use case (HIGH tier:
// two reviewers). The seed has a golden dataset version, the use case's gates, a failing run
// (rc-1) and passing runs (rc-2, rc-3), and release #1 running in production.

const SHOTS = process.env.E2E_SCREENSHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

async function pickRun(page: Page, candidate: string) {
  const select = page.getByLabel("Evaluation run");
  const value = await select.locator("option", { hasText: candidate }).getAttribute("value");
  await select.selectOption(value!);
}

test.describe("release bundles and approval @postgres", () => {
  test("an engineer drafts a release, submit is refused on a failing run, two reviewers approve, and the diff shows the change", async ({ page }) => {
    // Three sign-ins and six pages checked for accessibility: longer than the default minute.
    test.setTimeout(150_000);
    await signIn(page, "engineer");
    await page.goto("/releases");
    await expect(page.getByRole("heading", { name: "Releases" })).toBeVisible();
    await shot(page, "releases-list");
    await expectAccessible(page);
    await page.getByRole("link", { name: "New release" }).first().click();
    await expect(page.getByRole("heading", { name: "New release" })).toBeVisible();
    await shot(page, "release-new-picker");
    await page.getByLabel("Use case").selectOption({ label: "Support ticket triage (Customer Support, in production)" });
    await expect(page.getByRole("heading", { name: "New release of Support ticket triage" })).toBeVisible();

    // Defaults: the roles of what runs in production (release #1), each at its prompt's newest
    // version (other specs add prompts to this use case: they are not pulled in); notes drafted
    // against production.
    await expect(page.getByLabel("Role 1", { exact: true })).toHaveValue("triage");
    await expect(page.getByLabel("Role 2", { exact: true })).toHaveCount(0);
    await expect(page.getByLabel("Notes")).toHaveValue(/^Changes from release #1, which runs in production now:/);
    await page.getByLabel("Role 1", { exact: true }).fill("triage");
    await page.getByLabel("Knowledge base ids").fill("kb-bad");
    await page.getByRole("button", { name: "Create draft release" }).click();
    await expect(page.getByText("must be a Bedrock knowledge base id: 10 uppercase letters or digits (e.g. KB12345678)")).toBeVisible();
    await page.getByLabel("Knowledge base ids").fill("KB12345678");
    await pickRun(page, "rc-1");
    await expect(page.getByText("Run #1 against the current gates:")).toBeVisible();
    await page.getByRole("button", { name: "Redraft from the bundle" }).click();
    await expect(page.getByLabel("Notes")).toHaveValue(/Prompt role `triage`: ticket-classifier v1 → ticket-classifier v2/);
    await shot(page, "release-new");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Create draft release" }).click();

    const heading = page.getByRole("heading", { name: /^Release #\d+$/ });
    await expect(heading).toBeVisible();
    const releaseUrl = page.url();
    const number = (await heading.textContent())!.replace("Release #", "");
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Submit for approval" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Submit refused" });
    await expect(refusal).toContainText("accuracy >= 0.85: 0.78 < 0.85");
    await shot(page, "release-draft-refused");
    await expectAccessible(page);

    // The evidence is fixed on the draft (a passing run on the same dataset version), then submitted.
    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByRole("heading", { name: `Edit release #${number} of Support ticket triage` })).toBeVisible();
    await pickRun(page, "rc-3");
    // Notes nobody edited by hand follow the pins.
    await expect(page.getByLabel("Notes")).toHaveValue(/Evaluation run #3 \(rc-3 \(classifier v2\)\):\n- accuracy: 0\.93 \(production 0\.91, \+0\.02\)/);
    await shot(page, "release-edit");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(releaseUrl);
    await expect(page.getByRole("link", { name: /Run #3/ })).toBeVisible();
    await page.getByRole("button", { name: "Submit for approval" }).click();
    await expect(page.getByText("Awaiting approval").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await signOut(page);

    await signIn(page, "reviewer");
    await page.goto(releaseUrl);
    await expect(page.getByText("0 of 2", { exact: true })).toBeVisible();
    await page.getByRole("radio", { name: "Approve" }).check();
    await page.getByLabel("Comment").fill("Gates pass on the golden set; the v2 prompt is an improvement.");
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("1 of 2", { exact: true })).toBeVisible();
    await expect(page.getByText("You already decided on this release.")).toBeVisible();
    await signOut(page);

    await signIn(page, "reviewer2");
    await page.goto(releaseUrl);
    await page.getByRole("radio", { name: "Approve" }).check();
    await page.getByLabel("Comment").fill("Second approval for the high tier.");
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("2 of 2", { exact: true })).toBeVisible();
    await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
    const thread = page.getByRole("list", { name: "Review thread" });
    await expect(thread.getByRole("listitem")).toHaveCount(2);
    await expect(page.getByRole("list", { name: "Status timeline" })).toContainText("Submitted for approval");
    await shot(page, "release-approved");
    await expectAccessible(page);

    // Compare with what runs in production.
    const first = await page.getByLabel("Compare with").locator("option", { hasText: "Release #1 " }).getAttribute("value");
    await page.getByLabel("Compare with").selectOption(first!);
    await expect(page.getByRole("heading", { name: `Compare Release #1 and Release #${number}` })).toBeVisible();
    const role = page.getByRole("region", { name: "Role triage" });
    await expect(role).toContainText("ticket-classifier v1 → ticket-classifier v2");
    await expect(page.getByRole("row", { name: /accuracy/ })).toContainText("+0.02");
    await expect(page.getByRole("row", { name: /Knowledge bases/ })).toContainText("KB12345678");
    await shot(page, "release-diff");
    await expectAccessible(page);
  });

  test("changes requested end a release; a new attempt is a copy, and a draft can be deleted", async ({ page }) => {
    await signIn(page, "engineer");
    await page.goto("/releases/new");
    await page.getByLabel("Use case").selectOption({ label: "Support ticket triage (Customer Support, in production)" });
    await expect(page.getByLabel("Notes")).toHaveValue(/Changes from release #1/);
    await page.getByRole("button", { name: "Create draft release" }).click();
    await expect(page.getByRole("heading", { name: /^Release #\d+$/ })).toBeVisible();
    await page.getByRole("button", { name: "Submit for approval" }).click();
    await expect(page.getByText("Awaiting approval").first()).toBeVisible();
    const releaseUrl = page.url();
    await signOut(page);

    await signIn(page, "reviewer");
    await page.goto(releaseUrl);
    // A reviewer may ask before deciding (nothing is preselected): a comment changes nothing.
    await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
    await page.getByLabel("Comment").fill("Is the triage role the one the application asks for?");
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByRole("list", { name: "Review thread" }).getByRole("listitem").filter({ hasText: "Is the triage role" })).toContainText("Comment");
    await expect(page.getByText("Awaiting approval").first()).toBeVisible();
    await page.getByLabel("Request changes").check();
    await page.getByLabel("Comment").fill("Name the role the application asks for (triage).");
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("Changes requested").first()).toBeVisible();
    await signOut(page);

    await signIn(page, "engineer");
    await page.goto(releaseUrl);
    await page.getByRole("button", { name: "New attempt" }).click();
    await expect(page.getByRole("heading", { name: /^Edit release #\d+ of Support ticket triage$/ })).toBeVisible();
    await expect(page.getByLabel("Role 1", { exact: true })).toHaveValue("triage");
    await page.getByRole("link", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete draft" }).click();
    await expect(page).toHaveURL(/\/releases$/);
    await page.goto("/releases?status=CHANGES_REQUESTED");
    await expect(page.getByRole("table")).toContainText("Changes requested");
  });
});
