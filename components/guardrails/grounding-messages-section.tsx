"use client";

import { inputClass } from "@/components/ui/field";
import { LIMITS } from "@/lib/guardrails/schemas";
import type { SectionProps } from "./editor-state";
import { describedBy, FieldError, PolicyErrors } from "./field-error";

export function GroundingSection({ state, set, errors, readOnly }: SectionProps) {
  return (
    <div>
      <PolicyErrors errors={errors} prefixes={["contextualGroundingPolicy", "contextualGroundingPolicy.filters"]} />
      <div className="grid gap-4 sm:grid-cols-2">
        {(["GROUNDING", "RELEVANCE"] as const).map((type) => {
          const id = `grounding-${type}`;
          // Errors are indexed by position among the filters actually sent (empty ones are left out).
          const index = (["GROUNDING", "RELEVANCE"] as const).filter((t) => state.grounding[t].trim() !== "").indexOf(type);
          const error = index >= 0 ? errors[`contextualGroundingPolicy.filters.${index}.threshold`] : undefined;
          return (
            <div key={type}>
              <label htmlFor={id} className="text-sm font-medium text-slate-800">{type} threshold (0–1, empty = off)</label>
              <input id={id} inputMode="decimal" className={inputClass} value={state.grounding[type]} disabled={readOnly} onChange={(e) => set({ grounding: { ...state.grounding, [type]: e.target.value } })} {...describedBy(id, error)} />
              <FieldError id={id} error={error} />
            </div>
          );
        })}
      </div>
      <p className="mt-2 text-xs text-slate-500">Contextual grounding needs the model&apos;s source and answer; only Bedrock evaluates it.</p>
    </div>
  );
}

export function MessagesSection({ state, set, errors, readOnly }: SectionProps) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {(["blockedInputMessaging", "blockedOutputsMessaging"] as const).map((key) => (
        <div key={key}>
          <label htmlFor={key} className="text-sm font-medium text-slate-800">{key === "blockedInputMessaging" ? "Message when input is blocked" : "Message when output is blocked"}</label>
          <textarea id={key} rows={3} maxLength={LIMITS.message} className={inputClass} value={state[key]} disabled={readOnly} onChange={(e) => set({ [key]: e.target.value })} {...describedBy(key, errors[key])} />
          <FieldError id={key} error={errors[key]} />
        </div>
      ))}
    </div>
  );
}
