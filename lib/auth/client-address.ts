import ipaddr from "ipaddr.js";

/**
 * Set by scripts/start.ts on every request, from the socket (or the trusted proxies' header),
 * overwriting whatever the client sent: the sign-in throttle keys on it.
 */
export const CLIENT_ADDRESS_HEADER = "x-strata-client-address";
/** Where no server set the header (e.g. `next start` run by hand): one shared key. */
export const UNKNOWN_ADDRESS = "unknown";

/** "1.2.3.4:80" and "[::1]:80" as some proxies write them, without the port. */
function stripPort(raw: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(raw);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(raw);
  return v4 ? v4[1]! : raw;
}

/**
 * One key per client: IPv4-mapped IPv6 as IPv4, and IPv6 by its /64 — one subscriber usually
 * holds a whole /64, so keying single addresses would let them rotate past the throttle.
 */
export function normaliseClientAddress(raw: string | undefined): string | null {
  const value = stripPort((raw ?? "").trim());
  if (!ipaddr.isValid(value)) return null;
  const ip = ipaddr.process(value);
  if (ip.kind() === "ipv4") return ip.toString();
  return `${(ip as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16)).join(":")}::/64`;
}

/**
 * The client's address: the socket peer, or, behind `trustedHops` proxies, the X-Forwarded-For
 * entry appended by the outermost trusted one. Entries left of it are the client's own claims.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  const chain = trustedHops > 0 ? [...forwarded, socketAddress ?? ""] : [socketAddress ?? ""];
  const picked = chain[Math.max(0, chain.length - 1 - trustedHops)];
  return normaliseClientAddress(picked) ?? normaliseClientAddress(socketAddress) ?? UNKNOWN_ADDRESS;
}
