"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { LIMITS } from "@/lib/guardrails/schemas";
import type { SectionProps, TopicRow } from "./editor-state";
import { describedBy, FieldError, PolicyErrors } from "./field-error";

/** Denied topics: Bedrock's classifier decides them, so the local bench cannot. */
export function TopicsSection({ state, set, errors, readOnly }: SectionProps) {
  const update = (i: number, patch: Partial<TopicRow>) => set({ topics: state.topics.map((t, j) => (j === i ? { ...t, ...patch } : t)) });
  return (
    <div className="space-y-4">
      <PolicyErrors errors={errors} prefixes={["topicPolicy", "topicPolicy.topics"]} />
      {state.topics.length === 0 ? <p className="text-sm text-slate-600">No denied topics.</p> : null}
      {state.topics.map((t, i) => {
        const p = `topicPolicy.topics.${i}`;
        return (
          <fieldset key={i} className="rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-xs font-semibold text-slate-600">Topic {i + 1} (DENY)</legend>
            <div className="grid gap-3 md:grid-cols-2">
              <div>
                <label htmlFor={`${p}.name`} className="text-sm font-medium text-slate-800">Name</label>
                <input id={`${p}.name`} className={inputClass} value={t.name} maxLength={LIMITS.topicName} disabled={readOnly} onChange={(e) => update(i, { name: e.target.value })} {...describedBy(`${p}.name`, errors[`${p}.name`])} />
                <FieldError id={`${p}.name`} error={errors[`${p}.name`]} />
              </div>
              <div>
                <label htmlFor={`${p}.definition`} className="text-sm font-medium text-slate-800">Definition (≤ {LIMITS.topicDefinition})</label>
                <input id={`${p}.definition`} className={inputClass} value={t.definition} disabled={readOnly} onChange={(e) => update(i, { definition: e.target.value })} {...describedBy(`${p}.definition`, errors[`${p}.definition`])} />
                <FieldError id={`${p}.definition`} error={errors[`${p}.definition`]} />
              </div>
              <div className="md:col-span-2">
                <label htmlFor={`${p}.examples`} className="text-sm font-medium text-slate-800">Example phrases (one per line, up to {LIMITS.topicExamples})</label>
                <textarea id={`${p}.examples`} rows={2} className={inputClass} value={t.examples} disabled={readOnly} onChange={(e) => update(i, { examples: e.target.value })} {...describedBy(`${p}.examples`, errors[`${p}.examples`])} />
                <FieldError id={`${p}.examples`} error={errors[`${p}.examples`]} />
              </div>
            </div>
            {readOnly ? null : <Button variant="ghost" className="mt-2" onClick={() => set({ topics: state.topics.filter((_, j) => j !== i) })}>Remove topic {i + 1}</Button>}
          </fieldset>
        );
      })}
      {readOnly || state.topics.length >= LIMITS.topics ? null : (
        <Button variant="secondary" onClick={() => set({ topics: [...state.topics, { name: "", definition: "", examples: "" }] })}>Add topic</Button>
      )}
    </div>
  );
}
