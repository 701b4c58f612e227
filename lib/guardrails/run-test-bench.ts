import { parseInput } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { benchInputSchema, guardrailConfigSchema, type GuardrailSource } from "./schemas";
import { compileGuardrail } from "./evaluate-locally";
import { DEFAULT_TIME_BUDGET_MS, evaluateWithBudget, type BudgetedVerdict } from "./evaluate-with-budget";
import { getGuardrailConfigOrThrow, getGuardrailOrThrow } from "./queries";
import { listGuardrailTestCases, type TestCaseDto } from "./test-cases";

/**
 * Evaluation is synchronous and holds the event loop: besides each text's own budget, one run
 * (up to 20 texts plus 200 saved cases) gets this much in total; texts past it are not evaluated.
 */
export const BENCH_RUN_BUDGET_MS = 2_000;

export type BenchResult = { source: GuardrailSource; text: string; verdict: BudgetedVerdict; elapsedMs: number };
export type SavedCaseResult = BenchResult & {
  testCase: TestCaseDto;
  intervened: boolean | null;
  /** null when the case states no expectation, or when the evaluation ran out of time. */
  meetsExpectation: boolean | null;
};

/**
 * Evaluates texts (and, if asked, every saved test case) against the DRAFT or a version, with
 * the policies Strata can evaluate exactly. Read-only: nothing is written, nothing audited.
 */
export async function runTestBench(ctx: ServiceContext, guardrailId: string, input: unknown) {
  const data = parseInput(benchInputSchema, input);
  const guardrail = await getGuardrailOrThrow(ctx, guardrailId);
  authorize(ctx.actor, "guardrail:test", { teamId: guardrail.teamId });
  const { label, config } = await getGuardrailConfigOrThrow(ctx, guardrail.id, data.target);
  const compiled = compileGuardrail(guardrailConfigSchema.parse(config));
  const runStarted = performance.now();
  const run = (source: GuardrailSource, text: string): BenchResult => {
    const started = performance.now();
    const budget = Math.min(DEFAULT_TIME_BUDGET_MS, Math.floor(BENCH_RUN_BUDGET_MS - (started - runStarted)));
    const verdict: BudgetedVerdict = budget > 0 ? evaluateWithBudget(compiled, source, text, budget) : { action: "TIME_BUDGET_EXCEEDED", budgetMs: 0 };
    return { source, text, verdict, elapsedMs: Math.round((performance.now() - started) * 100) / 100 };
  };
  const results = data.texts.map((t) => run(t.source, t.text));
  const savedCases: SavedCaseResult[] = data.runSavedCases
    ? (await listGuardrailTestCases(ctx, guardrail.id)).map((testCase) => {
        const result = run(testCase.source, testCase.text);
        const intervened = result.verdict.action === "TIME_BUDGET_EXCEEDED" ? null : result.verdict.action === "GUARDRAIL_INTERVENED";
        const meetsExpectation = intervened === null || testCase.expectIntervention === null ? null : intervened === testCase.expectIntervention;
        return { ...result, testCase, intervened, meetsExpectation };
      })
    : [];
  return { target: data.target, label, notEvaluated: compiled.notEvaluated, piiNotEvaluated: compiled.piiNotEvaluated, results, savedCases };
}

export type BenchRun = Awaited<ReturnType<typeof runTestBench>>;
