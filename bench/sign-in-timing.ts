// Benchmark: does a password sign-in take measurably longer for an existing account than for an
// unknown email? (Issue 8 §3: the answer time must not tell who has an account.)
//
//   npx tsx bench/sign-in-timing.ts
//
// Environment (all optional):
//   BENCH_ATTEMPTS=200     attempts per kind
//   BENCH_BACKENDS=pglite  pglite and/or postgres (BENCH_POSTGRES_URL, local only, as elsewhere)
//
// What is timed: lib/auth/sign-in-with-password.ts's signInWithPassword — the whole of what the
// credentials provider's authorize() does (throttle read, user lookup, argon2 verify of the real
// or the dummy hash, the throttle write and its rate-limited audit in one transaction) — called
// in-process on a migrated database holding the demo organisation. Not over HTTP: on a shared
// two-core machine the HTTP stack's jitter would hide a difference of a millisecond or two, which
// is exactly what we are looking for. Kinds, interleaved attempt by attempt so machine load hits
// them alike: a known email with a wrong password, an unknown email, a deactivated account. Every
// attempt comes from its own client address, so the throttle never short-cuts an answer. The
// "noise" row compares the known-email attempts' odd and even halves: a difference between kinds
// no larger than that is noise.
import { performance } from "node:perf_hooks";
import { newId } from "@/lib/context";
import { hashPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { prepareStore, type Backend } from "./dataset";
import { log, machineInfo, median, percentile, round, runBenchmark, table, writeResult } from "./support";

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 200);
const BACKENDS = (process.env.BENCH_BACKENDS ?? "pglite").split(",").map((b) => b.trim()) as Backend[];
const KINDS = { known: "owner@strata.local", unknown: "no-such-person@strata.local", deactivated: "bench-deactivated@strata.local" } as const;
type Kind = keyof typeof KINDS;

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: ms.length, medianMs: round(median(ms), 2), p95Ms: round(percentile(sorted, 95), 2), meanMs: round(ms.reduce((a, b) => a + b, 0) / ms.length, 2) };
};

async function measure(backend: Backend) {
  const store = await prepareStore(backend, 0, { keepOpen: true });
  const db = store.database!.prisma;
  await db.user.create({ data: { id: newId("usr"), email: KINDS.deactivated, name: "Deactivated", role: "VIEWER", isActive: false, passwordHash: await hashPassword("bench password 1") } });
  const samples: Record<Kind, number[]> = { known: [], unknown: [], deactivated: [] };
  const kinds = Object.keys(KINDS) as Kind[];
  // Warm-up: first calls pay for module loading and query planning.
  for (let i = 0; i < 10; i++) for (const k of kinds) await signInWithPassword(db, KINDS[k], "warm-up guess", { clientAddress: `198.18.${i}.${kinds.indexOf(k)}` });
  for (let i = 0; i < ATTEMPTS; i++) {
    // Rotate which kind goes first, so none always follows the same one.
    for (let j = 0; j < kinds.length; j++) {
      const kind = kinds[(i + j) % kinds.length]!;
      const clientAddress = `10.${j}.${Math.floor(i / 250)}.${i % 250}`;
      const t0 = performance.now();
      const result = await signInWithPassword(db, KINDS[kind], `wrong guess ${i}`, { clientAddress });
      samples[kind].push(performance.now() - t0);
      if (result.ok || result.reason !== "invalid") throw new Error(`unexpected answer for ${kind}: ${JSON.stringify(result)}`);
    }
  }
  await store.database!.close();
  await store.dispose();
  const summary = Object.fromEntries(kinds.map((k) => [k, stats(samples[k])])) as Record<Kind, ReturnType<typeof stats>>;
  const noise = round(Math.abs(median(samples.known.filter((_, i) => i % 2)) - median(samples.known.filter((_, i) => i % 2 === 0))), 2);
  return { backend, summary, noiseMs: noise, unknownMinusKnownMedianMs: round(summary.unknown.medianMs - summary.known.medianMs, 2), deactivatedMinusKnownMedianMs: round(summary.deactivated.medianMs - summary.known.medianMs, 2) };
}

runBenchmark("sign-in-timing", 20 * 60_000, async () => {
  const results = [];
  for (const backend of BACKENDS) {
    log(`${backend}: ${ATTEMPTS} attempts per kind, interleaved…`);
    results.push(await measure(backend));
  }
  const rows = results.flatMap((r) => [
    ...(Object.entries(r.summary) as [Kind, ReturnType<typeof stats>][]).map(([k, s]) => [r.backend, k, s.n, s.medianMs, s.p95Ms, s.meanMs, k === "known" ? "–" : k === "unknown" ? r.unknownMinusKnownMedianMs : r.deactivatedMinusKnownMedianMs]),
    [r.backend, "noise (known vs known)", "", "", "", "", r.noiseMs],
  ]);
  console.log(`\n${table(["backend", "email", "n", "median ms", "p95 ms", "mean ms", "Δ median vs known"], rows)}\n`);
  console.log(`written ${writeResult("sign-in-timing", { attempts: ATTEMPTS, machine: await machineInfo(), results })}`);
});
