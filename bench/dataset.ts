// The benchmark data set and request mix, shared by use-case-list.ts and profile-use-case-list.ts:
// a fresh store (PGlite directory or PostgreSQL database strata_bench_<random>), migrated, seeded
// with the demo organisation and bulk-loaded with deterministic use cases, plus an API token.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/db/migrate";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { seedDemo } from "@/lib/seed/seed-demo";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { ctxFor } from "@/lib/testing/fixtures";
import type { UserActor } from "@/lib/permissions";
import { round, scopedCleanup } from "./support";
import { prng } from "./prng";

export type Backend = "pglite" | "postgres";

export const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(new URL(ADMIN_URL).hostname)) {
  throw new Error(`refusing a non-local PostgreSQL (${new URL(ADMIN_URL).hostname}): benchmarks only touch localhost`);
}
/** Share of the bulk-loaded use cases in the token's team (a token sees only its own team's). */
export const TOKEN_TEAM_SHARE = 0.9;
export const BATCH = 1000;

/**
 * What-if changes applied to the throwaway store only (never to the project's migrations), to
 * test a suggested fix under the same load: BENCH_EXPERIMENT=index or index,trgm.
 */
export const EXPERIMENTS = {
  index: {
    description: 'CREATE INDEX ON "UseCase"("teamId", name, id) — serves WHERE teamId ORDER BY name, id LIMIT/OFFSET without a sort',
    sql: [`CREATE INDEX "bench_UseCase_teamId_name_id_idx" ON "UseCase"("teamId", "name", "id")`],
  },
  trgm: {
    description: "pg_trgm GIN indexes on name, slug, description — serve the q= ILIKE '%…%' search (PostgreSQL only)",
    sql: [
      "CREATE EXTENSION IF NOT EXISTS pg_trgm",
      `CREATE INDEX "bench_UseCase_name_trgm" ON "UseCase" USING gin ("name" gin_trgm_ops)`,
      `CREATE INDEX "bench_UseCase_slug_trgm" ON "UseCase" USING gin ("slug" gin_trgm_ops)`,
      `CREATE INDEX "bench_UseCase_description_trgm" ON "UseCase" USING gin ("description" gin_trgm_ops)`,
    ],
  },
} as const;
export type Experiment = keyof typeof EXPERIMENTS;

export function parseExperiments(value: string | undefined): Experiment[] {
  const list = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const e of list) if (!(e in EXPERIMENTS)) throw new Error(`unknown BENCH_EXPERIMENT ${e} (known: ${Object.keys(EXPERIMENTS).join(", ")})`);
  return list as Experiment[];
}
export const PAGE_SIZE = 25;

// ---------------------------------------------------------------------------------------------
// Deterministic data: the same 10,000 use cases on every run and backend.


function weighted<T extends string>(rand: () => number, entries: [T, number][]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [value, w] of entries) if ((x -= w) < 0) return value;
  return entries[entries.length - 1]![0];
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const DOMAINS = ["Support", "Invoice", "Contract", "Claims", "HR policy", "Marketing copy", "Sales email", "Fraud", "Procurement", "Legal", "Onboarding", "Knowledge base", "Code review", "Incident", "Compliance", "Churn", "Pricing", "Logistics", "Translation", "Document"];
const TASKS = ["triage", "summariser", "assistant", "classifier", "extraction", "drafting", "search", "copilot", "router", "forecaster", "Q&A bot", "redaction"];
const QUALIFIERS = ["", "", "", "EMEA", "APAC", "Americas", "pilot", "v2", "internal", "for agents"];
const OWNERS = ["Priya Owner", "Felix Finance", "Dana Whitfield", "Marco Rossi", "Aiko Tanaka", "Sam Okafor", "Lena Brandt"];
const PURPOSES = [
  "Classifies incoming requests and routes them to the right queue",
  "Drafts a first answer for a human to review before sending",
  "Extracts structured fields from scanned documents",
  "Summarises long threads and recorded calls for the CRM",
  "Answers employee questions from the internal knowledge base",
  "Flags unusual patterns for an analyst to investigate",
  "Translates customer messages and replies between 12 languages",
];
const MODELS = ["Claude on Amazon Bedrock", "Amazon Titan", "Llama on Bedrock", "Mistral on Bedrock"];

const RISK_WEIGHTS: [Prisma.UseCaseCreateManyInput["riskTier"], number][] = [["MINIMAL", 35], ["LIMITED", 40], ["HIGH", 22], ["PROHIBITED", 3]];
const STATUS_WEIGHTS: [NonNullable<Prisma.UseCaseCreateManyInput["status"]>, number][] = [
  ["DRAFT", 30], ["SUBMITTED", 12], ["CHANGES_REQUESTED", 6], ["APPROVED", 14], ["IN_PRODUCTION", 28], ["REJECTED", 4], ["RETIRED", 6],
];

