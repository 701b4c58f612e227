import { Agent, fetch as undiciFetch } from "undici";
import { checkLiteral, guardedLookup, hostOf, type NetworkPolicy } from "./network-guard";

export type GuardedFetch = { fetch: typeof fetch; close: () => Promise<void> };

/**
 * fetch whose every connection goes through the network guard: a literal address is checked
 * before anything is sent, a host name inside the connection's own lookup (so the address
 * checked is the address connected). One agent per dispatcher pass, closed after it.
 */
export function createGuardedFetch(policy: NetworkPolicy): GuardedFetch {
  const agent = new Agent({ connect: { lookup: guardedLookup(policy) } });
  const guarded = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    checkLiteral(hostOf(url), policy.allowPrivateNetworks);
    // undici's own fetch: the global one may be a different undici that rejects this agent.
    return (await undiciFetch(url, { ...(init as object), dispatcher: agent })) as unknown as Response;
  };
  return { fetch: guarded as typeof fetch, close: () => agent.close() };
}
