import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/errors";
import { apiEdgeError, apiRoutingAnswer, decodeSegment, isApiPath } from "@/lib/api/route-table";
import { SECURITY_HEADERS } from "./security-headers";

// Two kinds of request fail inside Next.js before proxy.ts or any route runs, with a bare
// plain-text 500 and none of the security headers: TRACE, which the fetch Request class refuses
// (of the other methods it refuses, Node's parser already rejects TRACK and hands CONNECT to its
// own event), and a path segment that is not valid percent-encoding (`/use-cases/uc_%`). The
// server (scripts/start.ts) hands every request here first.

/** What a console page answers: GET and HEAD, and POST for server actions. */
const PAGE_METHODS = "GET, HEAD, POST";
// These answers are JSON or plain text: nothing in them may load or frame anything.
const EDGE_CSP = "default-src 'none'; frame-ancestors 'none'";

const decodes = (segment: string) => decodeSegment(segment) !== undefined;

async function send(res: ServerResponse, answer: Response) {
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  res.setHeader("Content-Security-Policy", EDGE_CSP);
  answer.headers.forEach((value, key) => res.setHeader(key, value));
  res.statusCode = answer.status;
  res.end(Buffer.from(await answer.arrayBuffer()));
}

/**
 * Answers the request itself when Next.js could not, and returns true; otherwise returns false
 * (having perhaps repaired req.url) for Next.js to answer. Under /api/v1 the answers are the
 * API's error envelope with a request id: 405 with Allow (404 for an unknown path), 400 for a
 * bad path. A console path whose segment does not decode is read with that segment taken
 * literally (its `%` escaped), so the console shows its usual page for it — mostly the 404.
 */
export function answerBeforeNext(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const segments = path.split("/");
  const method = req.method ?? "GET";
  const api = isApiPath(path);
  let answer: Response | undefined;
  if (method === "TRACE") {
    answer = api ? apiRoutingAnswer(method, path) : new Response("Method Not Allowed", { status: 405, headers: { Allow: PAGE_METHODS, "Content-Type": "text/plain; charset=utf-8" } });
  } else if (!segments.every(decodes)) {
    if (api) answer = apiEdgeError(new AppError("BAD_REQUEST", "The request path is not valid percent-encoding (a % must start %XX of UTF-8)"));
    else req.url = segments.map((s) => (decodes(s) ? s : s.replaceAll("%", "%25"))).join("/") + (queryAt === -1 ? "" : url.slice(queryAt));
  }
  if (!answer) return false;
  void send(res, answer);
  return true;
}
