import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

const JSON_CONTENT_TYPE = /^application\/json[ \t]*(;|$)/i;

export function apiBodyLimitBytes(): number {
  return env().STRATA_API_BODY_LIMIT_BYTES;
}

const tooLarge = (limit: number) =>
  new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than the limit of ${limit} bytes`, { limitBytes: limit });

/**
 * Reads a JSON request body within the size limit. The order of checks is what clients see
 * first: media type (415), size (413), then syntax (400); validation (422) is the service's.
 */
export async function readJsonBody(req: Request, limit = apiBodyLimitBytes()): Promise<unknown> {
  if (!JSON_CONTENT_TYPE.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
  }
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const text = await readTextWithin(req, limit);
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "The request body is empty: send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    // The parser's message would echo the client's bytes back; a position is not worth that.
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
}

/** Counts bytes as they arrive: Content-Length may be absent (chunked) or lie. */
async function readTextWithin(req: Request, limit: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8");
  }
}
