import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships wasm + data files and argon2 a native binary: load them from node_modules at
  // run time instead of bundling them.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  // Resolve metadata before the page streams, for every client: the <title> is then always in
  // the <head> (screen readers announce it at once; axe checks it) instead of arriving later.
  htmlLimitedBots: /.*/,
  // Dataset imports send files of up to 5 MB through a server action (default limit 1 MB).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "6mb" } },
  // Security headers that do not depend on the request; the CSP (which carries a per-request
  // nonce) is set in proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default nextConfig;
