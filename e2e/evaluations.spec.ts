import type { Page } from "@playwright/test";
import { expect, expectAccessible, expectFieldError, signIn, test, uniqueName } from "./fixtures";

// A use case of the demo team that no other spec evaluates: the gate this spec adds cannot make
// another spec's runs fail (the releases spec runs on "Support ticket triage").
const USE_CASE = "Call summaries";
const GATED_USE_CASE = "Support ticket triage";
const SHOTS = process.env.E2E_SCREENSHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

const jsonl = (lines: unknown[]) => Buffer.from(lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n"));
const item = (i: number, passed: boolean) => ({ itemIndex: i, input: { ticket: `ticket-${i}` }, output: passed ? `label-${i}` : "other", expected: `label-${i}`, scores: { exact_match: passed ? 1 : 0 }, passed });

/** A dataset of the demo use case with version 1 (3 items), made through the datasets UI. */
async function createDatasetVersion(page: Page) {
  const name = uniqueName("eval golden");
  await page.goto("/datasets/new");
  await page.getByLabel("Use case").selectOption({ label: `${USE_CASE} (Customer Support)` });
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create dataset" }).click();
  await expect(page.getByRole("heading", { name: `Import into ${name}` })).toBeVisible();
  await page.getByLabel("CSV or JSONL file").setInputFiles({ name: "golden.csv", mimeType: "text/csv", buffer: Buffer.from("input.ticket,expected\nticket-0,label-0\nticket-1,label-1\nticket-2,label-2\n") });
  await page.getByRole("button", { name: "Import 3 good rows" }).click();
  await expect(page.getByRole("heading", { name: "Draft: 3 items" })).toBeVisible();
  await page.getByRole("button", { name: "Create version" }).click();
  await page.getByLabel("Commit message").fill("For evaluation runs");
  await page.getByRole("button", { name: "Confirm: create version 1" }).click();
  await expect(page.getByText("Version 1 created")).toBeVisible();
  return name;
}

async function upload(page: Page, dataset: string, candidate: string, file: Buffer) {
  await page.goto("/evaluations/upload");
  await page.getByLabel("Use case").selectOption({ label: USE_CASE });
  await page.getByLabel("Dataset version").selectOption({ label: `${dataset} v1 (3 items)` });
  await page.getByLabel("Release candidate").fill(candidate);
  await page.getByLabel("JSONL file").setInputFiles({ name: `${candidate}.jsonl`, mimeType: "application/jsonl", buffer: file });
}

test.describe("evaluation runs and gates @postgres", () => {
  test("owner sets a gate; engineer uploads a failing and a passing run and compares them", async ({ page }) => {
    // Three sign-ins, a dataset, three uploads and seven accessibility scans: more than the default minute.
    test.slow();
    // A metric of this test's own: other tests may add gates to the demo use case.
    const metric = `accuracy_${Date.now().toString(36)}`;
    await signIn(page, "owner");
    await page.goto("/evaluations");
    await page.getByRole("link", { name: "Gates" }).click();
    await expect(page.getByRole("heading", { name: "Evaluation gates" })).toBeVisible();
    await page.getByLabel("Use case").selectOption({ label: USE_CASE });
    await expect(page.getByRole("heading", { name: `Gates of ${USE_CASE}` })).toBeVisible();
    await page.getByRole("button", { name: "Add gate" }).first().click();
    await page.getByLabel("Metric").fill(metric);
    await page.getByLabel("Comparison").selectOption("GTE");
    await page.getByLabel("Threshold").fill("high");
    await page.getByRole("dialog").getByRole("button", { name: "Add gate" }).click();
    await expect(page.getByRole("dialog").getByText("must be a finite number")).toBeVisible();
    await shot(page, "gate-dialog");
    await page.getByLabel("Threshold").fill("0.85");
    await page.getByRole("dialog").getByRole("button", { name: "Add gate" }).click();
    await expect(page.getByRole("table", { name: "Gates" }).getByText(`${metric} >= 0.85`)).toBeVisible();
    await expectAccessible(page);
    await shot(page, "gates");

    await signIn(page, "engineer");
    const dataset = await createDatasetVersion(page);
    const failing = `rc-fail-${Date.now().toString(36)}`;
    const passing = `rc-pass-${Date.now().toString(36)}`;

    // A bad line is named in the report and nothing can be uploaded.
    await upload(page, dataset, failing, jsonl([{ metrics: { [metric]: 0.5 } }, item(0, true), '{"input": {}, "output": 7}', { ...item(1, true), itemIndex: 9 }]));
    const report = page.getByRole("table", { name: "Validation report" });
    await expect(report.getByRole("row")).toHaveCount(3);
    await expect(report.getByRole("row").nth(1)).toHaveText(/^3\s*output\s*must be text$/);
    await expect(report.getByRole("row").nth(2)).toHaveText(/^4\s*itemIndex\s*must be less than 3/);
    await expect(page.getByRole("button", { name: "Upload run" })).toBeDisabled();
    await expectAccessible(page);
    await shot(page, "upload-report");

    // A file of another kind is refused at its field, which tells a screen reader why.
    await page.getByLabel("JSONL file").setInputFiles({ name: "results.csv", mimeType: "text/csv", buffer: Buffer.from("itemIndex,passed\n0,true\n") });
    await expectFieldError(page.getByLabel("JSONL file"), "Choose a .jsonl file");
    await expect(report).toHaveCount(0);
    await shot(page, "upload-refused");

    // The failing run: the gate is shown failing, with the value and the reason.
    await page.getByLabel("JSONL file").setInputFiles({ name: "fail.jsonl", mimeType: "application/jsonl", buffer: jsonl([{ metrics: { [metric]: 0.5, latency_p95_ms: 2400 } }, item(0, true), item(1, false), item(2, true)]) });
    await expect(page.getByText("Every line is valid.")).toBeVisible();
    await page.getByRole("button", { name: "Upload run" }).click();
    await expect(page.getByText("Run failed", { exact: true })).toBeVisible();
    const gateRow = page.getByRole("table", { name: "Gate results" }).getByRole("row", { name: new RegExp(metric) });
    await expect(gateRow).toContainText(`${metric} >= 0.85`);
    await expect(gateRow).toContainText("0.5");
    await expect(gateRow).toContainText("0.5 < 0.85");
    await expect(page.getByRole("table", { name: "Items" }).getByRole("row")).toHaveCount(4);
    await expectAccessible(page);
    await shot(page, "run-failed");
    const failedRunUrl = page.url();

    // Healthy values for the gates a demo use case usually carries, should this one gain them.
    const healthy = { accuracy: 0.93, latency_p95_ms: 2100, cost_per_request_usd: 0.004, guardrail_intervention_rate: 0.01 };
    await upload(page, dataset, passing, jsonl([{ metrics: { [metric]: 0.95, ...healthy } }, item(0, true), item(1, true), item(2, false)]));
    await expect(page.getByText("Every line is valid.")).toBeVisible();
    await page.getByRole("button", { name: "Upload run" }).click();
    await expect(page.getByText("Run passed", { exact: true })).toBeVisible();
    await shot(page, "run-passed");

    // Compare: the failing run is the baseline, this one the candidate.
    const baseline = await page.locator("#compare-a option", { hasText: failing }).getAttribute("value");
    await page.getByLabel("Compare with (baseline)").selectOption(baseline!);
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByRole("heading", { name: "Compare evaluation runs" })).toBeVisible();
    const metrics = page.getByRole("table", { name: "Metrics compared" });
    await expect(metrics.getByRole("row", { name: new RegExp(metric) })).toContainText("+0.45");
    await expect(metrics.getByRole("row", { name: /latency_p95_ms/ })).toContainText("−300");
    await expect(page.getByRole("heading", { name: "Regressions: passed → failed (1)" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Fixes: failed → passed (1)" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Unchanged verdict (1)" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Regressions: passed → failed" })).toContainText("#2");
    await expectAccessible(page);
    await shot(page, "compare");

    // The list shows both runs with their verdicts.
    await page.goto("/evaluations");
    const runs = page.getByRole("table", { name: "Evaluation runs" });
    await expect(runs.getByRole("row", { name: new RegExp(failing) })).toContainText("Failed");
    await expect(runs.getByRole("row", { name: new RegExp(passing) })).toContainText("Passed");
    await expectAccessible(page);
    await shot(page, "runs");
    // A use case without runs explains how CI posts them.
    await page.getByLabel("Use case").selectOption({ label: "Invoice field extraction" });
    await expect(page.getByRole("heading", { name: "This use case has no evaluation runs yet" })).toBeVisible();
    await expect(page.getByText("/api/v1/evaluation-runs")).toBeVisible();
    await expectAccessible(page);
    await shot(page, "runs-empty");

    // The owner deletes the gate (with confirmation); the failed run keeps its verdict but says
    // that it would pass against today's gates.
    await signIn(page, "owner");
    await page.goto("/evaluations/gates");
    await page.getByLabel("Use case").selectOption({ label: USE_CASE });
    await page.getByRole("button", { name: `Delete gate ${metric} >= 0.85` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete gate" }).click();
    await expect(page.getByText("Gate deleted")).toBeVisible();
    await expect(page.getByText(`${metric} >= 0.85`)).toHaveCount(0);
    await page.goto(failedRunUrl);
    await expect(page.getByText("Run failed", { exact: true })).toBeVisible();
    const drift = page.getByRole("region", { name: "Gates changed since this run" });
    await expect(drift).toContainText(`Removed or changed: ${metric} >= 0.85`);
    await expect(drift).toContainText("Against today's gates this run would pass");
    await expectAccessible(page);
    await shot(page, "run-gates-changed");
  });

  test("a viewer reads runs and gates but cannot upload or change gates", async ({ page }) => {
    await signIn(page, "viewer");
    await page.goto("/evaluations");
    await expect(page.getByRole("heading", { name: "Evaluations" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Upload a run" })).toHaveCount(0);
    expect((await page.goto("/evaluations/upload"))?.status()).toBe(403);
    await page.goto("/evaluations/gates");
    await page.getByLabel("Use case").selectOption({ label: GATED_USE_CASE });
    await expect(page.getByRole("heading", { name: `Gates of ${GATED_USE_CASE}` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add gate" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Edit gate/ })).toHaveCount(0);
  });
});
