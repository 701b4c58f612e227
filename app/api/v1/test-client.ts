/// <reference types="vite/client" />
import { apiRoutingAnswer } from "@/lib/api/route-table";

// Calls the v1 route handlers the way the server does, with no server in between: first what
// proxy.ts answers for /api/v1 (unknown path 404, wrong method 405, OPTIONS), then the route file
// Next's router picks, with `{ params: Promise }` decoded from the path. What the tests assert is
// exactly what the handlers return. Test-only.

type Handler = (req: Request, route: { params: Promise<Record<string, string>> | undefined }) => Promise<Response>;

/** Every route file under app/api/v1, as its OpenAPI path (`use-cases/[id]` → `/use-cases/{id}`). */
export const API_ROUTES = Object.entries(import.meta.glob<Record<string, unknown>>("./**/route.ts", { eager: true })).map(([file, module]) => {
  const dirs = file.replace(/^\.\//, "").split("/").slice(0, -1);
  return { template: `/${dirs.map((d) => d.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`, segments: dirs, module };
});

export type CallOptions = {
  /** Plaintext token; null sends no Authorization header. */
  token: string | null;
  /** JSON-encoded unless `raw` is given. */
  json?: unknown;
  raw?: string | Uint8Array | ReadableStream<Uint8Array>;
  /** Defaults to application/json when there is a body; null sends none. */
  contentType?: string | null;
  headers?: Record<string, string>;
};

// Response bodies are checked against the zod response schemas where their shape matters;
// elsewhere the tests poke at fields, which `unknown` would bury in casts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CallResult = { status: number; body: any; headers: Headers };

/** The route file Next's router would pick for a path (a literal segment beats a parameter), and its decoded params. */
export function resolveRoute(path: string) {
  const parts = path.split("?")[0]!.split("/").slice(1).map(decodeURIComponent);
  const fits = API_ROUTES.filter((r) => r.segments.length === parts.length && r.segments.every((s, i) => s.startsWith("[") || s === parts[i]));
  const route = fits.sort((a, b) => b.segments.filter((s) => !s.startsWith("[")).length - a.segments.filter((s) => !s.startsWith("[")).length)[0];
  if (!route) return undefined;
  const params = Object.fromEntries(route.segments.flatMap((s, i) => (s.startsWith("[") ? [[s.slice(1, -1), parts[i]!]] : [])));
  return { ...route, params };
}

export async function callApi(method: string, path: string, options: CallOptions): Promise<CallResult> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  if (body !== undefined) {
    const type = options.contentType === undefined ? "application/json" : options.contentType;
    if (type) headers.set("content-type", type);
    // A string body would make fetch add text/plain; bytes go out with no Content-Type at all.
    else if (typeof body === "string") body = new TextEncoder().encode(body);
  }
  const init: RequestInit & { duplex?: "half" } = { method, headers, body: body as BodyInit | undefined };
  if (body instanceof ReadableStream) init.duplex = "half";
  const response = apiRoutingAnswer(method, `/api/v1${path.split("?")[0]}`) ?? (await callHandler(method, path, init));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** A body that never says how long it is and keeps coming: only byte counting can stop it. */
export function endlessStream(chunkBytes = 64 * 1024): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(`{"name":"${"x".repeat(chunkBytes)}`);
  return new ReadableStream({ pull: (controller) => controller.enqueue(chunk) });
}

async function callHandler(method: string, path: string, init: RequestInit): Promise<Response> {
  const route = resolveRoute(path);
  const handler = route?.module[method] as Handler | undefined;
  // The proxy answered every path and method the document does not list; this one it lists.
  if (!route || !handler) throw new Error(`The document lists ${method} ${path} but no route file exports it`);
  // As Next does: a route without dynamic segments gets `params: undefined`, not an empty object.
  const params = Object.keys(route.params).length ? Promise.resolve(route.params) : undefined;
  return handler(new Request(`http://localhost/api/v1${path}`, init), { params });
}
