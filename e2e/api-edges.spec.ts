import type { APIResponse } from "@playwright/test";
import { expect, signIn, test, uniqueName } from "./fixtures";

// Issue 8 §5: what happens before any route handler runs — Next's own URL decoding and method
// handling, proxy.ts, the server-action Origin check inside Next — proven on the running app.
// Each route's edge cases are tried without a server in app/api/v1/edge-cases.test.ts.

const SECURITY_HEADERS = ["x-content-type-options", "x-frame-options", "referrer-policy", "permissions-policy"];

async function expectApiError(res: APIResponse, status: number, code: string) {
  expect(res.status()).toBe(status);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect((await res.json()).error).toMatchObject({ code, message: expect.any(String) });
  expect(res.headers()["x-request-id"]).toMatch(/^req_/);
  for (const name of SECURITY_HEADERS) expect(res.headers()[name], name).toBeTruthy();
}

test.describe("the API's error promise at the edges", () => {
  test("answers bad paths, unknown paths and wrong methods in its envelope, with a request id", async ({ request }) => {
    await expectApiError(await request.get("/api/v1/use-cases/uc_%"), 400, "BAD_REQUEST");
    await expectApiError(await request.post("/api/v1/use-cases%", { data: {} }), 400, "BAD_REQUEST");
    await expectApiError(await request.get("/api/v1/nope"), 404, "NOT_FOUND");
    await expectApiError(await request.get("/api/v1/use-cases/x/nope"), 404, "NOT_FOUND");

    const wrongMethod = await request.delete("/api/v1/use-cases");
    await expectApiError(wrongMethod, 405, "METHOD_NOT_ALLOWED");
    expect(wrongMethod.headers().allow).toBe("GET, HEAD, OPTIONS, POST");
    const trace = await request.fetch("/api/v1/use-cases/uc_1", { method: "TRACE" });
    await expectApiError(trace, 405, "METHOD_NOT_ALLOWED");
    expect(trace.headers().allow).toBe("GET, HEAD, OPTIONS, PATCH");

    const options = await request.fetch("/api/v1/prompts/prm_1/versions/1/render", { method: "OPTIONS" });
    expect(options.status()).toBe(204);
    expect(options.headers().allow).toBe("OPTIONS, POST");
    for (const path of ["/api/v1/health", "/api/v1/openapi.json"]) expect((await request.get(path)).headers()["x-request-id"]).toMatch(/^req_/);

    // A console path: TRACE is refused with the security headers, not a plain-text 500.
    const consoleTrace = await request.fetch("/use-cases", { method: "TRACE" });
    expect(consoleTrace.status()).toBe(405);
    for (const name of SECURITY_HEADERS) expect(consoleTrace.headers()[name], name).toBeTruthy();
  });

  test("a console page with a bad path shows the console's 404; a server action from another site is refused with 403 and changes nothing", async ({ page }) => {
    await signIn(page, "owner");
    const response = await page.goto("/use-cases/uc_%");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

    // The real "Register use case" action, replayed as if another site's page had posted it.
    const name = uniqueName("Cross-site probe");
    await page.goto("/use-cases/new");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Business owner").fill("Nobody");
    let refused: { status: number; body: string } | undefined;
    await page.route("**/use-cases/new", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const headers = { ...(await route.request().allHeaders()), origin: "https://evil.example" };
      const answer = await route.fetch({ headers });
      refused = { status: answer.status(), body: await answer.text() };
      await route.fulfill({ response: answer });
    });
    await page.getByRole("button", { name: "Register use case" }).click();
    await expect.poll(() => refused?.status).toBe(403);
    expect(JSON.parse(refused!.body)).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "Cross-site request refused" } });
    await page.unroute("**/use-cases/new");

    await page.goto(`/use-cases?q=${encodeURIComponent(name)}`);
    await expect(page.getByText("No use cases match these filters")).toBeVisible();
  });
});
