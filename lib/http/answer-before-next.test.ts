import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServerBeforeNext } from "@/lib/testing/server-before-next";
import { SECURITY_HEADERS } from "./security-headers";

// The server's step before Next.js, on a real socket. What it lets through, Next.js would answer:
// here a 599 echoing the URL Next would have been given. The API side of it is tried route by
// route in app/api/v1/edge-cases.test.ts.

let server: Awaited<ReturnType<typeof startServerBeforeNext>>;
beforeAll(async () => {
  server = await startServerBeforeNext();
});
afterAll(() => server?.close());
const send = (method: string, path: string) => server.send(method, path);

describe("answerBeforeNext", () => {
  it("answers TRACE on a console page with 405, Allow and the security headers", async () => {
    for (const path of ["/", "/use-cases", "/use-cases/uc_%"]) {
      const res = await send("TRACE", path);
      expect(res).toMatchObject({ status: 405, text: "Method Not Allowed" });
      expect(res.headers.get("allow")).toBe("GET, HEAD, POST");
      for (const { key, value } of SECURITY_HEADERS) expect(res.headers.get(key)).toBe(value);
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    }
  });

  it("lets a console path that does not decode through with the bad segments taken literally", async () => {
    const cases = [
      ["/use-cases/uc_%", "/use-cases/uc_%25"],
      ["/use-cases/uc_%?q=%", "/use-cases/uc_%25?q=%"],
      ["/%E0%A4%A/x%41", "/%25E0%25A4%25A/x%41"],
      ["/settings%/users", "/settings%25/users"],
    ];
    for (const [sent, given] of cases) expect(await send("GET", sent!)).toMatchObject({ status: 599, text: given });
  });

  it("leaves every other request to Next.js untouched", async () => {
    for (const [method, path] of [["GET", "/use-cases/uc_%41?q=%"], ["POST", "/api/v1/use-cases"], ["DELETE", "/api/v1/use-cases/a%00b"], ["GET", "/api/v1/nope"]]) {
      expect(await send(method!, path!)).toMatchObject({ status: 599, text: path });
    }
  });

  it("refuses a badly encoded API path even for HEAD, without a body", async () => {
    const res = await send("HEAD", "/api/v1/use-cases/uc_%");
    expect(res).toMatchObject({ status: 400, text: "" });
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });
});
