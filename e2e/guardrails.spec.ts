import { expect, expectAccessible, signIn, test } from "./fixtures";

const guardrailName = () => `support-pii-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe("guardrail catalog", () => {
  test("an engineer creates a guardrail, versions it and sees the bench's verdicts for a card number and an email", async ({ page }) => {
    const name = guardrailName();
    await signIn(page, "engineer");
    await page.goto("/guardrails");
    await page.getByRole("link", { name: "New guardrail" }).first().click();
    await expectAccessible(page);
    const useCase = page.getByLabel("Use case");
    await useCase.selectOption({ index: 1 });
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Create guardrail" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByText("Draft only")).toBeVisible();
    // With no version yet there is nothing to compare: an empty state, not a 404 (the sweep found it).
    const guardrailUrl = page.url();
    await page.goto(`${guardrailUrl}/diff`);
    await expect(page.getByText("Nothing to compare yet")).toBeVisible();
    await page.goto(guardrailUrl);

    // A catastrophic regex is refused with the field named, and nothing is saved.
    await page.getByRole("button", { name: "Add regex" }).click();
    await page.getByLabel("Name", { exact: true }).last().fill("runaway");
    await page.getByLabel("Pattern").fill("(a+)+$");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("sensitiveInformationPolicy.regexes.0.pattern")).toBeVisible();
    await expect(page.getByText("may backtrack catastrophically").first()).toBeVisible();
    await page.getByRole("button", { name: "Remove regex 1" }).click();

    await page.getByLabel("CREDIT_DEBIT_CARD_NUMBER").selectOption("BLOCK");
    await page.getByLabel("EMAIL").selectOption("ANONYMIZE");
    await page.getByLabel("Message when input is blocked").fill("Please do not share card numbers.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Draft saved")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Create version" }).click();
    await page.getByLabel("What changed").fill("Block cards, anonymize emails");
    await page.getByRole("button", { name: "Confirm: create version 1" }).click();
    await expect(page.getByText("Version 1 created")).toBeVisible();
    await expect(page.getByText("Publish version 1 to Bedrock")).toBeVisible();
    await expect(page.getByRole("list", { name: "Versions" }).getByText("Block cards, anonymize emails")).toBeVisible();

    await page.getByRole("link", { name: "Test bench" }).click();
    await expect(page.getByText("Topics, content filters and grounding need Bedrock")).toBeVisible();
    await page.getByLabel("Run against").selectOption("1");

    await page.getByLabel("Sample text").fill("My card is 4111 1111 1111 1111, charge it.");
    await page.getByRole("button", { name: "Evaluate" }).click();
    const verdict = page.getByRole("region", { name: "Verdict" });
    await expect(verdict.getByText("Intervened — blocked")).toBeVisible();
    await expect(verdict.getByText("CREDIT_DEBIT_CARD_NUMBER")).toBeVisible();
    await expect(verdict.getByTestId("verdict-output")).toHaveText("Please do not share card numbers.");

    await page.getByRole("radio", { name: /OUTPUT/ }).check();
    await page.getByLabel("Sample text").fill("Reach Dana at dana.whitfield@example.com for the refund.");
    await page.getByRole("button", { name: "Evaluate" }).click();
    await expect(verdict.getByText("Intervened — anonymized")).toBeVisible();
    await expect(verdict.getByTestId("verdict-output")).toHaveText("Reach Dana at {EMAIL} for the refund.");

    // A Luhn-invalid number is let through.
    await page.getByRole("radio", { name: /INPUT/ }).check();
    await page.getByLabel("Sample text").fill("Reference 4111 1111 1111 1112");
    await page.getByRole("button", { name: "Evaluate" }).click();
    await expect(verdict.getByText("Not intervened")).toBeVisible();

    // A saved case re-run against version 1 is compared with its expectation.
    const caseForm = page.getByRole("form", { name: "Save a test case" });
    await caseForm.getByLabel("Name").fill("card in prompt");
    await caseForm.getByLabel("Expected verdict").selectOption("true");
    await caseForm.getByLabel("Text", { exact: true }).fill("pay with 5500-0000-0000-0004");
    await caseForm.getByRole("button", { name: "Save test case" }).click();
    await expect(page.getByText("Test case saved")).toBeVisible();
    await page.getByRole("button", { name: "Run all against version 1" }).click();
    await expect(page.getByText("Version 1: 1 of 1 as expected")).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("guardrail test bench across teams", () => {
  // Regression: another team's product owner was offered (and allowed) to save and delete this
  // team's saved test cases. Reads and bench runs stay organisation-wide; the server refusal is
  // proven by app/rbac-matrix.test.ts.
  test("Finance Operations' product owner runs a Customer Support guardrail's saved cases but is not offered to change them", async ({ page }) => {
    await signIn(page, "financeOwner");
    await page.goto("/guardrails");
    await page.getByRole("link", { name: "support-pii" }).first().click();
    await page.getByRole("link", { name: "Test bench" }).click();
    await expect(page.getByRole("cell", { name: "Card in a ticket", exact: true })).toBeVisible();
    await expect(page.getByRole("form", { name: "Save a test case" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Delete test case/ })).toHaveCount(0);
    await expect(page.getByText("Run only: saving and deleting test cases is for this use case's team and governance reviewers.")).toBeVisible();
    await page.getByRole("button", { name: "Run all against draft" }).click();
    await expect(page.getByRole("status").filter({ hasText: "as expected" })).toBeVisible();
    await expectAccessible(page);
  });
});
