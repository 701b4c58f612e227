import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import type { AxeResults, RunOptions } from "axe-core";
import { signIn, type DemoUser } from "./fixtures";

// Every console page, as every role: axe (WCAG 2.1 A/AA, serious and critical), again with each
// of the page's dialogs open (and Tab, Escape and focus return checked on it), no sideways scroll
// at 390 px with the menu button there, hints linked to their fields, an icon that loads, and no
// link to a Settings page the role would get a 403 on. Pages are discovered from the app
// directory, so a new page is swept without being listed here.
//
// One sign-in per role, a plain `load` wait per page (no networkidle) and axe-core run in the page
// directly keep it quick (AxeBuilder finishes every run in a fresh page, about three times slower
// here); problems are collected and reported together, so one run lists everything that is wrong.

const ROLES: DemoUser[] = ["admin", "owner", "engineer", "reviewer", "viewer"];
const PHONE = { width: 390, height: 844 };
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
// The rules expectAccessible (fixtures.ts) runs; only violations are read back.
const AXE_OPTIONS: RunOptions = { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] };
const CONSOLE = path.join(process.cwd(), "app", "(console)");
/** Words that sit where an id would and are pages of their own. */
const NOT_IDS = new Set(["new", "compare", "gates", "upload", "diff", "import", "bench", "edit"]);
/**
 * The demo record to open where a list offers several, by text in its row: a draft use case (so
 * its edit form renders) and the seeded catalog. Records other specs create and delete while the
 * sweep runs (a fresh guardrail without versions, a draft release) must not be picked.
 */
const PREFERRED: Record<string, RegExp> = {
  "use-cases": /Call summaries/,
  prompts: /ticket-classifier/,
  guardrails: /support-pii/,
  datasets: /Support ticket triage/,
  releases: /Release #1(?!\d).*Support ticket triage/s,
};
/**
 * Where a collection's records are picked from. Other specs delete draft releases while the sweep
 * runs, and once they have made more than a page of them the seeded release is off the first
 * page: approved releases are never deleted.
 */
const LIST: Record<string, string> = { releases: "/releases?status=APPROVED" };

function consoleRoutes(dir = CONSOLE, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return consoleRoutes(path.join(dir, e.name), `${prefix}/${e.name}`);
    return e.name === "page.tsx" ? [prefix || "/"] : [];
  });
}

/** `/publishing/prompts/[id]` takes a prompt id from /prompts; `/environments/[environment]` a name. */
async function resolveRoutes(page: Page): Promise<{ route: string; url: string }[]> {
  const ids = new Map<string, string>();
  const idFor = async (collection: string) => {
    if (!ids.has(collection)) {
      await page.goto(LIST[collection] ?? `/${collection}`);
      const wanted = PREFERRED[collection];
      const hrefs = await page.locator(`main a[href^="/${collection}/"]`).evaluateAll(
        (links, pattern) => {
          const rows = links.map((a) => ({ href: a.getAttribute("href")!, text: a.closest("tr, li")?.textContent ?? a.textContent ?? "" }));
          if (!pattern) return rows;
          const re = new RegExp(pattern.source, pattern.flags);
          return [...rows.filter((r) => re.test(r.text)), ...rows.filter((r) => !re.test(r.text))];
        },
        wanted ? { source: wanted.source, flags: wanted.flags } : null,
      );
      const id = hrefs.map((h) => h.href.slice(collection.length + 2).split(/[/?#]/)[0]!).find((s) => s && !NOT_IDS.has(s));
      expect(id, `no demo record to open from /${collection}`).toBeTruthy();
      ids.set(collection, id!);
    }
    return ids.get(collection)!;
  };
  const out = [];
  for (const route of consoleRoutes().sort()) {
    let url = route;
    if (route.includes("[environment]")) url = route.replace("[environment]", "prod");
    if (route.includes("[id]")) {
      url = route.replace("[id]", await idFor(route.slice(1, route.indexOf("/[id]")).replace(/^publishing\//, "")));
    }
    // Pages that show little until a use case is chosen are swept with the demo use case.
    if (/^\/(evaluations\/gates|evaluations\/upload|datasets\/new)$/.test(route)) url += `?useCaseId=${await triageUseCaseId(page)}`;
    out.push({ route, url });
  }
  return out;
}

let triageId: string | undefined;
async function triageUseCaseId(page: Page) {
  if (!triageId) {
    await page.goto("/use-cases?q=support-triage");
    const href = await page.getByRole("link", { name: "Support ticket triage" }).first().getAttribute("href");
    triageId = href!.split("/").pop()!;
  }
  return triageId;
}

/** The demo seed has no webhook: register one (never triggered by the sweep) so its page is swept. */
async function ensureWebhook(page: Page) {
  await page.goto("/settings/webhooks");
  if (await page.locator('main a[href^="/settings/webhooks/"]').count()) return;
  await page.getByLabel("Payload URL").fill("http://127.0.0.1:9/strata-sweep");
  await page.getByLabel("Description").fill("Accessibility sweep (never delivered to)");
  await page.getByLabel("Evaluation run failed a gate").check();
  await page.getByRole("button", { name: "Register webhook" }).click();
  await expect(page.getByRole("textbox", { name: "Signing secret" })).toBeVisible();
}

async function axe(page: Page, where: string, include = "html"): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    ([selector, options]) => (window as unknown as { axe: { run: (c: Element, o: RunOptions) => Promise<AxeResults> } }).axe.run(document.querySelector(selector)!, options)
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }))),
    [include, AXE_OPTIONS] as const,
  );
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${where}: ${v.id} — ${v.help} (${v.targets.join(", ")})`);
}

/** Hints ("…-hint") that no control names in aria-describedby. */
function unlinkedHints(page: Page, scope: string) {
  return page.locator(scope).evaluate((root) => {
    const described = new Set([...root.ownerDocument.querySelectorAll("[aria-describedby]")].flatMap((el) => el.getAttribute("aria-describedby")!.split(/\s+/)));
    return [...root.querySelectorAll('[id$="-hint"]')].map((h) => h.id).filter((id) => !described.has(id));
  });
}

/** Opens each dialog the page offers; checks axe, the Tab cycle, Escape and where focus lands. */
async function sweepDialogs(page: Page, where: string, problems: string[]) {
  const openers = page.locator('main [aria-haspopup="dialog"]:visible:enabled');
  // A button repeated on every row ("Edit", "Delete") opens the same dialog: one of each is enough.
  const seen = new Set<string>();
  const count = await openers.count();
  for (let i = 0; i < count; i++) {
    const opener = openers.nth(i);
    const text = await opener.innerText();
    if (seen.has(text)) continue;
    seen.add(text);
    const name = (await opener.getAttribute("aria-label")) ?? text;
    const at = `${where} [dialog from "${name}"]`;
    const dialog = page.getByRole("dialog");
    // A click that lands before hydration does nothing: retry until the dialog is there.
    await expect(async () => {
      await opener.focus();
      await page.keyboard.press("Enter");
      await expect(dialog).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    problems.push(...(await axe(page, at, "dialog[open]")));
    problems.push(...(await unlinkedHints(page, "dialog[open]")).map((id) => `${at}: hint #${id} is not linked to its field`));
    const stops = await dialog.evaluate((d) => d.querySelectorAll("a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])").length);
    // One more Tab than the dialog has stops: focus must have wrapped, never left.
    for (let t = 0; t <= stops; t++) await page.keyboard.press("Tab");
    if (!(await dialog.evaluate((d) => d.contains(document.activeElement)))) problems.push(`${at}: Tab moved focus out of the dialog`);
    await page.keyboard.press("Escape");
    if (await dialog.isVisible()) {
      problems.push(`${at}: Escape did not close it`);
      await dialog.getByRole("button", { name: "Cancel" }).click();
    }
    if (!(await opener.evaluate((el) => el === document.activeElement))) problems.push(`${at}: focus did not return to the opener`);
  }
}

