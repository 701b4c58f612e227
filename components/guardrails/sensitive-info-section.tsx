"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { LIMITS, PII_ENTITY_TYPES, SENSITIVE_ACTIONS } from "@/lib/guardrails/schemas";
import { LOCALLY_DETECTED_PII } from "@/lib/guardrails/pii-detectors";
import type { RegexRow, SectionProps } from "./editor-state";
import { describedBy, FieldError, PolicyErrors } from "./field-error";

const ACTION_OPTIONS = [["OFF", "Off"], ...SENSITIVE_ACTIONS.map((a) => [a, a])] as const;

export function SensitiveInfoSection({ state, set, errors, readOnly }: SectionProps) {
  const update = (i: number, patch: Partial<RegexRow>) => set({ regexes: state.regexes.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <div className="space-y-6">
      <PolicyErrors errors={errors} prefixes={["sensitiveInformationPolicy", "sensitiveInformationPolicy.regexes"]} />
      <div>
        <h3 className="text-sm font-semibold text-slate-800">PII entities</h3>
        <p className="mb-2 text-xs text-slate-500">Marked “local”: detected by the bench (cards with a Luhn check). Others need Bedrock.</p>
        <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          {PII_ENTITY_TYPES.map((type) => (
            <div key={type} className="space-y-1">
              <label htmlFor={`pii-${type}`} className="block break-all font-mono text-xs text-slate-800">
                {type} {LOCALLY_DETECTED_PII.has(type) ? <span className="ml-1 rounded bg-emerald-50 px-1 font-sans text-[10px] text-emerald-800">local</span> : null}
              </label>
              <select id={`pii-${type}`} className={inputClass} value={state.pii[type]} disabled={readOnly} onChange={(e) => set({ pii: { ...state.pii, [type]: e.target.value as RegexRow["action"] } })}>
                {ACTION_OPTIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            </div>
          ))}
        </div>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-slate-800">Regexes ({state.regexes.length}/{LIMITS.regexes})</h3>
        <p className="mb-2 text-xs text-slate-500">Checked as JavaScript regular expressions; patterns that can backtrack catastrophically are refused.</p>
        {state.regexes.map((r, i) => {
          const p = `sensitiveInformationPolicy.regexes.${i}`;
          return (
            <fieldset key={i} className="mb-3 grid gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-[1fr_2fr_auto]">
              <legend className="px-1 text-xs font-semibold text-slate-600">Regex {i + 1}</legend>
              <div>
                <label htmlFor={`${p}.name`} className="text-sm font-medium text-slate-800">Name</label>
                <input id={`${p}.name`} className={inputClass} value={r.name} disabled={readOnly} onChange={(e) => update(i, { name: e.target.value })} {...describedBy(`${p}.name`, errors[`${p}.name`])} />
                <FieldError id={`${p}.name`} error={errors[`${p}.name`]} />
              </div>
              <div>
                <label htmlFor={`${p}.pattern`} className="text-sm font-medium text-slate-800">Pattern</label>
                <input id={`${p}.pattern`} className={`${inputClass} font-mono`} value={r.pattern} disabled={readOnly} onChange={(e) => update(i, { pattern: e.target.value })} {...describedBy(`${p}.pattern`, errors[`${p}.pattern`])} />
                <FieldError id={`${p}.pattern`} error={errors[`${p}.pattern`]} />
              </div>
              <div>
                <label htmlFor={`${p}.action`} className="text-sm font-medium text-slate-800">Action</label>
                <select id={`${p}.action`} className={inputClass} value={r.action} disabled={readOnly} onChange={(e) => update(i, { action: e.target.value as RegexRow["action"] })}>
                  {SENSITIVE_ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
                </select>
              </div>
              <div className="md:col-span-2">
                <label htmlFor={`${p}.description`} className="text-sm font-medium text-slate-800">Description</label>
                <input id={`${p}.description`} className={inputClass} value={r.description} disabled={readOnly} onChange={(e) => update(i, { description: e.target.value })} />
              </div>
              {readOnly ? null : <Button variant="ghost" className="self-end" onClick={() => set({ regexes: state.regexes.filter((_, j) => j !== i) })}>Remove regex {i + 1}</Button>}
            </fieldset>
          );
        })}
        {readOnly || state.regexes.length >= LIMITS.regexes ? null : (
          <Button variant="secondary" onClick={() => set({ regexes: [...state.regexes, { name: "", description: "", pattern: "", action: "BLOCK" }] })}>Add regex</Button>
        )}
      </div>
    </div>
  );
}
