import type { Metric } from "./evaluate-gates";

// Pure: compares a baseline run (a) with a candidate run (b) of the same use case.

export type CompareItem = {
  itemIndex: number | null;
  input: Record<string, unknown>;
  output: string;
  expected: string | null;
  scores: Record<string, number>;
  passed: boolean | null;
};

export type MetricDelta = { name: string; a: number | null; b: number | null; delta: number | null };
export type ScoreDelta = { name: string; a: number | null; b: number | null; delta: number | null };
export type ItemPair = { key: string; matchedBy: "itemIndex" | "input"; a: CompareItem; b: CompareItem; scores: ScoreDelta[] };
export type ItemComparison = {
  /** Passed in a, failed in b. */
  regressions: ItemPair[];
  /** Failed in a, passed in b. */
  fixes: ItemPair[];
  unchanged: ItemPair[];
  onlyA: CompareItem[];
  onlyB: CompareItem[];
};

/** JSON with object keys sorted at every level: {"b":1,"a":2} and {"a":2,"b":1} are the same input. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

/** Every metric of either run, a's order first, with b − a. */
export function compareMetrics(a: readonly Metric[], b: readonly Metric[]): MetricDelta[] {
  const av = new Map(a.map((m) => [m.name, m.value]));
  const bv = new Map(b.map((m) => [m.name, m.value]));
  const names = [...new Set([...a.map((m) => m.name), ...b.map((m) => m.name)])];
  return names.map((name) => {
    const x = av.get(name) ?? null;
    const y = bv.get(name) ?? null;
    return { name, a: x, b: y, delta: delta(x, y) };
  });
}

function scoreDeltas(a: Record<string, number>, b: Record<string, number>): ScoreDelta[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].map((name) => {
    const x = a[name] ?? null;
    const y = b[name] ?? null;
    return { name, a: x, b: y, delta: delta(x, y) };
  });
}

/**
 * Matches items by itemIndex where both carry the same one, then the rest by their input
 * (canonical JSON; duplicates pair up in order). Regressions come first in what a reviewer reads.
 */
export function compareItems(a: readonly CompareItem[], b: readonly CompareItem[]): ItemComparison {
  const pairs: ItemPair[] = [];
  const byIndex = new Map<number, CompareItem>();
  for (const item of b) if (item.itemIndex !== null && !byIndex.has(item.itemIndex)) byIndex.set(item.itemIndex, item);
  const usedB = new Set<CompareItem>();
  const restA: CompareItem[] = [];
  for (const item of a) {
    const match = item.itemIndex === null ? undefined : byIndex.get(item.itemIndex);
    if (match && !usedB.has(match)) {
      usedB.add(match);
      pairs.push({ key: `#${item.itemIndex}`, matchedBy: "itemIndex", a: item, b: match, scores: scoreDeltas(item.scores, match.scores) });
    } else restA.push(item);
  }
  const byInput = new Map<string, CompareItem[]>();
  for (const item of b) {
    if (usedB.has(item)) continue;
    const key = canonicalJson(item.input);
    byInput.set(key, [...(byInput.get(key) ?? []), item]);
  }
  const onlyA: CompareItem[] = [];
  for (const item of restA) {
    const key = canonicalJson(item.input);
    const match = byInput.get(key)?.shift();
    if (match) {
      usedB.add(match);
      pairs.push({ key, matchedBy: "input", a: item, b: match, scores: scoreDeltas(item.scores, match.scores) });
    } else onlyA.push(item);
  }
  return {
    regressions: pairs.filter((p) => p.a.passed === true && p.b.passed === false),
    fixes: pairs.filter((p) => p.a.passed === false && p.b.passed === true),
    unchanged: pairs.filter((p) => !(p.a.passed === true && p.b.passed === false) && !(p.a.passed === false && p.b.passed === true)),
    onlyA,
    onlyB: b.filter((item) => !usedB.has(item)),
  };
}
