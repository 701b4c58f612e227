import { z } from "zod";
import { getDatabase } from "@/lib/db/registry";
import { newRequestId, type ServiceContext } from "@/lib/context";
import { AppError, parseInput, toPublicError } from "@/lib/errors";
import { authorize, type Permission, type TokenActor } from "@/lib/permissions";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { readJsonBody } from "./read-json-body";

export type ApiContext = ServiceContext & { actor: TokenActor };

export type ApiHandlerArgs<P> = {
  req: Request;
  ctx: ApiContext;
  params: P;
  /** The parsed JSON body, read on first call only: handlers that never call it never read it. */
  body: () => Promise<unknown>;
};

type RouteParams = Record<string, string | string[] | undefined>;

/** Next 16 passes the dynamic segments (decoded) as a promise in the second argument — and
 * `params: undefined` for a route without dynamic segments. */
export type RouteContext = { params: Promise<RouteParams> | undefined };

// Path segments are input like any other: parseInput refuses a NUL character (%00) in one with a
// 422 naming the parameter, before any query could fail on it in PostgreSQL.
const textParams = z.record(z.string(), z.string());

export type ApiHandler<P> = (args: ApiHandlerArgs<P>) => Promise<Response>;

/** `{ error: { code, message, details? } }` with the AppError's status; 500 hides the cause. */
export function errorResponse(error: unknown): Response {
  const status = error instanceof AppError ? error.status : 500;
  return Response.json({ error: toPublicError(error) }, { status });
}

/**
 * The one entry point of the public API: every v1 route is wrapped, so no route can forget to
 * authenticate, to check the token's scope, or to hide an internal error.
 */
export function withApiToken<P = Record<string, never>>(
  handler: ApiHandler<P>,
  options: { permission: Permission; /** Parses the path parameters (422 naming each bad one); text by default. */ params?: z.ZodType<P> },
) {
  return async function apiRoute(req: Request, route: RouteContext): Promise<Response> {
    const requestId = newRequestId();
    let response: Response;
    try {
      const db = getDatabase().prisma;
      const actor = await authenticateApiToken(db, req.headers.get("authorization"));
      // The scope check before any body is read: a token without the scope learns nothing more.
      authorize(actor, options.permission);
      const params = parseInput(options.params ?? textParams, (await route.params) ?? {}) as P;
      let parsed: Promise<unknown> | undefined;
      const body = () => (parsed ??= readJsonBody(req));
      response = await handler({ req, ctx: { db, actor, requestId }, params, body });
    } catch (error) {
      // The client gets only the request id; this line ties it to the logged cause.
      if (!(error instanceof AppError)) console.error(`[strata] ${req.method} ${new URL(req.url).pathname} failed, request ${requestId}`);
      response = errorResponse(error);
    }
    response.headers.set("X-Request-Id", requestId);
    if (response.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="strata"');
    return response;
  };
}
