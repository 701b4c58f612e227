// CPU accounting for the benchmarks from /proc (Linux): per process group, per PostgreSQL
// backend, the whole machine, and waiting for a quiet window before measuring.
import fs from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { log, sleep } from "./support-core";
import { round } from "./stats";

type ProcStat = { pid: number; comm: string; state: string; pgrp: number; cpuTicks: number };

/** Every process's /proc/<pid>/stat (Linux only; [] elsewhere). */
function readProcStats(): ProcStat[] {
  if (!fs.existsSync("/proc/self/stat")) return [];
  const out: ProcStat[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp … utime(14) stime(15); comm may contain spaces.
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const f = stat.slice(close + 2).split(" ");
    out.push({ pid: Number(entry), comm, state: f[0]!, pgrp: Number(f[2]), cpuTicks: Number(f[11]) + Number(f[12]) });
  }
  return out;
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on every mainstream Linux build

export type CpuSnapshot = { server: Map<number, number>; postgres: Map<number, number>; self: NodeJS.CpuUsage; machineBusyMs: number };

/**
 * CPU time so far of: the server's process group, the local PostgreSQL's backends serving
 * `database` (recognised by their process title; other databases' backends are someone else's),
 * and this process.
 */
export function cpuSnapshot(serverPgid: number, database?: string): CpuSnapshot {
  const server = new Map<number, number>();
  const postgres = new Map<number, number>();
  for (const p of readProcStats()) {
    if (p.pgrp === serverPgid) server.set(p.pid, p.cpuTicks);
    else if (database && p.comm === "postgres") {
      let title = "";
      try {
        title = fs.readFileSync(`/proc/${p.pid}/cmdline`, "utf8");
      } catch {
        continue;
      }
      if (title.includes(` ${database} `)) postgres.set(p.pid, p.cpuTicks);
    }
  }
  return { server, postgres, self: process.cpuUsage(), machineBusyMs: machineBusyMs() };
}

/** Busy (non-idle) CPU ms of the whole machine so far, from /proc/stat (0 when unavailable). */
export function machineBusyMs(): number {
  try {
    const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …
    const busy = cpu.reduce((a, b, i) => (i === 3 || i === 4 || i >= 8 ? a : a + b), 0);
    return (busy * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * On a shared machine: with BENCH_WAIT_QUIET=<seconds>, waits (at most that long) until the whole
 * machine has been under `thresholdPercent` busy for a 3 s window, so that other people's builds
 * and tests do not land in the measurement. Returns the last window's busy share.
 */
export async function waitForQuiet(label: string, thresholdPercent = 20): Promise<number | undefined> {
  const maxWaitMs = Number(process.env.BENCH_WAIT_QUIET ?? 0) * 1000;
  if (!maxWaitMs) return undefined;
  const cores = os.cpus().length;
  const deadline = Date.now() + maxWaitMs;
  let busy = 100;
  let announced = false;
  while (Date.now() < deadline) {
    const a = machineBusyMs();
    const t = performance.now();
    await sleep(3_000);
    busy = round((100 * (machineBusyMs() - a)) / ((performance.now() - t) * cores), 0);
    if (busy < thresholdPercent) return busy;
    if (!announced) log(`  ${label}: machine ${busy} % busy with other work — waiting for a quieter moment (up to ${maxWaitMs / 1000} s)…`);
    announced = true;
  }
  log(`  ${label}: still ${busy} % busy after ${maxWaitMs / 1000} s — measuring anyway`);
  return busy;
}

/** The 1-minute load average (what else the machine was doing). */
export const loadAverage = () => round(os.loadavg()[0] ?? 0, 2);

/** CPU milliseconds spent between two snapshots, per component. */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot) {
  const diff = (x: Map<number, number>, y: Map<number, number>) => {
    let ticks = 0;
    for (const [pid, t] of y) ticks += t - (x.get(pid) ?? 0);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  };
  const self = process.cpuUsage(a.self);
  const serverMs = diff(a.server, b.server);
  const postgresMs = diff(a.postgres, b.postgres);
  const clientMs = (self.user + self.system) / 1000;
  // Everything else the machine did meanwhile: other people's processes, the kernel.
  const otherMs = Math.max(0, b.machineBusyMs - a.machineBusyMs - serverMs - postgresMs - clientMs);
  return { serverMs, postgresMs, clientMs, otherMs };
}

/** Processes in the process group `pgid` that are still running (zombies excluded; Linux /proc). */
export function liveGroupMembers(pgid: number): number[] {
  if (!fs.existsSync("/proc/self/stat")) {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  return readProcStats()
    .filter((p) => p.pgrp === pgid && p.state !== "Z")
    .map((p) => p.pid);
}