export function generateUseCases(n: number, teams: { tokenTeamId: string; otherTeamId: string }, users: { ownerId: string; otherOwnerId: string }) {
  const rand = prng(20261122);
  const now = Date.now();
  const day = 86_400_000;
  const rows: Prisma.UseCaseCreateManyInput[] = [];
  for (let i = 1; i <= n; i++) {
    const inTokenTeam = rand() < TOKEN_TEAM_SHARE;
    const domain = pick(rand, DOMAINS);
    const task = pick(rand, TASKS);
    const qualifier = pick(rand, QUALIFIERS);
    const name = [domain, task, qualifier].filter(Boolean).join(" ") + ` ${i}`;
    const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
    const status = weighted(rand, STATUS_WEIGHTS);
    const createdAt = new Date(now - Math.floor(rand() * 730) * day - Math.floor(rand() * day));
    const updatedAt = new Date(Math.min(now, createdAt.getTime() + Math.floor(rand() * 120) * day));
    const submitted = status !== "DRAFT";
    const owner = inTokenTeam ? users.ownerId : users.otherOwnerId;
    rows.push({
      id: `uc_bench${String(i).padStart(6, "0")}${crypto.randomBytes(4).toString("hex")}`,
      slug,
      name,
      description: `${pick(rand, PURPOSES)} for the ${domain.toLowerCase()} team, using ${pick(rand, MODELS)}. Outputs are reviewed by a person before anything leaves the company.`,
      teamId: inTokenTeam ? teams.tokenTeamId : teams.otherTeamId,
      businessOwner: pick(rand, OWNERS),
      kpis: Array.from({ length: Math.floor(rand() * 3) }, (_, k) => ({ name: ["Handling time", "Accuracy", "CSAT"][k]!, target: [">= 90%", "< 2 h", ">= 4.2"][k]! })),
      riskTier: weighted(rand, RISK_WEIGHTS),
      dataClassification: pick(rand, ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"] as const),
      handlesPersonalData: rand() < 0.45,
      audience: rand() < 0.7 ? "INTERNAL" : "EXTERNAL",
      costAllocationTag: rand() < 0.8 ? `cc-${1000 + Math.floor(rand() * 9000)}` : "",
      nextReviewDate: rand() < 0.8 ? new Date(`${2025 + Math.floor(rand() * 3)}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-15T00:00:00Z`) : null,
      status,
      reviewRound: submitted ? 1 + (rand() < 0.15 ? 1 : 0) : 0,
      submittedById: submitted ? owner : null,
      submittedAt: submitted ? new Date(createdAt.getTime() + day) : null,
      createdById: owner,
      createdAt,
      updatedAt,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The request mix (every request sorted by name, pageSize 25)

export const KINDS: Kind[] = ["list", "search", "riskTier", "status", "riskTier+status"];
export const MIX_DESCRIPTION = "55 % list page 1–50 · 15 % q=search page 1–3 · 15 % riskTier page 1–10 · 10 % status page 1–10 · 5 % riskTier+status page 1–5; all sort=name (80 % asc), pageSize 25";

export type Kind = "list" | "search" | "riskTier" | "status" | "riskTier+status";

export const SEARCH_TERMS = ["triage", "invoice", "assistant", "fraud", "emea", "redaction", "knowledge", "contract summ", "support-triage", "bedrock"];

export function makeRequestPicker(seed: number) {
  const rand = prng(seed);
  const page = (max: number) => 1 + Math.floor(rand() * max);
  return (): { kind: Kind; path: string } => {
    const kind = weighted<Kind>(rand, [["list", 55], ["search", 15], ["riskTier", 15], ["status", 10], ["riskTier+status", 5]]);
    const params = new URLSearchParams({ sort: "name", order: rand() < 0.8 ? "asc" : "desc", pageSize: String(PAGE_SIZE) });
    switch (kind) {
      case "list":
        params.set("page", String(page(50)));
        break;
      case "search":
        params.set("q", pick(rand, SEARCH_TERMS));
        params.set("page", String(page(3)));
        break;
      case "riskTier":
        params.set("riskTier", pick(rand, ["MINIMAL", "LIMITED", "HIGH", "PROHIBITED"]));
        params.set("page", String(page(10)));
        break;
      case "status":
        params.set("status", pick(rand, ["DRAFT", "SUBMITTED", "APPROVED", "IN_PRODUCTION"]));
        params.set("page", String(page(10)));
        break;
      case "riskTier+status":
        params.set("riskTier", pick(rand, ["LIMITED", "HIGH"]));
        params.set("status", pick(rand, ["SUBMITTED", "IN_PRODUCTION"]));
        params.set("page", String(page(5)));
        break;
    }
    return { kind, path: `/api/v1/use-cases?${params}` };
  };
}

// ---------------------------------------------------------------------------------------------
// Store preparation

export type Store = {
  backend: Backend;
  /** PostgreSQL only: the throwaway database's name. */
  databaseName?: string;
  serverEnv: Record<string, string>;
  token: string;
  tokenTeamId: string;
  expectedTotal: number;
  setup: Record<string, number | string>;
  dispose: () => Promise<void>;
};

/**
 * Creates and fills a fresh store, then closes it (the server takes it over). `keepOpen` leaves
 * the database open and returns it (for in-process profiling).
 */
export async function prepareStore(
  backend: Backend,
  useCases: number,
  options: { keepOpen?: boolean; experiments?: Experiment[] } = {},
): Promise<Store & { database?: Database; url?: string }> {
  const setup: Record<string, number | string> = {};
  const t0 = performance.now();
  let database: Database;
  let serverExtras: Record<string, string>;
  let dispose: () => Promise<void>;
  let databaseName: string | undefined;

  if (backend === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata_bench_pglite_"));
    dispose = scopedCleanup(`remove ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true }));
    database = await openDatabase({ dataDir: dir });
    serverExtras = { STRATA_DATA_DIR: dir };
    setup.store = dir;
  } else {
    const name = `strata_bench_${crypto.randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    dispose = scopedCleanup(`drop database ${name}`, async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString() });
    serverExtras = { DATABASE_URL: url.toString(), NEXTAUTH_SECRET: crypto.randomBytes(36).toString("base64url") };
    setup.store = `database ${name}`;
    databaseName = name;
  }

  try {
    let t = performance.now();
    await applyMigrations(database.sql);
    const { created } = await seedDemo(database.prisma);
    setup.migrateAndSeedMs = round(performance.now() - t, 0);
    setup.demoRecords = created;

    const db = database.prisma;
    const tokenTeam = await db.team.findUniqueOrThrow({ where: { slug: "customer-support" } });
    const otherTeam = await db.team.findUniqueOrThrow({ where: { slug: "finance-ops" } });
    const owner = await db.user.findUniqueOrThrow({ where: { email: "owner@strata.local" } });
    const otherOwner = await db.user.findUniqueOrThrow({ where: { email: "finance-owner@strata.local" } });
    const adminUser = await db.user.findUniqueOrThrow({ where: { email: "admin@strata.local" } });

    t = performance.now();
    const rows = generateUseCases(useCases, { tokenTeamId: tokenTeam.id, otherTeamId: otherTeam.id }, { ownerId: owner.id, otherOwnerId: otherOwner.id });
    for (let i = 0; i < rows.length; i += BATCH) await db.useCase.createMany({ data: rows.slice(i, i + BATCH) });
    setup.bulkInsertMs = round(performance.now() - t, 0);
    setup.bulkInserted = rows.length;
    setup.bulkInsertMethod = `prisma.useCase.createMany in batches of ${BATCH} (setup only, no audit events)`;

    for (const experiment of options.experiments ?? []) {
      if (experiment === "trgm" && backend === "pglite") throw new Error("the trgm experiment needs PostgreSQL (Strata's PGlite loads no pg_trgm)");
      t = performance.now();
      for (const sql of EXPERIMENTS[experiment].sql) await database.sql.exec(sql);
      setup[`experiment:${experiment}Ms`] = round(performance.now() - t, 0);
    }

    // Autovacuum would vacuum and analyze the table soon after such a load (PostgreSQL ≥ 13
    // vacuums insert-only tables too); do it now so plans and visibility map are the steady-state
    // ones (PGlite runs no autovacuum at all).
    t = performance.now();
    await database.sql.exec("VACUUM ANALYZE");
    setup.vacuumAnalyzeMs = round(performance.now() - t, 0);

    const adminActor: UserActor = { kind: "user", id: adminUser.id, name: adminUser.name, email: adminUser.email, role: adminUser.role, teamIds: [] };
    const { token } = await createApiToken(ctxFor(db, adminActor), { teamId: tokenTeam.id, name: "bench use-case list", permissions: ["use-cases:read"] });

    const expectedTotal = await db.useCase.count({ where: { teamId: tokenTeam.id } });
    const allTotal = await db.useCase.count();
    setup.useCasesTotal = allTotal;
    setup.useCasesInTokenTeam = expectedTotal;
    setup.prepareMs = round(performance.now() - t0, 0);
    const store = { backend, databaseName, serverEnv: serverExtras, token, tokenTeamId: tokenTeam.id, expectedTotal, setup, dispose };
    if (options.keepOpen) return { ...store, database, url: serverExtras.DATABASE_URL };
    // Closing releases the PGlite lock, which the server process is about to take.
    await database.close();
    return store;
  } catch (error) {
    await database.close().catch(() => undefined);
    await dispose();
    throw error;
  }
}

