import { expect, expectAccessible, signIn, test, uniqueName } from "./fixtures";

// Publishing to Bedrock against the local AWS fake (a Playwright webServer on E2E_PORT_BASE+802):
// the app's real SDK clients talk to it over HTTP, exactly as they would to AWS.
const FAKE_AWS = `http://127.0.0.1:${Number(process.env.E2E_PORT_BASE ?? 3100) + 802}`;

test.describe.configure({ mode: "serial" });

test.describe("publishing to Bedrock", () => {
  test.beforeEach(async ({ request }) => {
    await request.delete(`${FAKE_AWS}/__fake/faults`);
  });

  test("an admin configures the DEV connection and tests it", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/settings");
    await page.getByRole("link", { name: "AWS connections" }).click();
    await expect(page.getByRole("heading", { name: "AWS connections" })).toBeVisible();
    await expect(page.getByText("Credentials are never stored in Strata.")).toBeVisible();

    const dev = page.getByRole("form", { name: "Development (DEV) connection" });
    await dev.getByLabel("Region").fill("us-east-1");
    await dev.getByLabel("Endpoint override (optional)").fill("not a url");
    await dev.getByRole("button", { name: /Save/ }).click();
    await expect(dev.getByText(/must be an http\(s\) URL/)).toBeVisible();
    await dev.getByLabel("Endpoint override (optional)").fill(FAKE_AWS);
    await dev.getByRole("button", { name: /Save/ }).click();
    await expect(page.getByText("Development connection saved")).toBeVisible();

    await page.getByRole("button", { name: "Test DEV connection" }).click();
    await expect(page.getByText("Every capability works")).toBeVisible();
    const capabilities = page.getByRole("list", { name: "Capabilities" });
    for (const label of ["Prompt management", "Guardrails", "Knowledge bases", "CloudWatch metrics", "Cost Explorer"]) {
      await expect(capabilities.getByText(`${label}`, { exact: false }).first()).toBeVisible();
    }
    await expect(capabilities.getByText(/ fails$/)).toHaveCount(0);
    await expectAccessible(page);
  });

  test("an engineer publishes a prompt version and sees the ARN; a throttled publish succeeds on retry", async ({ page, request }) => {
    const name = uniqueName("publish").replace(/\s+/g, "-");
    await signIn(page, "engineer");
    await page.goto("/prompts/new");
    await page.getByLabel("Use case").selectOption({ label: "Support ticket triage (Customer Support)" });
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Template").fill("Classify this ticket: {{ticket}}");
    await page.getByRole("button", { name: "Create prompt" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await page.getByRole("button", { name: "Create version" }).click();
    await page.getByLabel("Commit message").fill("First cut");
    await page.getByRole("button", { name: "Confirm: create version 1" }).click();
    await expect(page.getByText("Version 1 created")).toBeVisible();
    const promptId = new URL(page.url()).pathname.split("/").pop()!;

    await page.goto(`/publishing/prompts/${promptId}`);
    const devRow = page.getByRole("listitem", { name: "Development (DEV)" });
    await expect(page.getByRole("listitem", { name: "Production (PROD)" }).getByText("No AWS connection for this environment.")).toBeVisible();
    await page.getByRole("button", { name: "Publish to DEV" }).click();
    await expect(devRow.getByText("Published", { exact: true })).toBeVisible();
    await expect(page.getByTestId("arn-DEV")).toHaveText(/^arn:aws:bedrock:us-east-1:123456789012:prompt\/[A-Z0-9]{10}:1$/);
    await expectAccessible(page);

    // The playground runs the version through Converse on the fake: a labelled, never-invented answer.
    await page.getByLabel(/^ticket/).fill("The printer is on fire");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(page.getByTestId("playground-answer")).toHaveText("[fake-bedrock] echo: Classify this ticket: The printer is on fire");

    // Version 2: the fake throttles every attempt of the first publish; the retry succeeds.
    await page.goto(`/prompts/${promptId}`);
    await page.getByRole("textbox", { name: "Template" }).fill("Classify this ticket, briefly: {{ticket}}");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Draft saved")).toBeVisible();
    await page.getByRole("button", { name: "Create version" }).click();
    await page.getByLabel("Commit message").fill("Briefer");
    await page.getByRole("button", { name: "Confirm: create version 2" }).click();
    await expect(page.getByText("Version 2 created")).toBeVisible();

    await request.post(`${FAKE_AWS}/__fake/faults`, { data: { operation: "CreatePromptVersion", kind: "throttle", count: 3 } });
    await page.goto(`/publishing/prompts/${promptId}?version=2`);
    await page.getByRole("button", { name: "Publish to DEV" }).click();
    await expect(devRow.getByText("Throttled by AWS")).toBeVisible();
    await expect(devRow.getByText("Too many requests, please wait before trying again.", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "Retry publishing to DEV" }).click();
    await expect(page.getByTestId("arn-DEV")).toHaveText(/prompt\/[A-Z0-9]{10}:2$/);
    await expect(devRow.getByText(/after 2 attempts/)).toBeVisible();

    // An engineer sees the connections but cannot change them.
    await page.goto("/settings/aws-connections");
    await expect(page.getByText("Only admins change AWS connections.").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Test DEV connection" })).toHaveCount(0);
  });
});
