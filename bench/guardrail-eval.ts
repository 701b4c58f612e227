// Local guardrail evaluation throughput, and what a pathological regex can and cannot do.
//
//   npx tsx bench/guardrail-eval.ts        (BENCH_SECONDS=5 per measurement by default)
//
// In-process and CPU-bound: the evaluator is a pure function, so there is no server or
// database in the measurement. Bedrock allows at most 10 regexes per guardrail, so the
// "20 regexes + all PII patterns" workload is two valid guardrails' worth evaluated one after
// the other on every text — A: 10 regexes + every locally detected PII type, B: 10 more regexes
// — which is the evaluator's full work for 20 regexes. Texts are 10 kB, synthetic and seeded
// (prose with emails, phones, valid/invalid card numbers, SSNs, IPs, URLs and AWS keys mixed in).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { compileGuardrail, evaluateLocally, type CompiledGuardrail } from "../lib/guardrails/evaluate-locally";
import { evaluateWithBudget } from "../lib/guardrails/evaluate-with-budget";
import { LOCALLY_DETECTED_PII } from "../lib/guardrails/pii-detectors";
import { guardrailConfigSchema, LIMITS, regexPatternProblem } from "../lib/guardrails/schemas";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TEXT_BYTES = 10_000;
const MESSAGES = { blockedInputMessaging: "Blocked.", blockedOutputsMessaging: "Blocked." };

let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const WORDS = "the customer asked about their order refund policy shipping invoice account balance support ticket priority escalation agent response within hours please confirm details below".split(" ");
const SENSITIVE = ["jane.doe@example.com", "(555) 123-4567", "+44 20 7946 0958", "4111 1111 1111 1111", "4111 1111 1111 1112", "123-45-6789", "10.0.12.254", "https://example.com/orders/991", "AKIAIOSFODNN7EXAMPLE", "ORD-123456", "INV-2026-0042", "TCK#88231"];

function makeText(): string {
  let text = "";
  while (text.length < TEXT_BYTES) text += rand() < 0.04 ? `${pick(SENSITIVE)} ` : `${pick(WORDS)}${rand() < 0.08 ? ". " : " "}`;
  return text.slice(0, TEXT_BYTES);
}

const REGEXES = [
  "ORD-\\d{6}", "INV-\\d{4}-\\d{4}", "TCK#\\d{5}", "\\bEMP\\d{6}\\b", "\\b[A-Z]{2}\\d{2}[A-Z0-9]{10,30}\\b", "\\bPO-[A-Z]{3}-\\d{5}\\b",
  "\\bsk-[A-Za-z0-9]{20,}\\b", "\\bghp_[A-Za-z0-9]{36}\\b", "\\b\\d{5}-\\d\\d\\d\\d\\b", "\\bproject (?:falcon|osprey|kestrel)\\b",
  "\\bACC-\\d{8}\\b", "\\bCLM\\d{7}\\b", "\\bpassword\\s*[:=]\\s*\\S+", "\\bapi[_-]?key\\s*[:=]\\s*\\S+", "\\b(?:19|20)\\d{2}-\\d{2}-\\d{2}\\b",
  "\\bMRN\\d{6,8}\\b", "\\bBTC[13][a-km-zA-HJ-NP-Z1-9]{25,34}\\b", "\\bVIN[A-HJ-NPR-Z0-9]{17}\\b", "\\brefund of \\$\\d+\\.\\d\\d", "\\bSWIFT[A-Z]{6}[A-Z0-9]{2}\\b",
];
const regexes = (from: number) => REGEXES.slice(from, from + 10).map((pattern, i) => ({ name: `r${from + i}`, pattern, action: "ANONYMIZE" }));
const guardrails: CompiledGuardrail[] = [
  { ...MESSAGES, sensitiveInformationPolicy: { piiEntities: [...LOCALLY_DETECTED_PII].map((type) => ({ type, action: "ANONYMIZE" })), regexes: regexes(0) } },
  { ...MESSAGES, sensitiveInformationPolicy: { regexes: regexes(10) } },
].map((c) => compileGuardrail(guardrailConfigSchema.parse(c)));

