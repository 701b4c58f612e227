import { newRequestId } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { openApiDocument } from "./openapi";

// What the API answers before any route handler runs. Next.js would send its HTML 404 page for a
// path with no route, and an empty 405 with no Allow header for a method a route does not export.
// The OpenAPI document lists exactly the routes and methods the route files export
// (lib/api/openapi.test.ts checks both ways), so it is the table these answers come from.

export const API_PREFIX = "/api/v1";

type ApiRoute = { template: string; segments: (string | null)[]; allow: string[] };

let table: ApiRoute[] | undefined;

function routes(): ApiRoute[] {
  table ??= Object.entries(openApiDocument().paths).map(([template, operations]) => {
    const methods = Object.keys(operations).map((m) => m.toUpperCase());
    // Next answers HEAD from GET, and OPTIONS for every route (here, below).
    if (methods.includes("GET")) methods.push("HEAD");
    methods.push("OPTIONS");
    return { template, segments: template.split("/").slice(1).map((s) => (/^\{.+\}$/.test(s) ? null : s)), allow: methods.sort() };
  });
  return table;
}

/** A path segment decoded, or undefined when it is not valid percent-encoding. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The documented route of a path under /api/v1 (as sent, percent-encoded); a literal segment beats a parameter, as in Next's router. */
export function matchApiRoute(pathname: string): ApiRoute | undefined {
  const parts = pathname.slice(API_PREFIX.length).replace(/(.)\/$/, "$1").split("/").slice(1).map(decodeSegment);
  let best: { route: ApiRoute; literals: number } | undefined;
  for (const route of routes()) {
    if (route.segments.length !== parts.length) continue;
    const fits = route.segments.every((literal, i) => (literal === null ? Boolean(parts[i]) : literal === parts[i]));
    const literals = route.segments.filter((s) => s !== null).length;
    if (fits && (!best || literals > best.literals)) best = { route, literals };
  }
  return best?.route;
}

export function isApiPath(pathname: string): boolean {
  return pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`);
}

/** The API's error envelope for an answer no route handler gives, with its own request id. */
export function apiEdgeError(error: AppError, headers: Record<string, string> = {}): Response {
  return Response.json(
    { error: { code: error.code, message: error.message } },
    { status: error.status, headers: { ...headers, "X-Request-Id": newRequestId() } },
  );
}

/**
 * The answer for a request under /api/v1 that no route handler should see — an unknown path
 * (404), OPTIONS (204 with Allow), a method the route does not have (405 with Allow) — or
 * undefined to let it through to its handler.
 */
export function apiRoutingAnswer(method: string, pathname: string): Response | undefined {
  const route = matchApiRoute(pathname);
  if (!route) return apiEdgeError(new AppError("NOT_FOUND", "No API route has this path; the routes are listed in /api/v1/openapi.json"));
  const allow = route.allow.join(", ");
  if (method === "OPTIONS") return new Response(null, { status: 204, headers: { Allow: allow, "X-Request-Id": newRequestId() } });
  if (route.allow.includes(method)) return undefined;
  return apiEdgeError(new AppError("METHOD_NOT_ALLOWED", `${route.template} does not answer ${method.slice(0, 20)}; it answers ${allow}`), { Allow: allow });
}
