import { NextResponse, type NextRequest } from "next/server";
import { apiRoutingAnswer, isApiPath } from "@/lib/api/route-table";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const answer = isApiPath(pathname) ? apiRoutingAnswer(request.method, pathname) : crossSiteRefusal(request);
  if (answer) return answer;

  // Content-Security-Policy with a per-request nonce: Next.js reads it from the request header and
  // stamps its own inline scripts with it, so no other inline script can run.
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/**
 * A POST to a console page (a server action) from another site. Next.js compares Origin with the
 * host itself and answers a mismatch with a 500; it is refused here first, with the refusal
 * runAction gives a request with no Origin, and nothing runs. The host is read as Next reads it.
 */
function crossSiteRefusal(request: NextRequest): Response | undefined {
  const origin = request.headers.get("origin");
  if (request.method !== "POST" || !origin || request.nextUrl.pathname.startsWith("/api/")) return undefined;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (a sandboxed frame, a redirect across sites) or garbage: not this site.
  }
  if (originHost && originHost === host) return undefined;
  return Response.json({ ok: false, error: { code: "FORBIDDEN", message: "Cross-site request refused" } }, { status: 403 });
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.svg).*)" }],
};
