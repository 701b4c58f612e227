"use client";

import { inputClass } from "@/components/ui/field";
import type { SectionProps } from "./editor-state";
import { describedBy, FieldError, PolicyErrors } from "./field-error";

export function WordsSection({ state, set, errors, readOnly }: SectionProps) {
  const wordError = Object.entries(errors).find(([k]) => k.startsWith("wordPolicy.words"))?.[1];
  return (
    <div className="space-y-3">
      <PolicyErrors errors={errors} prefixes={["wordPolicy"]} />
      <div>
        <label htmlFor="guardrail-words" className="text-sm font-medium text-slate-800">Blocked words and phrases (one per line)</label>
        <textarea id="guardrail-words" rows={4} className={inputClass} value={state.words} disabled={readOnly} onChange={(e) => set({ words: e.target.value })} {...describedBy("guardrail-words", wordError)} />
        <FieldError id="guardrail-words" error={wordError} />
        <p className="mt-1 text-xs text-slate-500">Matched as whole words, case-insensitively.</p>
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" checked={state.profanity} disabled={readOnly} onChange={(e) => set({ profanity: e.target.checked })} />
        <span>
          Block Bedrock&apos;s managed <span className="font-mono text-xs">PROFANITY</span> list
          <span className="block text-xs text-slate-500">The local bench checks a small built-in subset of that list; Bedrock blocks more.</span>
        </span>
      </label>
    </div>
  );
}