async function sweepRole(page: Page, role: DemoUser, routes: { route: string; url: string }[]) {
  const problems: string[] = [];
  const settingsLinks = new Map<string, number>();
  await page.setViewportSize(PHONE);

  // The phone menu, once per role: it opens the navigation, passes axe, and closes with Escape.
  await page.goto("/use-cases");
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(async () => {
    await menu.click();
    await expect(page.getByRole("dialog", { name: "Navigation" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("dialog", { name: "Navigation" }).getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Use cases" })).toBeVisible();
  problems.push(...(await axe(page, `${role} /use-cases [navigation drawer]`)));
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Navigation" })).toBeHidden();
  await expect(menu).toBeFocused();

  for (const { route, url } of routes) {
    const where = `${role} ${route}`;
    const response = await page.goto(url, { waitUntil: "load" });
    const status = response?.status() ?? 0;
    if (status !== 200 && status !== 403) problems.push(`${where}: answered ${status}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width) problems.push(`${where}: scrolls sideways at ${PHONE.width} px (${width} px wide)`);
    if (!(await menu.waitFor({ timeout: 5_000 }).then(() => true, () => false))) problems.push(`${where}: no menu button at ${PHONE.width} px`);
    if (!(await page.locator('link[rel~="icon"]').count())) problems.push(`${where}: no icon link (the browser falls back to a missing /favicon.ico)`);
    problems.push(...(await axe(page, where)));
    problems.push(...(await unlinkedHints(page, "body")).map((id) => `${where}: hint #${id} is not linked to its field`));
    for (const href of await page.locator('a[href^="/settings"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")!))) {
      if (!settingsLinks.has(href)) settingsLinks.set(href, (await page.request.get(href, { maxRedirects: 0 })).status());
      if (settingsLinks.get(href) === 403) problems.push(`${where}: links to ${href}, which is a 403 for this role`);
    }
    if (status === 200) await sweepDialogs(page, where, problems);
  }
  for (const icon of await page.locator('link[rel~="icon"]').evaluateAll((links) => links.map((l) => l.getAttribute("href")!))) {
    const status = (await page.request.get(icon)).status();
    if (status !== 200) problems.push(`${role}: the icon ${icon} answers ${status}`);
  }
  expect(problems).toEqual([]);
}

test.describe("console sweep", () => {
  test.describe.configure({ mode: "parallel" });
  let routes: { route: string; url: string }[] = [];

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    await signIn(page, "admin");
    await ensureWebhook(page);
    routes = await resolveRoutes(page);
    expect(routes.length).toBeGreaterThan(40);
    await page.close();
  });

  for (const role of ROLES) {
    test(`every page as ${role}: axe with dialogs open, keyboard, 390 px, links and icon`, async ({ page }) => {
      test.setTimeout(240_000);
      await signIn(page, role);
      await sweepRole(page, role, routes);
    });
  }
});