function measure(label: string, evaluate: (text: string) => void, texts: string[]) {
  for (const t of texts.slice(0, 20)) evaluate(t); // warm-up
  const perText: number[] = [];
  const started = performance.now();
  let i = 0;
  while (performance.now() - started < SECONDS * 1000) {
    const t0 = performance.now();
    evaluate(texts[i++ % texts.length]!);
    perText.push(performance.now() - t0);
  }
  const elapsed = (performance.now() - started) / 1000;
  perText.sort((a, b) => a - b);
  const q = (p: number) => perText[Math.min(perText.length - 1, Math.floor(p * perText.length))]!;
  const row = { label, texts: perText.length, textsPerSecond: Math.round(perText.length / elapsed), mbPerSecond: +((perText.length * TEXT_BYTES) / elapsed / 1e6).toFixed(2), p50Ms: +q(0.5).toFixed(3), p99Ms: +q(0.99).toFixed(3), maxMs: +perText.at(-1)!.toFixed(3) };
  console.log(`${label.padEnd(44)} ${String(row.textsPerSecond).padStart(7)} texts/s  ${String(row.mbPerSecond).padStart(6)} MB/s  p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms  max ${row.maxMs} ms`);
  return row;
}

console.log(`Node ${process.version}, ${os.cpus()[0]?.model} × ${os.cpus().length}; ${SECONDS} s per measurement, single thread\n`);
const texts = Array.from({ length: 200 }, makeText);
const sample = guardrails.map((g) => evaluateLocally(g, "OUTPUT", texts[0]!));
const findings = sample.reduce((n, v) => n + (v.assessments[0].sensitiveInformationPolicy?.piiEntities.length ?? 0) + (v.assessments[0].sensitiveInformationPolicy?.regexes.length ?? 0), 0);
console.log(`Workload: 10 kB texts, 20 regexes (2 guardrails × 10, Bedrock's per-guardrail limit) + ${LOCALLY_DETECTED_PII.size} PII detectors; ${findings} findings on the first text\n`);
const throughput = [
  measure("evaluateLocally (no time budget)", (t) => guardrails.forEach((g) => evaluateLocally(g, "OUTPUT", t)), texts),
  measure("evaluateWithBudget (vm timeout 250 ms)", (t) => guardrails.forEach((g) => evaluateWithBudget(g, "OUTPUT", t)), texts),
];

console.log("\nPathological regexes");
const catastrophic = "(a+)+$";
const rejected = regexPatternProblem(catastrophic);
console.log(`  validation: ${catastrophic} → ${rejected ? `REJECTED (422): "${rejected}"` : "accepted"}`);
const sneaky = "(a|a)*$";
console.log(`  validation: ${sneaky} → ${regexPatternProblem(sneaky) ?? "accepted — safe-regex2's star-height heuristic misses it"}`);

const growth: { chars: number; ms: number }[] = [];
for (const n of [18, 20, 22, 24]) {
  const t0 = performance.now();
  new RegExp(sneaky).test(`${"a".repeat(n)}!`);
  growth.push({ chars: n + 1, ms: +(performance.now() - t0).toFixed(1) });
}
console.log(`  unbounded ${sneaky} on "a…a!": ${growth.map((g) => `${g.chars} chars ${g.ms} ms`).join(", ")} (×~4 per 2 chars → ${LIMITS.benchText} chars would never finish)`);

const bounded = [catastrophic, sneaky].map((pattern) => {
  // Compiled directly, bypassing validation, to show the evaluation bound on its own.
  const g = compileGuardrail({ ...MESSAGES, sensitiveInformationPolicy: { piiEntities: [], regexes: [{ name: "evil", description: "", pattern, action: "BLOCK" }] } });
  const text = `${"a".repeat(LIMITS.benchText - 1)}!`;
  const t0 = performance.now();
  const verdict = evaluateWithBudget(g, "INPUT", text, 250);
  const ms = +(performance.now() - t0).toFixed(1);
  console.log(`  evaluation: ${pattern} on ${text.length} chars "aaaa…!" → ${verdict.action} after ${ms} ms (budget 250 ms)`);
  return { pattern, chars: text.length, action: verdict.action, ms };
});

const out = path.join(import.meta.dirname, "results", "guardrail-eval.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model, cpus: os.cpus().length, seconds: SECONDS, throughput, validation: { [catastrophic]: rejected ?? null, [sneaky]: regexPatternProblem(sneaky) ?? null }, growth, bounded }, null, 2));
console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
