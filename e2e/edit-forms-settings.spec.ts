import { expect, expectRefused, expectSaved, signIn, test, uniqueName } from "./fixtures";

// Issue 8: every settings form changes a field, saves, and shows the change after a reload; a bad
// value is refused next to its field and nothing of it is saved. Each test edits a record it creates.

const FAKE_AWS = `http://127.0.0.1:${Number(process.env.E2E_PORT_BASE ?? 3100) + 802}`;

test.describe("edit forms: settings", () => {
  test("user: name, role and teams survive a reload; a blank name is refused at its field @postgres", async ({ page }) => {
    const name = uniqueName("Dana Draft");
    const renamed = uniqueName("Dana Final");
    await signIn(page, "admin");
    await page.goto("/settings/users");
    await page.getByRole("button", { name: "Add user" }).click();
    const add = page.getByRole("form", { name: "Add user" });
    await add.getByLabel("Full name").fill(name);
    await add.getByLabel("Email").fill(`${name.replace(/\s+/g, ".").toLowerCase()}@strata.local`);
    await add.getByLabel("Role").selectOption("ENGINEER");
    await add.getByLabel("Customer Support").check();
    await add.getByLabel("Initial password").fill("a long initial password");
    await add.getByRole("button", { name: "Add user" }).click();
    await page.getByRole("link", { name }).first().click();

    const profile = page.getByRole("form", { name: "Profile and access" });
    await profile.getByLabel("Full name").fill(renamed);
    await profile.getByLabel("Role").selectOption("PRODUCT_OWNER");
    await profile.getByLabel("Customer Support").uncheck();
    await profile.getByLabel("Finance Operations").check();
    await profile.getByRole("button", { name: "Save changes" }).click();
    await expectSaved(page, "Changes saved");
    await expect(page.getByRole("heading", { name: renamed })).toBeVisible();

    await expectRefused(profile.getByLabel("Full name"), " ", profile.getByRole("button", { name: "Save changes" }), "is required");

    await page.reload();
    await expect(profile.getByLabel("Full name")).toHaveValue(renamed);
    await expect(profile.getByLabel("Role")).toHaveValue("PRODUCT_OWNER");
    await expect(profile.getByLabel("Finance Operations")).toBeChecked();
    await expect(profile.getByLabel("Customer Support")).not.toBeChecked();
  });

  test("team: name and description survive a reload; a one-letter name is refused at its field", async ({ page }) => {
    const name = uniqueName("Edit Team");
    const renamed = uniqueName("Renamed Team");
    await signIn(page, "admin");
    await page.goto("/settings/teams");
    const create = page.getByRole("form", { name: "Create team" });
    await create.getByLabel("Name").fill(name);
    await create.getByRole("button", { name: "Create team" }).click();
    await expectSaved(page, `Team “${name}” created`);

    await page.getByRole("button", { name: `Edit ${name}` }).click();
    const edit = page.getByRole("form", { name: `Edit team ${name}` });
    await edit.getByLabel("Name").fill(renamed);
    await edit.getByLabel("Description").fill("Owns the renamed things");
    await edit.getByRole("button", { name: "Save" }).click();
    await expectSaved(page, `Team “${renamed}” saved`);

    await page.getByRole("button", { name: `Edit ${renamed}` }).click();
    const again = page.getByRole("form", { name: `Edit team ${renamed}` });
    await expectRefused(again.getByLabel("Name"), "X", again.getByRole("button", { name: "Save" }), "must be at least 2 characters");

    await page.reload();
    const row = page.getByRole("row", { name: new RegExp(renamed) });
    await expect(row).toContainText("Owns the renamed things");
    await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
  });

  test("webhook: URL, events and the active switch survive a reload; an ftp URL is refused at its field", async ({ page }) => {
    const description = uniqueName("Edit hook");
    await signIn(page, "admin");
    await page.goto("/settings/webhooks");
    // Nothing listens there: the test only edits the registration.
    await page.getByLabel("Payload URL").fill("http://127.0.0.1:9/first");
    await page.getByLabel("Description").fill(description);
    await page.getByRole("button", { name: "Register webhook" }).click();
    await page.getByRole("button", { name: "Done, I have stored it" }).click();
    await expect(page.getByRole("heading", { name: description, level: 1 })).toBeVisible();

    await page.getByLabel("Payload URL").fill("http://127.0.0.1:9/second");
    await page.getByLabel("Release approved").uncheck();
    await page.getByLabel("Environment rolled back").check();
    await page.getByLabel("Active", { exact: true }).uncheck();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expectSaved(page, "Webhook saved");

    await expectRefused(page.getByLabel("Payload URL"), "ftp://files.example.com/in", page.getByRole("button", { name: "Save changes" }), "must use http or https (not ftp): deliveries are HTTP POST requests");

    await page.reload();
    await expect(page.getByLabel("Payload URL")).toHaveValue("http://127.0.0.1:9/second");
    await expect(page.getByLabel("Release approved")).not.toBeChecked();
    await expect(page.getByLabel("Release promoted to an environment")).toBeChecked();
    await expect(page.getByLabel("Environment rolled back")).toBeChecked();
    await expect(page.getByLabel("Active", { exact: true })).not.toBeChecked();
  });

  test("AWS connection: region and role survive a reload; a malformed region is refused at its field", async ({ page }) => {
    // PREPROD, which no other spec configures (publishing.spec owns DEV and expects PROD empty);
    // it points at the fake and is deleted again at the end.
    await signIn(page, "admin");
    await page.goto("/settings/aws-connections");
    const preprod = page.getByRole("form", { name: "Pre-production (PREPROD) connection" });
    await preprod.getByLabel("Endpoint override (optional)").fill(FAKE_AWS);
    await preprod.getByRole("button", { name: "Save connection" }).click();
    await expectSaved(page, "Pre-production connection saved");
    // Reloaded so that the next save's confirmation cannot be mistaken for this one's.
    await page.reload();

    await preprod.getByLabel("Region").fill("eu-west-3");
    await preprod.getByLabel("Role to assume (optional)").fill("arn:aws:iam::123456789012:role/strata-preprod");
    await preprod.getByRole("button", { name: "Save changes" }).click();
    await expectSaved(page, "Pre-production connection saved");

    await expectRefused(preprod.getByLabel("Region"), "Frankfurt", preprod.getByRole("button", { name: "Save changes" }), "must be an AWS region such as us-east-1 or eu-west-3");

    await page.reload();
    await expect(preprod.getByLabel("Region")).toHaveValue("eu-west-3");
    await expect(preprod.getByLabel("Role to assume (optional)")).toHaveValue("arn:aws:iam::123456789012:role/strata-preprod");
    await expect(preprod.getByLabel("Endpoint override (optional)")).toHaveValue(FAKE_AWS);

    await preprod.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete connection" }).click();
    await expect(preprod.getByRole("button", { name: "Save connection" })).toBeVisible();
  });
});
