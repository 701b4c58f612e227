import type { NextConfig } from "next";

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
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
