// Summarises a V8 .cpuprofile (from node --cpu-prof): self time by package/area and the hottest
// functions. Used by use-case-list.ts with BENCH_CPU_PROF=1; also runnable on its own:
//
//   npx tsx bench/cpuprofile-summary.ts <file.cpuprofile>
import fs from "node:fs";
import path from "node:path";
import { round, table } from "./support";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

function area(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native / builtin)";
  if (url.startsWith("node:")) return "node: core";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    // next ships its own compiled copies of react-dom etc.: name them.
    const compiled = /next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    return compiled ? `next (compiled ${compiled[1]})` : pkg[1]!;
  }
  if (url.includes("/.next/server/chunks/") || url.includes("/.next/server/app/")) return "app bundle (.next/server)";
  if (url.includes("/.next/")) return "next build output";
  if (url.includes("/lib/generated/prisma")) return "prisma generated client";
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ""));
}

export function summariseCpuProfile(file: string, top = 15) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs].filter(([id]) => byId.get(id)?.callFrame.functionName === "(idle)").reduce((a, [, v]) => a + v, 0);
  const busy = total - idle;
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === "(idle)") continue;
    const a = area(node.callFrame.url, node.callFrame.functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
    const key = `${node.callFrame.functionName || "(anonymous)"} — ${a}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ""}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const share = (us: number) => round((100 * us) / (busy || 1), 1);
  const rank = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => ({ name: k, selfMs: round(us / 1000, 0), busyPercent: share(us) }));
  return { file, wallMs: round(total / 1000, 0), busyMs: round(busy / 1000, 0), areas: rank(areas), functions: rank(fns) };
}

export function printCpuSummary(s: ReturnType<typeof summariseCpuProfile>) {
  console.log(`\nCPU profile ${s.file}: ${s.busyMs} ms busy of ${s.wallMs} ms profiled (whole server life: start-up, warm-up and load)`);
  console.log(table(["area (self time)", "ms", "% of busy"], s.areas.map((a) => [a.name, a.selfMs, a.busyPercent])));
  console.log("");
  console.log(table(["hottest functions (self time)", "ms", "% of busy"], s.functions.map((f) => [f.name.slice(0, 110), f.selfMs, f.busyPercent])));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npx tsx bench/cpuprofile-summary.ts <file.cpuprofile>");
    process.exit(1);
  }
  printCpuSummary(summariseCpuProfile(file, 25));
}
