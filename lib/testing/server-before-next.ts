import http from "node:http";
import type { AddressInfo } from "node:net";
import { answerBeforeNext } from "@/lib/http/answer-before-next";

// Test support only: the server's step before Next.js on a real socket. A request it lets
// through gets 599 with the URL Next.js would have been given.

export type RawResponse = { status: number; headers: Headers; text: string; /** Parsed when the answer is JSON. */ json: unknown };

export async function startServerBeforeNext() {
  const server = http.createServer((req, res) => {
    if (answerBeforeNext(req, res)) return;
    res.statusCode = 599;
    res.end(req.url);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    /** Sent with node:http: fetch refuses TRACE itself, and would normalise the path. */
    send(method: string, path: string): Promise<RawResponse> {
      return new Promise((resolve, reject) => {
        const req = http.request(`${base}${path}`, { method }, (res) => {
          let text = "";
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => {
            const headers = new Headers(Object.entries(res.headers).map(([k, v]): [string, string] => [k, String(v)]));
            resolve({ status: res.statusCode!, headers, text, json: text && headers.get("content-type")?.includes("json") ? JSON.parse(text) : null });
          });
        });
        req.on("error", reject);
        req.end();
      });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
