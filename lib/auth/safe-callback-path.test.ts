import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from "./safe-callback-path";

/**
 * Issue 8 §3: /sign-in?callbackUrl=%2F%2Fevil.example%2Fx sent the browser to
 * http://evil.example/x after signing in, because "starts with /" was the only check.
 */
const ORIGIN = "http://localhost:3000";

describe("safeCallbackPath", () => {
  it.each([
    ["//evil.example/x"],
    ["/\\evil.example/x"],
    ["\\\\evil.example/x"],
    ["\\/evil.example/x"],
    ["/\\/evil.example/x"],
    ["/%5Cevil.example/x"],
    ["/%5cevil.example/x"],
    ["/%2F/evil.example/x"],
    ["%2F%2Fevil.example%2Fx"],
    ["https://evil.example/x"],
    ["http://evil.example"],
    ["//localhost:3000.evil.example/"],
    ["https:evil.example"],
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["/\t/evil.example/x"],
    ["/\n/evil.example/x"],
    ["/\r\n/evil.example"],
    ["/ /evil.example"],
    ["/\u0000/evil.example"],
    ["/.//evil.example/x"],
    ["/./\\evil.example"],
    ["/%2e//evil.example/x"],
    ["/x/..//evil.example"],
    ["/..//evil.example/x"],
    ["///evil.example/x"],
    ["http://localhost:3001/use-cases"],
    ["http://localhost:3000@evil.example/"],
    [""],
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it.each([
    ["/use-cases", "/use-cases"],
    ["/use-cases/uc_1/edit?tab=kpis#top", "/use-cases/uc_1/edit?tab=kpis#top"],
    ["/audit?q=a%2Fb", "/audit?q=a%2Fb"],
    ["/settings/./users", "/settings/users"],
    ["/", "/"],
    // Sign-out goes back to the sign-in page through next-auth's redirect callback.
    ["/sign-in", "/sign-in"],
    ["http://localhost:3000/releases?env=prod", "/releases?env=prod"],
  ])("keeps the same-origin %j as %j", (raw, expected) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(expected);
  });

  it("refuses absolute URLs without a known origin and anything that is not text", () => {
    expect(safeCallbackPath("http://localhost:3000/audit")).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath(undefined)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath(["/audit"])).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
