import * as useCasesRoute from "./use-cases/route";
import * as useCaseRoute from "./use-cases/[id]/route";

// Calls the v1 route handlers the way Next does (a Request plus `{ params: Promise }`), with no
// server in between: what the tests assert is exactly what the handlers return. Test-only.

type Handler = (req: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

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

function resolve(method: string, path: string): { handler: Handler; params: Record<string, string> } {
  const [resource, id, ...rest] = path.split("?")[0]!.split("/").filter(Boolean);
  const routes = resource !== "use-cases" || rest.length ? undefined : id === undefined ? useCasesRoute : useCaseRoute;
  const handler = (routes as Record<string, unknown> | undefined)?.[method] as Handler | undefined;
  if (!handler) throw new Error(`No handler for ${method} ${path}`);
  return { handler, params: id === undefined ? {} : { id: decodeURIComponent(id) } };
}

export async function callApi(method: string, path: string, options: CallOptions): Promise<CallResult> {
  const { handler, params } = resolve(method, path);
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
  const response = await handler(new Request(`http://localhost/api/v1${path}`, init), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** A body that never says how long it is and keeps coming: only byte counting can stop it. */
export function endlessStream(chunkBytes = 64 * 1024): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(`{"name":"${"x".repeat(chunkBytes)}`);
  return new ReadableStream({ pull: (controller) => controller.enqueue(chunk) });
}
