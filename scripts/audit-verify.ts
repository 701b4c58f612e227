// `npm run audit:verify`: walks the audit hash chain and reports the first tampered event.
// Exit code 0 when intact, 2 when tampered.
import { openDatabase } from "@/lib/db/open-database";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { fail, loadEnv } from "./boot";

const env = loadEnv();
const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.STRATA_DATA_DIR }).catch((e: Error) => fail(e.message));
const report = await verifyAuditChain(database.prisma);
await database.close();
if (report.ok) {
  console.log(`Audit log intact: ${report.checked} events verified.`);
} else {
  console.error(`Audit log TAMPERED (${report.problem.kind}) at event #${report.problem.seq}: ${report.problem.message}`);
  console.error(`${report.checked} events before it verified.`);
  process.exit(2);
}
