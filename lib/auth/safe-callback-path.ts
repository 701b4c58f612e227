export const DEFAULT_AFTER_SIGN_IN = "/use-cases";

// Resolves relative paths the way a browser does; never contacted.
const PROBE = "http://strata.invalid";

/**
 * The path to go to after signing in, taken from an untrusted ?callbackUrl=: a same-origin path
 * (with its query and fragment), or the console's home. Browsers read `\` as `/`, drop tabs and
 * newlines inside URLs and collapse `/./`, so `/\evil`, `/\t/evil` or `/.//evil` would all leave
 * the site as `//evil`; such shapes are refused before and after normalising. An absolute URL is
 * kept only when it is on `origin` (next-auth hands those over).
 */
export function safeCallbackPath(raw: unknown, origin?: string): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return DEFAULT_AFTER_SIGN_IN;
  // Control characters, whitespace and backslashes have no place in a path we produce ourselves.
  if (/[\u0000-\u0020\u007f-\u00a0\\\u2028\u2029\ufeff]/.test(raw)) return DEFAULT_AFTER_SIGN_IN;
  let candidate = raw;
  if (!raw.startsWith("/")) {
    if (!origin) return DEFAULT_AFTER_SIGN_IN;
    try {
      const url = new URL(raw);
      if (url.origin !== new URL(origin).origin) return DEFAULT_AFTER_SIGN_IN;
      candidate = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      return DEFAULT_AFTER_SIGN_IN;
    }
  }
  let url: URL;
  try {
    url = new URL(candidate, PROBE);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== PROBE) return DEFAULT_AFTER_SIGN_IN;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil` normalises to `//evil`: a network-path reference to another host.
  if (!path.startsWith("/") || path.startsWith("//") || /^\/%(2f|5c)/i.test(path)) return DEFAULT_AFTER_SIGN_IN;
  return path;
}
