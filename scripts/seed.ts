// `npm run seed`: seeds the demo organisation (idempotent). Refuses a DATABASE_URL database unless
// STRATA_SEED_DEMO=true, so demo passwords never reach a real deployment by accident.
import { applyMigrations } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open-database";
import { seedDemo } from "@/lib/seed/seed-demo";
import { fail, loadEnv } from "./boot";

const env = loadEnv();
if (env.DATABASE_URL && !env.STRATA_SEED_DEMO) fail("refusing to seed demo users into DATABASE_URL; set STRATA_SEED_DEMO=true to do it anyway");
const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.STRATA_DATA_DIR }).catch((e: Error) => fail(e.message));
await applyMigrations(database.sql);
const { created } = await seedDemo(database.prisma);
console.log(created ? `Seeded ${created} demo records.` : "Demo data already present — nothing to do.");
await database.close();
