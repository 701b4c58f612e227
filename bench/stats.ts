// Statistics and reporting for the benchmarks.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { RESULTS_DIR, ROOT } from "./support-core";

/** Nearest-rank percentile of an ascending-sorted array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);

/** Throughput and latency percentiles of one load phase (`digits` decimals on the latencies). */
export function summarise(samples: readonly { ms: number; ok: boolean }[], wallMs: number, digits = 1) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: samples.length,
    requestsPerSecond: round(samples.length / (wallMs / 1000), 1),
    meanMs: round(ms.reduce((a, b) => a + b, 0) / (ms.length || 1), digits),
    p50Ms: round(percentile(ms, 50), digits),
    p95Ms: round(percentile(ms, 95), digits),
    p99Ms: round(percentile(ms, 99), digits),
    maxMs: round(ms[ms.length - 1] ?? Number.NaN, 1),
    errors: samples.filter((s) => !s.ok).length,
  };
}

/** A plain-text table with right-aligned numbers. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) =>
    "| " + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(" | ") + " |";
  const sep = "|" + widths.map((w, c) => (c === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|";
  return [line(cells[0]!), sep, ...cells.slice(1).map(line)].join("\n");
}

export function writeResult(name: string, data: unknown): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  return path.relative(ROOT, file);
}

export async function machineInfo() {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
  };
}

/** Least-squares line through (x, y) points, with the standard error of its slope. */
export function fitLine(points: [number, number][]): { slope: number; intercept: number; slopeError: number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
  const intercept = my - slope * mx;
  const residuals = points.reduce((s, [x, y]) => s + (y - (intercept + slope * x)) ** 2, 0);
  return { slope, intercept, slopeError: n > 2 ? Math.sqrt(residuals / (n - 2) / sxx) : Number.NaN };
}
