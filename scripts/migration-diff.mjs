// Prints the SQL that turns one Prisma schema into another, offline.
//   node scripts/migration-diff.mjs [from-schema-file|--empty] [to-schema-file]
// e.g. git show HEAD:prisma/schema.prisma > /tmp/old.prisma && node scripts/migration-diff.mjs /tmp/old.prisma
// The Prisma CLI cannot download its native schema engine here, so this drives the wasm
// build of the same engine over an in-memory PGlite (see stack notes). Write the output into a
// new prisma/migrations/<timestamp>_<name>/migration.sql.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const engineDir = new URL("../node_modules/@prisma/schema-engine-wasm/", import.meta.url).pathname;
const bg = await import(engineDir + "schema_engine_bg.js");
const { instance } = await WebAssembly.instantiate(fs.readFileSync(engineDir + "schema_engine_bg.wasm"), {
  "./schema_engine_bg.js": bg,
});
bg.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start?.();

const [fromArg = "--empty", toArg = "prisma/schema.prisma"] = process.argv.slice(2);
const target = (file) => ({ tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: fs.readFileSync(file, "utf8") }] });
const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(new PGlite()));
const engine = await bg.SchemaEngine.new({ datamodels: undefined }, () => {}, factory);
const result = await engine.diff({
  from: fromArg === "--empty" ? { tag: "empty" } : target(fromArg),
  to: target(toArg),
  script: true,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
});
process.stdout.write(result.stdout ?? "");
