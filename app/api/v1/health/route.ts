import { newRequestId } from "@/lib/context";

// GET /api/v1/health — liveness for load balancers, and the benchmarks' ceiling: a constant
// answer with no token, no database and no per-request work beyond the framework's own (and the
// request id every API response carries).
const BODY = JSON.stringify({ status: "ok" });

// Answered per request (not prerendered), so it measures the same path a route handler takes.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response(BODY, { status: 200, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", "X-Request-Id": newRequestId() } });
}
