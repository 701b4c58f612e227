import { expect, expectFieldError, expectRefused, expectSaved, signIn, test, uniqueName } from "./fixtures";

// Issue 8: every edit form changes a field, saves, and shows the change after a reload; a bad
// value is refused next to its field and nothing of it is saved. A use-case form once shipped
// whose save did nothing because no test went that far. Each test edits a record it creates.

const csv = (rows: [string, string][]) => Buffer.from(["input.transcript,expected", ...rows.map((r) => r.join(","))].join("\n"));

test.describe("edit forms: catalog", () => {
  test("prompt draft: description and temperature survive a reload, also when typed while a save is in flight; a too-long stop sequence and too many variables are refused where they are edited @postgres", async ({ page }) => {
    const name = uniqueName("edit-prompt").replace(/\s+/g, "-");
    await signIn(page, "engineer");
    await page.goto("/prompts/new");
    await page.getByLabel("Use case").selectOption({ label: "Call summaries (Customer Support)" });
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Template").fill("Summarise this call: {{transcript}}");
    await page.getByRole("button", { name: "Create prompt" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();

    const save = page.getByRole("button", { name: "Save draft" });
    const description = page.getByLabel("Description", { exact: true });
    await description.fill("Summaries for the weekly review");
    await page.getByLabel("Temperature").fill("0.2");
    // The author keeps typing while the save is on its way (held here until they have): when it
    // lands, what they typed stays, still unsaved, and the next save keeps it.
    const promptUrl = page.url();
    let letSaveThrough!: () => void;
    const held = new Promise<void>((resolve) => (letSaveThrough = resolve));
    await page.route(promptUrl, async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    await save.click();
    await expect(page.getByRole("button", { name: "Saving…" })).toBeVisible();
    await description.fill("Summaries for the weekly review and the audit");
    letSaveThrough();
    await expectSaved(page, "Draft saved");
    await expect(description).toHaveValue("Summaries for the weekly review and the audit");
    await expect(page.getByText("Unsaved changes", { exact: true })).toBeVisible();
    await page.unroute(promptUrl);
    await save.click();
    await expect(page.getByText("Unsaved changes", { exact: true })).toHaveCount(0);

    // Both refusals once had nowhere to show: the toast pointed at highlighted fields, and none was.
    await expectRefused(page.getByLabel("Stop sequences"), "#".repeat(101), save, "Stop sequence 1: must be at most 100 characters");
    await page.getByLabel("Template", { exact: true }).fill(Array.from({ length: 51 }, (_, i) => `{{v${i}}}`).join(" "));
    await save.click();
    await expect(page.getByRole("alert").filter({ hasText: "Variables: at most 50 variables" })).toBeVisible();

    await page.reload();
    await expect(description).toHaveValue("Summaries for the weekly review and the audit");
    await expect(page.getByLabel("Temperature")).toHaveValue("0.2");
    await expect(page.getByLabel("Stop sequences")).toHaveValue("");
    await expect(page.getByLabel("Template", { exact: true })).toHaveValue("Summarise this call: {{transcript}}");
  });

  test("guardrail draft: a blocked message and a PII action survive a reload; a grounding threshold above 1 is refused at its field", async ({ page }) => {
    const name = `edit-guardrail-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    await signIn(page, "engineer");
    await page.goto("/guardrails/new");
    await page.getByLabel("Use case").selectOption({ label: "Call summaries" });
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Create guardrail" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();

    await page.getByLabel("Message when input is blocked").fill("Please leave card numbers out of call notes.");
    await page.getByLabel("EMAIL").selectOption("ANONYMIZE");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expectSaved(page, "Draft saved");

    await expectRefused(page.getByLabel("GROUNDING threshold (0–1, empty = off)"), "1.5", page.getByRole("button", { name: "Save draft" }), "must be between 0 and 1");

    await page.reload();
    await expect(page.getByLabel("Message when input is blocked")).toHaveValue("Please leave card numbers out of call notes.");
    await expect(page.getByLabel("EMAIL")).toHaveValue("ANONYMIZE");
    await expect(page.getByLabel("GROUNDING threshold (0–1, empty = off)")).toHaveValue("");
  });

  test("release draft: notes and knowledge bases survive a reload; a malformed knowledge base id is refused at its field", async ({ page }) => {
    const notes = uniqueName("Notes written by hand");
    await signIn(page, "engineer");
    await page.goto("/releases/new");
    await page.getByLabel("Use case").selectOption({ label: "Support ticket triage (Customer Support, in production)" });
    await expect(page.getByLabel("Notes")).toHaveValue(/^Changes from release #1/);
    await page.getByRole("button", { name: "Create draft release" }).click();
    await expect(page.getByRole("heading", { name: /^Release #\d+$/ })).toBeVisible();
    const releaseUrl = page.url();

    await page.getByRole("link", { name: "Edit" }).click();
    // The notes are still the drafted ones, so a pin change redrafts them. The author starts
    // typing while that redraft is on its way (held here until they have): what they typed stays.
    await expect(page.getByText("Drafted from the diff against what runs in production")).toBeVisible();
    let letRedraftThrough!: () => void;
    const held = new Promise<void>((resolve) => (letRedraftThrough = resolve));
    await page.route(`${releaseUrl}/edit`, async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    await page.getByLabel("Knowledge base ids").fill("KB12345678, KB87654321");
    await expect(page.getByRole("button", { name: "Drafting…" })).toBeVisible();
    await page.getByLabel("Notes").fill(notes);
    letRedraftThrough();
    await expect(page.getByRole("button", { name: "Redraft from the bundle" })).toBeEnabled();
    await expect(page.getByLabel("Notes")).toHaveValue(notes);
    await page.unroute(`${releaseUrl}/edit`);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expectSaved(page, "Release saved");
    await expect(page).toHaveURL(releaseUrl);

    await page.reload();
    await expect(page.getByText(notes)).toBeVisible();
    for (const kb of ["KB12345678", "KB87654321"]) await expect(page.getByText(kb, { exact: true })).toBeVisible();

    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByLabel("Notes")).toHaveValue(notes);
    await expectRefused(page.getByLabel("Knowledge base ids"), "kb-bad", page.getByRole("button", { name: "Save draft" }), "must be a Bedrock knowledge base id: 10 uppercase letters or digits (e.g. KB12345678)");
    await page.reload();
    await expect(page.getByLabel("Knowledge base ids")).toHaveValue("KB12345678, KB87654321");
  });

  test("dataset draft: a replacing import survives a reload; a file of the wrong kind is refused at its field", async ({ page }) => {
    const name = uniqueName("edit golden");
    await signIn(page, "engineer");
    await page.goto("/datasets/new");
    await page.getByLabel("Use case").selectOption({ label: "Call summaries (Customer Support)" });
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Create dataset" }).click();
    await page.getByLabel("CSV or JSONL file").setInputFiles({ name: "v1.csv", mimeType: "text/csv", buffer: csv([["refund call", "old-summary-a"], ["outage call", "old-summary-b"]]) });
    await page.getByRole("button", { name: "Import 2 good rows" }).click();
    await expect(page.getByRole("heading", { name: "Draft: 2 items" })).toBeVisible();

    await page.getByRole("link", { name: "Import items" }).first().click();
    await page.getByLabel("CSV or JSONL file").setInputFiles({ name: "v2.csv", mimeType: "text/csv", buffer: csv([["refund call", "new-summary-a"]]) });
    await page.getByLabel("Replace the draft with the good rows").check();
    await page.getByRole("button", { name: "Import 1 good row" }).click();
    await expectSaved(page, "1 item imported");
    await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();

    await page.reload();
    await expect(page.getByRole("heading", { name: "Draft: 1 item" })).toBeVisible();
    await expect(page.getByText("new-summary-a")).toBeVisible();
    await expect(page.getByText(/old-summary/)).toHaveCount(0);

    await page.getByRole("link", { name: "Import items" }).first().click();
    await page.getByLabel("CSV or JSONL file").setInputFiles({ name: "summaries.txt", mimeType: "text/plain", buffer: Buffer.from("not a dataset") });
    await expectFieldError(page.getByLabel("CSV or JSONL file"), "Choose a .csv or .jsonl file");
    await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  });

  test("evaluation gate: a changed comparison and threshold survive a reload; a non-numeric threshold is refused at its field", async ({ page }) => {
    // A use case nobody posts runs to, and a metric of this test's own: its gate judges no other spec's runs.
    const metric = `edit_gate_${Date.now().toString(36)}`;
    await signIn(page, "financeOwner");
    await page.goto("/evaluations/gates");
    await page.getByLabel("Use case").selectOption({ label: "Invoice field extraction" });
    await page.getByRole("button", { name: "Add gate" }).first().click();
    await page.getByLabel("Metric").fill(metric);
    await page.getByLabel("Threshold").fill("0.5");
    await page.getByRole("dialog").getByRole("button", { name: "Add gate" }).click();
    await expectSaved(page, `Gate ${metric} >= 0.5 saved`);

    await page.getByRole("button", { name: `Edit gate ${metric} >= 0.5` }).click();
    await page.getByLabel("Comparison").selectOption("LTE");
    await page.getByLabel("Threshold").fill("0.75");
    await page.getByRole("button", { name: "Save gate" }).click();
    await expectSaved(page, `Gate ${metric} <= 0.75 saved`);

    // What is typed and then cancelled is discarded: the dialog reopens on the saved gate.
    const edit = page.getByRole("button", { name: `Edit gate ${metric} <= 0.75` });
    await edit.click();
    await page.getByLabel("Comparison").selectOption("GT");
    await page.getByLabel("Threshold").fill("0.9");
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await edit.click();
    await expect(page.getByLabel("Comparison")).toHaveValue("LTE");
    await expect(page.getByLabel("Threshold")).toHaveValue("0.75");
    await expectRefused(page.getByLabel("Threshold"), "most", page.getByRole("button", { name: "Save gate" }), "must be a finite number");

    await page.reload();
    const gates = page.getByRole("table", { name: "Gates" });
    await expect(gates.getByText(`${metric} <= 0.75`)).toBeVisible();
    await expect(gates.getByText(`${metric} >= 0.5`)).toHaveCount(0);
  });
});
