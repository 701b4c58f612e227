import { describe, expect, it } from "vitest";
import { clientAddressOf, normaliseClientAddress, UNKNOWN_ADDRESS } from "./client-address";

describe("client address", () => {
  it("is the socket's peer unless proxies are trusted: a client cannot pick its own", () => {
    expect(clientAddressOf("198.51.100.7", "203.0.113.9", 0)).toBe("198.51.100.7");
    expect(clientAddressOf("::ffff:198.51.100.7", undefined, 0)).toBe("198.51.100.7");
  });

  it("behind N trusted proxies, is the entry the outermost one appended", () => {
    // client claims 1.1.1.1; the load balancer appends the real peer; the socket is the balancer.
    expect(clientAddressOf("10.0.0.2", "1.1.1.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.3", ["1.1.1.1, 198.51.100.7", "10.0.0.2"], 2)).toBe("198.51.100.7");
    // Fewer entries than hops: the furthest one known.
    expect(clientAddressOf("10.0.0.2", "198.51.100.7", 3)).toBe("198.51.100.7");
    // A garbage entry falls back to the socket.
    expect(clientAddressOf("10.0.0.2", "not-an-ip", 1)).toBe("10.0.0.2");
  });

  it("keys IPv6 clients by their /64 and drops ports", () => {
    expect(normaliseClientAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normaliseClientAddress("[2001:db8:1:2::9]:443")).toBe("2001:db8:1:2::/64");
    expect(normaliseClientAddress("198.51.100.7:5123")).toBe("198.51.100.7");
    expect(normaliseClientAddress("")).toBeNull();
    expect(clientAddressOf(undefined, undefined, 0)).toBe(UNKNOWN_ADDRESS);
  });
});
