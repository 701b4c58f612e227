// `npm run bench`: every benchmark in turn, each in its own process (so one's servers, stores and
// memory cannot colour the next one's figures). Exits non-zero if any of them failed.
import { spawnSync } from "node:child_process";
import { ROOT } from "./support";

// The soak (bench/soak.ts) is left out: it runs for over an hour.
const BENCHMARKS = ["bench/startup.ts", "bench/use-case-list.ts", "bench/render.ts", "bench/runtime-config.ts", "bench/sign-in-timing.ts"];

let failed = 0;
for (const file of BENCHMARKS) {
  console.log(`\n━━━ ${file} ━━━\n`);
  const result = spawnSync("npx", ["tsx", file], { cwd: ROOT, stdio: "inherit", timeout: 30 * 60_000 });
  if (result.status !== 0) {
    failed++;
    console.error(`✖ ${file} failed (status ${result.status}, signal ${result.signal})`);
  }
}
console.log(failed ? `\n${failed} benchmark(s) failed` : "\nall benchmarks finished; JSON in bench/results/");
process.exit(failed ? 1 : 0);
