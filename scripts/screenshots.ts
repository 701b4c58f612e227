// `npx tsx scripts/screenshots.ts [baseUrl]` — signs in as demo users against a running console
// and saves full-page screenshots of the main pages to screenshots/ (git-ignored), for looking at
// what the console shows a person.
import fs from "node:fs";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://localhost:3000";
const PAGES: [user: string, path: string, name: string][] = [
  ["", "/sign-in", "sign-in"],
  ["owner", "/use-cases", "use-cases"],
  ["owner", "/use-cases/new", "use-case-new"],
  ["owner", "/use-cases?q=support-triage", "use-cases-search"],
  ["reviewer", "/use-cases?q=customer-chat", "reviewer-list"],
  ["admin", "/audit", "audit"],
  ["admin", "/settings", "settings"],
  ["admin", "/settings/users", "users"],
  ["admin", "/settings/teams", "teams"],
  ["admin", "/settings/api-tokens", "api-tokens"],
  ["viewer", "/audit", "forbidden"],
  ["owner", "/prompts", "prompts"],
  ["engineer", "/prompts", "prompt-detail"],
  ["engineer", "/guardrails", "guardrail-detail"],
  ["admin", "/settings/aws-connections", "aws-connections"],
  ["owner", "/metrics", "not-built"],
];

fs.mkdirSync("screenshots", { recursive: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
for (const [user, path, name] of PAGES) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  if (user) {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill(`${user}@strata.local`);
    await page.getByLabel("Password").fill("strata-demo-2026");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByTestId("current-user").waitFor();
  }
  await page.goto(`${base}${path}`);
  if (name === "reviewer-list") await page.getByRole("link", { name: "Customer chat assistant" }).click().then(() => page.getByText("Your review").waitFor());
  if (name === "prompt-detail") await page.getByRole("link", { name: "ticket-classifier" }).first().click().then(() => page.waitForURL(/\/prompts\/.+/));
  if (name === "guardrail-detail") await page.getByRole("link", { name: "support-pii" }).first().click().then(() => page.waitForURL(/\/guardrails\/.+/));
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
  await context.close();
  console.log(`screenshots/${name}.png`);
}
await browser.close();
