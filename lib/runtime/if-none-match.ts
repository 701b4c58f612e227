// If-None-Match evaluation (RFC 9110 §13.1.2): "*" matches any current representation; otherwise
// a comma-separated list of entity tags compared with the WEAK comparison — W/"x" matches "x".
// Entity tags may contain commas inside their quotes, so the list is scanned, not split.

const ENTITY_TAG = /\s*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(,|$)/y;

/** The opaque tags of a header value, or "*", or null when it is malformed (then ignored). */
export function parseIfNoneMatch(header: string): string[] | "*" | null {
  const value = header.trim();
  if (value === "*") return "*";
  const tags: string[] = [];
  ENTITY_TAG.lastIndex = 0;
  let at = 0;
  while (at < value.length) {
    // Empty list elements (`"a", , "b"`) are allowed by the list syntax.
    const skip = /[\s,]*/y;
    skip.lastIndex = at;
    skip.exec(value);
    at = skip.lastIndex;
    if (at >= value.length) break;
    ENTITY_TAG.lastIndex = at;
    const match = ENTITY_TAG.exec(value);
    if (!match) return null;
    tags.push(match[2]!);
    at = ENTITY_TAG.lastIndex;
  }
  return tags;
}

/** Whether the request's If-None-Match matches the current strong ETag (`"…"`): answer 304. */
export function ifNoneMatchHits(header: string | null, currentEtag: string): boolean {
  if (!header) return false;
  const parsed = parseIfNoneMatch(header);
  if (parsed === null) return false;
  if (parsed === "*") return true;
  const opaque = currentEtag.replace(/^W\//, "").slice(1, -1);
  return parsed.includes(opaque);
}
