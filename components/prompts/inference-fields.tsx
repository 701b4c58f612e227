"use client";

import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { MAX_TOKENS_LIMIT } from "@/lib/prompts/schemas";
import type { EditorState } from "./editor-state";

type Props = { state: EditorState; set: (changes: Partial<EditorState>) => void; errors: Record<string, string>; readOnly: boolean };

/** Model id and Bedrock's inference parameters; blank means "the model's default". */
export function InferenceFields({ state, set, errors, readOnly }: Props) {
  const numberField = (key: "temperature" | "topP" | "maxTokens", label: string, hint: string, step: string) => {
    const id = `inference.${key}`;
    return (
      <Field id={id} label={label} hint={hint} error={errors[id]}>
        <input id={id} type="number" inputMode="decimal" step={step} className={inputClass} value={state[key]} readOnly={readOnly} {...ariaFor(id, errors[id])} onChange={(e) => set({ [key]: e.target.value })} />
      </Field>
    );
  };
  // The schema names the sequence at fault ("inference.stopSequences.1"); they share one textarea.
  const stopItem = Object.entries(errors).find(([path]) => path.startsWith("inference.stopSequences."));
  const stopError = errors["inference.stopSequences"] ?? (stopItem && `Stop sequence ${Number(stopItem[0].split(".")[2]) + 1}: ${stopItem[1]}`);
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
      <Field id="modelId" label="Model id" hint="A Bedrock model id or inference-profile ARN, e.g. amazon.nova-lite-v1:0" error={errors.modelId} className="md:col-span-3">
        <input id="modelId" className={`${inputClass} font-mono`} value={state.modelId} readOnly={readOnly} {...ariaFor("modelId", errors.modelId)} onChange={(e) => set({ modelId: e.target.value })} />
      </Field>
      {numberField("temperature", "Temperature", "0 to 1; blank for the model default", "0.05")}
      {numberField("topP", "Top P", "0 to 1; blank for the model default", "0.05")}
      {numberField("maxTokens", "Max tokens", `1 to ${MAX_TOKENS_LIMIT}; blank for the model default`, "1")}
      <Field id="inference.stopSequences" label="Stop sequences" hint="One per line, at most 4" error={stopError} className="md:col-span-3">
        <textarea id="inference.stopSequences" rows={2} className={`${inputClass} font-mono`} value={state.stopSequences} readOnly={readOnly} {...ariaFor("inference.stopSequences", stopError)} onChange={(e) => set({ stopSequences: e.target.value })} />
      </Field>
    </div>
  );
}
