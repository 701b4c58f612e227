import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here (see scripts/prisma-generate.mjs); the
// runtime connection is chosen in lib/db.ts. DATABASE_URL is optional for that reason.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
