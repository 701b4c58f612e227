// Runs `prisma generate` offline. Prisma's CLI insists on downloading its native schema engine
// before any command, even though `generate` never executes it; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download (see stack notes).
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
