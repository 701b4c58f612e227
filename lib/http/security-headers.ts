// Security headers that do not depend on the request, for every response: next.config.ts sets
// them on what Next.js answers, and the server sets them on what it answers before Next.js
// (lib/http/answer-before-next.ts). The page CSP carries a per-request nonce (proxy.ts).
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
