import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";
import { validationError } from "@/lib/errors";

// Webhooks are the one place where an admin makes the server send requests to an address of
// their choosing. Without this guard a webhook aimed at 127.0.0.1:5432 or 169.254.169.254 turns
// the delivery log into a port scanner of Strata's own network.

export type ResolvedAddress = { address: string; family: number };
/** Every address a host name resolves to (getaddrinfo, as the connection itself would use). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;
export type NetworkPolicy = { allowPrivateNetworks: boolean; resolve?: Resolve };

/** The policy of this process, from STRATA_WEBHOOK_ALLOW_PRIVATE_NETWORKS. */
export const webhookNetworkPolicy = (): NetworkPolicy => ({ allowPrivateNetworks: env().STRATA_WEBHOOK_ALLOW_PRIVATE_NETWORKS });

export const systemResolve: Resolve = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

// Instance-metadata endpoints hand out cloud credentials: refused even when private networks are
// allowed, because no on-premises receiver ever lives there.
const METADATA = new Set(["169.254.169.254", "169.254.170.2", "169.254.170.23", "100.100.100.200", "168.63.129.16", "fd00:ec2::254", "fd00:ec2::23"]);

const RANGE_LABELS: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT (CGNAT) address",
  private: "a private-network address",
  uniqueLocal: "a unique-local address",
  teredo: "a Teredo tunnel address",
};

/** The IPv4 address an IPv6 translation prefix carries (IPv4-mapped, NAT64, 6to4), if any. */
function embeddedIpv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = ip.range();
  const b = ip.toByteArray();
  if (range === "ipv4Mapped" || range === "rfc6145") return new ipaddr.IPv4(b.slice(12, 16));
  if (range === "rfc6052" && ip.parts[2] === 0) return new ipaddr.IPv4(b.slice(12, 16)); // 64:ff9b::/96
  if (range === "6to4") return new ipaddr.IPv4(b.slice(2, 6));
  // Deprecated IPv4-compatible form ::a.b.c.d.
  if (b.slice(0, 12).every((x) => x === 0) && !["unspecified", "loopback"].includes(range)) return new ipaddr.IPv4(b.slice(12, 16));
  return null;
}

/** Why an address is refused ("a loopback address"), or null for a public one. */
export function blockedRange(address: string, allowPrivateNetworks: boolean): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6") ip = embeddedIpv4(ip as ipaddr.IPv6) ?? ip;
  if (METADATA.has(ip.toNormalizedString()) || METADATA.has(ip.toString())) return "a cloud metadata address";
  if (allowPrivateNetworks) return null;
  const range = ip.range();
  if (range === "unicast") return null;
  return RANGE_LABELS[range] ?? "a reserved address";
}

export class BlockedTargetError extends Error {
  readonly code = "ESTRATA_BLOCKED_TARGET";
  constructor(readonly reason: string) {
    super(reason);
    this.name = "BlockedTargetError";
  }
}

const explain = (what: string, address: string, range: string) =>
  range === "a cloud metadata address"
    ? `${what} ${address}, a cloud metadata address, which webhooks may never reach`
    : `${what} ${address}, ${range}: webhooks may not reach internal networks unless STRATA_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true`;

/** The host of a URL as the connection sees it: IPv6 literals without their brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/** Refuses a literal IP address in the URL itself (WHATWG URL has already normalised 0x7f.1 or 2130706433). */
export function checkLiteral(host: string, allowPrivateNetworks: boolean): void {
  if (!net.isIP(host)) return;
  const range = blockedRange(host, allowPrivateNetworks);
  if (range) throw new BlockedTargetError(explain("points at", host, range));
}

/** Refuses when ANY address of the answer is blocked: a connection may try each of them. */
function checkResolved(host: string, addresses: ResolvedAddress[], allowPrivateNetworks: boolean): void {
  for (const { address } of addresses) {
    const range = blockedRange(address, allowPrivateNetworks);
    if (range) throw new BlockedTargetError(explain(`${host} resolves to`, address, range));
  }
}

/**
 * The check at save time: a literal address, or what the host name resolves to now. A name that
 * does not resolve (yet) passes — the delivery checks again, on the address it connects to.
 */
export async function webhookTargetProblem(rawUrl: string, policy: NetworkPolicy): Promise<string | null> {
  try {
    const url = new URL(rawUrl);
    const host = hostOf(url);
    checkLiteral(host, policy.allowPrivateNetworks);
    if (net.isIP(host)) return null;
    const addresses = await (policy.resolve ?? systemResolve)(host).catch(() => []);
    checkResolved(host, addresses, policy.allowPrivateNetworks);
    return null;
  } catch (error) {
    if (error instanceof BlockedTargetError) return error.reason;
    throw error;
  }
}

/** For the services that save a URL: a 422 on `url` naming the address and its range. */
export async function assertWebhookUrlAllowed(url: string): Promise<void> {
  const problem = await webhookTargetProblem(url, webhookNetworkPolicy());
  if (problem) throw validationError([{ field: "url", message: problem }]);
}

/**
 * A `lookup` for net/tls.connect that resolves, checks and hands the connection exactly the
 * addresses it checked: there is no second resolution a DNS-rebinding answer could slip into.
 */
export function guardedLookup(policy: NetworkPolicy): net.LookupFunction {
  const resolve = policy.resolve ?? systemResolve;
  return (hostname, options, callback) => {
    const done = callback as (error: Error | null, address: string | ResolvedAddress[], family?: number) => void;
    resolve(hostname)
      .then((all) => {
        const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        if (wanted.length === 0) throw Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" });
        checkResolved(hostname, wanted, policy.allowPrivateNetworks);
        if (options.all) done(null, wanted);
        else done(null, wanted[0]!.address, wanted[0]!.family);
      })
      .catch((error: Error) => done(error, ""));
  };
}
