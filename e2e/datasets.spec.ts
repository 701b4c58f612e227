import fs from "node:fs/promises";
import { expect, expectAccessible, signIn, test, uniqueName } from "./fixtures";

const CSV = [
  "input.ticket,input.customer,expected,tags",
  '"Printer, on fire",ACME,hardware,p1;printer',
  "Refund please,Globex,,billing",
  '"Card declined\nat checkout",Initech,billing,payments',
].join("\n");

test.describe("golden datasets @postgres", () => {
  test("an engineer imports a CSV with one bad row, keeps the good rows, versions and exports them", async ({ page }) => {
    const name = uniqueName("triage golden");
    await signIn(page, "engineer");
    await page.goto("/datasets");
    await page.getByRole("link", { name: "New dataset" }).first().click();
    await expect(page.getByRole("heading", { name: "New dataset" })).toBeVisible();
    await page.getByLabel("Use case").selectOption({ label: "Support ticket triage (Customer Support)" });
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Create dataset" }).click();

    await expect(page.getByRole("heading", { name: `Import into ${name}` })).toBeVisible();
    await page.getByLabel("CSV or JSONL file").setInputFiles({ name: "golden.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    // The report names the bad row (the header is row 1) and the field at fault.
    const report = page.getByRole("table", { name: "Validation report" });
    await expect(report.getByRole("row")).toHaveCount(2);
    await expect(report.getByRole("row").nth(1)).toHaveText(/^3\s*expected\s*is required$/);
    await expect(page.getByText("2 good rows", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Import 2 good rows" }).click();

    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Draft: 2 items" })).toBeVisible();
    await expect(page.getByText("Printer, on fire")).toBeVisible();
    await expect(page.getByText("Refund please")).toHaveCount(0);

    await page.getByRole("button", { name: "Create version" }).click();
    await page.getByLabel("Commit message").fill("First golden set");
    await page.getByRole("button", { name: "Confirm: create version 1" }).click();
    await expect(page.getByText("Version 1 created")).toBeVisible();
    await expect(page.getByRole("list", { name: "Versions" }).getByText("First golden set")).toBeVisible();
    await expectAccessible(page);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export v1 CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/-v1\.csv$/);
    const body = await fs.readFile((await file.path())!, "utf8");
    expect(body).toBe('input.ticket,input.customer,expected,tags\r\n"Printer, on fire",ACME,hardware,p1;printer\r\n"Card declined\nat checkout",Initech,billing,payments\r\n');
  });
});
