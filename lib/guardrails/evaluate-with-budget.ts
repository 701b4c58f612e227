import vm from "node:vm";
import type { GuardrailSource } from "./schemas";
import { evaluateLocally, type CompiledGuardrail, type LocalVerdict } from "./evaluate-locally";

// Defence in depth behind safe-regex2, whose star-height check is a heuristic: (a|a)*$ passes it
// and still backtracks exponentially. V8 cannot interrupt a running RegExp from JavaScript, but
// vm's `timeout` arms a watchdog that terminates the running script — including a regex deep in
// backtracking and a host function the script calls. Cost measured at ≈75 µs per call
// (bench/guardrail-eval.ts), negligible next to a 10 kB evaluation.
export const DEFAULT_TIME_BUDGET_MS = 250;

export type BudgetedVerdict = LocalVerdict | { action: "TIME_BUDGET_EXCEEDED"; budgetMs: number };

const context = vm.createContext({});
const script = new vm.Script("run()");

export function evaluateWithBudget(guardrail: CompiledGuardrail, source: GuardrailSource, text: string, budgetMs = DEFAULT_TIME_BUDGET_MS): BudgetedVerdict {
  let verdict: LocalVerdict | undefined;
  context.run = () => {
    verdict = evaluateLocally(guardrail, source, text);
  };
  try {
    script.runInContext(context, { timeout: budgetMs });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") return { action: "TIME_BUDGET_EXCEEDED", budgetMs };
    throw error;
  } finally {
    context.run = undefined;
  }
  return verdict!;
}
