"use client";

import { inputClass } from "@/components/ui/field";
import { CONTENT_FILTER_TYPES, FILTER_STRENGTHS } from "@/lib/guardrails/schemas";
import type { SectionProps } from "./editor-state";
import { PolicyErrors } from "./field-error";

/** One row per Bedrock filter type; NONE/NONE leaves the filter out of the config. */
export function ContentFiltersSection({ state, set, errors, readOnly }: SectionProps) {
  const change = (type: string, key: "inputStrength" | "outputStrength", value: string) =>
    set({ filters: { ...state.filters, [type]: { ...state.filters[type]!, [key]: value } } });
  return (
    <div>
      <PolicyErrors errors={errors} prefixes={["contentPolicy", "contentPolicy.filters"]} />
      <table className="min-w-full text-sm">
        <caption className="sr-only">Content filter strengths</caption>
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="py-2 pr-4 font-semibold">Filter</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Input strength</th>
            <th scope="col" className="py-2 font-semibold">Output strength</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {CONTENT_FILTER_TYPES.map((type) => {
            const i = Object.keys(state.filters).filter((t) => state.filters[t]!.inputStrength !== "NONE" || state.filters[t]!.outputStrength !== "NONE").indexOf(type);
            const error = i >= 0 ? errors[`contentPolicy.filters.${i}.outputStrength`] : undefined;
            return (
              <tr key={type}>
                <th scope="row" className="py-2 pr-4 text-left font-mono text-xs font-medium text-slate-800">{type}</th>
                {(["inputStrength", "outputStrength"] as const).map((key) => (
                  <td key={key} className="py-2 pr-4">
                    <select
                      aria-label={`${type} ${key === "inputStrength" ? "input" : "output"} strength`}
                      className={inputClass}
                      value={state.filters[type]![key]}
                      disabled={readOnly || (type === "PROMPT_ATTACK" && key === "outputStrength")}
                      onChange={(e) => change(type, key, e.target.value)}
                    >
                      {FILTER_STRENGTHS.map((s) => <option key={s} value={s}>{s}</option>)}
                    </select>
                    {key === "outputStrength" && error ? <p role="alert" className="mt-1 text-xs text-rose-700">{error}</p> : null}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">PROMPT_ATTACK applies to input only. Content filters are evaluated by Bedrock, not by the local bench.</p>
    </div>
  );
}
