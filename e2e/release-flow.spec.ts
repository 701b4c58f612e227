import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signIn, signOut, test, uniqueName } from "./fixtures";

// The whole release story of issue 4 in one browser session, as its users would live it, on the
// seeded "Support ticket triage" use case (HIGH tier; release #1 of the seed runs in prod).

const GOLDEN = ['{"input":{"product":"Payments","ticket":"Charged twice"},"expected":"billing"}', '{"input":{"product":"Platform","ticket":"502 errors"},"expected":"outage"}', '{"input":{"product":"Mobile","ticket":"Where is dark mode?"},"expected":"how-to"}'].join("\n");
const PASSWORD = "release flow password 1";

const metrics = (accuracy: number) => [
  { name: "accuracy", value: accuracy },
  { name: "guardrail_intervention_rate", value: 0.01 },
  { name: "latency_p95_ms", value: 1800 },
  { name: "cost_per_request_usd", value: 0.002 },
];

async function createToken(page: Page) {
  await page.goto("/settings/api-tokens");
  await page.getByLabel("Team").selectOption({ label: "Customer Support" });
  await page.getByLabel("Name").fill(uniqueName("Release flow CI"));
  for (const scope of ["evaluations:write", "runtime:read"]) await page.getByLabel(scope, { exact: true }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("API token", { exact: true }).inputValue();
  await page.getByRole("button", { name: "Done, I have stored it" }).click();
  return token;
}

async function runtime(request: APIRequestContext, token: string, headers: Record<string, string> = {}) {
  const response = await request.get("/api/v1/runtime/support-triage?environment=prod", { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { status: response.status(), etag: response.headers()["etag"], body: response.status() === 200 ? await response.json() : null };
}

async function promote(page: Page, env: string) {
  await page.getByRole("button", { name: `Promote to ${env}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: new RegExp(`^Promote release #\\d+ to ${env}\\?$`) })).toBeVisible();
  // Where the environment has an AWS connection (publishing.spec.ts connects dev to the fake on
  // the PGlite instance), the pinned versions must be published there first: the user opts in.
  const publish = dialog.getByLabel("Publish missing versions first");
  if (await publish.isVisible()) await publish.check();
  await dialog.getByRole("button", { name: `Confirm: promote to ${env}` }).click();
  await expect(dialog).toHaveCount(0);
}

test.describe("release flow, end to end @postgres", () => {
  test("dataset → failing run refused → passing run → two approvals (the author refused) → dev, preprod, prod → runtime config → rollback", async ({ page, request }) => {
    test.setTimeout(240_000);
    const authorEmail = `${uniqueName("author").replace(/\W+/g, "-")}@test.local`;
    const authorName = uniqueName("Sam Author");

    // An admin issues CI's token and adds the engineer who will author the release.
    await signIn(page, "admin");
    const token = await createToken(page);
    await page.goto("/settings/users");
    await page.getByRole("button", { name: "Add user" }).click();
    const form = page.getByRole("form", { name: "Add user" });
    await form.getByLabel("Full name").fill(authorName);
    await form.getByLabel("Email").fill(authorEmail);
    await form.getByLabel("Role").selectOption("ENGINEER");
    await form.getByLabel("Customer Support").check();
    await form.getByLabel("Initial password").fill(PASSWORD);
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("link", { name: authorName }).first()).toBeVisible();
    const before = await runtime(request, token);
    expect(before.status).toBe(200);

    // The author imports a golden dataset and freezes version 1.
    await signIn(page, { email: authorEmail }, PASSWORD);
    const datasetName = uniqueName("flow golden");
    await page.goto("/datasets/new");
    await page.getByLabel("Use case").selectOption({ label: "Support ticket triage (Customer Support)" });
    await page.getByLabel("Name").fill(datasetName);
    await page.getByRole("button", { name: "Create dataset" }).click();
    await page.getByLabel("CSV or JSONL file").setInputFiles({ name: "golden.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(GOLDEN) });
    await page.getByRole("button", { name: "Import 3 good rows" }).click();
    await expect(page.getByRole("heading", { name: "Draft: 3 items" })).toBeVisible();
    const datasetId = new URL(page.url()).pathname.split("/").pop()!;
    await page.getByRole("button", { name: "Create version" }).click();
    await page.getByLabel("Commit message").fill("Three labelled tickets");
    await page.getByRole("button", { name: "Confirm: create version 1" }).click();
    await expect(page.getByText("Version 1 created")).toBeVisible();
    const useCaseId = await page.evaluate(async (id) => id, await useCaseIdOf(page));

    // CI posts a failing run on it.
    const post = (candidate: string, accuracy: number) =>
      request.post("/api/v1/evaluation-runs", { headers: { authorization: `Bearer ${token}` }, data: { useCaseId, candidate, datasetId, datasetVersion: 1, metrics: metrics(accuracy) } });
    const failing = await post("flow-rc-1", 0.7);
    expect(failing.status()).toBe(201);
    expect(await failing.json()).toMatchObject({ data: { passed: false } });

    // The author drafts a release on the failing run: submitting is refused, the gate shown.
    await page.goto(`/releases/new?useCaseId=${useCaseId}`);
    await page.getByLabel("Role 1", { exact: true }).fill("triage");
    await page.getByLabel("Dataset version").selectOption({ label: `${datasetName} v1 (3 items)` });
    await pickRun(page, "flow-rc-1");
    await page.getByRole("button", { name: "Create draft release" }).click();
    await expect(page.getByRole("heading", { name: /^Release #\d+$/ })).toBeVisible();
    const releaseUrl = page.url();
    await page.getByRole("button", { name: "Submit for approval" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Submit refused" })).toContainText("accuracy >= 0.85: 0.7 < 0.85");

    // CI posts a passing run; the author pins it and submits.
    expect((await post("flow-rc-2", 0.95)).status()).toBe(201);
    await page.getByRole("link", { name: "Edit" }).click();
    await pickRun(page, "flow-rc-2");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(releaseUrl);
    await page.getByRole("button", { name: "Submit for approval" }).click();
    await expect(page.getByText("Awaiting approval").first()).toBeVisible();
    await signOut(page);

    // First reviewer approves.
    await signIn(page, "reviewer");
    await page.goto(releaseUrl);
    await page.getByRole("radio", { name: "Approve" }).check();
    await page.getByLabel("Comment").fill("Gates pass; approved.");
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("1 of 2", { exact: true })).toBeVisible();

    // The author moves to governance — and still may not approve their own release.
    await signIn(page, "admin");
    await page.goto("/settings/users");
    await page.getByRole("link", { name: authorName }).first().click();
    const profile = page.getByRole("form", { name: "Profile and access" });
    await profile.getByLabel("Role").selectOption("REVIEWER");
    await profile.getByRole("button", { name: "Save changes" }).click();
    await expect(profile.getByRole("button", { name: "Save changes" })).toBeDisabled();
    await signIn(page, { email: authorEmail }, PASSWORD);
    await page.goto(releaseUrl);
    // The page says why instead of offering a decision the server would refuse (tested there).
    await expect(page.getByText("You wrote this release, so you cannot review it.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
    await expect(page.getByText("1 of 2", { exact: true })).toBeVisible();

    // Second reviewer approves: the release is approved.
    await signIn(page, "reviewer2");
    await page.goto(releaseUrl);
    await page.getByRole("radio", { name: "Approve" }).check();
    await page.getByLabel("Comment").fill("Second approval for the high tier.");
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("2 of 2", { exact: true })).toBeVisible();

    // Promotion in order: the team's engineer to dev and preprod, the product owner to prod.
    await signIn(page, "engineer");
    await page.goto(releaseUrl);
    await expect(page.getByRole("button", { name: "Promote to preprod" })).toHaveCount(0);
    await promote(page, "dev");
    await promote(page, "preprod");
    await expect(page.getByRole("button", { name: "Promote to prod" })).toHaveCount(0);
    await signIn(page, "owner");
    await page.goto(releaseUrl);
    await promote(page, "prod");

    // The application sees the new release on its next request, and revalidates cheaply.
    const releaseId = new URL(releaseUrl).pathname.split("/").pop();
    const live = await runtime(request, token);
    expect(live.body).toMatchObject({ release: { id: releaseId }, environment: "prod", prompts: { triage: { name: "ticket-classifier" } } });
    expect(live.etag).not.toBe(before.etag);
    expect((await runtime(request, token, { "if-none-match": live.etag! })).status).toBe(304);

    // Rolling back prod restores what ran before, visible on the next request.
    await page.goto("/environments/prod");
    await page.getByRole("button", { name: "Roll back Support ticket triage in prod" }).click();
    const dialog = page.getByRole("dialog", { name: "Roll back Support ticket triage in prod?" });
    await dialog.getByLabel("Reason").fill("Misrouted security tickets after go-live");
    await dialog.getByRole("button", { name: "Confirm rollback" }).click();
    await expect(dialog).toHaveCount(0);
    const restored = await runtime(request, token);
    expect(restored.body).toMatchObject({ release: { id: before.body.release.id } });
    expect(restored.etag).toBe(before.etag);
    const running = page.locator("section", { has: page.getByRole("heading", { name: "Running in prod now" }) });
    await expect(running.getByRole("row", { name: /Support ticket triage/ })).toContainText(`Release #${before.body.release.number}`);
    const history = page.locator("section", { has: page.getByRole("heading", { name: "Deployment history" }) });
    await expect(history.getByRole("row", { name: /Misrouted security tickets after go-live/ })).toContainText("Rollback");
  });
});

async function pickRun(page: Page, candidate: string) {
  const select = page.getByLabel("Evaluation run");
  const value = await select.locator("option", { hasText: candidate }).getAttribute("value");
  await select.selectOption(value!);
}

async function useCaseIdOf(page: Page) {
  const href = await page.getByRole("link", { name: "Support ticket triage" }).first().getAttribute("href");
  return href!.split("/").pop()!;
}
