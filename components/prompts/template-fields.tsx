"use client";

import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import type { ChatMessage } from "@/lib/prompts/template";
import type { EditorState } from "./editor-state";

type Props = {
  state: EditorState;
  set: (changes: Partial<EditorState>) => void;
  errors: Record<string, string>;
  readOnly: boolean;
};

const textArea = `${inputClass} font-mono text-[13px] leading-relaxed`;

/** The type switch and the template text: one template (TEXT) or system text + messages (CHAT). */
export function TemplateFields({ state, set, errors, readOnly }: Props) {
  const setMessage = (i: number, changes: Partial<ChatMessage>) => set({ messages: state.messages.map((m, j) => (j === i ? { ...m, ...changes } : m)) });
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Prompt type</legend>
        <div className="mt-2 flex gap-6">
          {(["TEXT", "CHAT"] as const).map((t) => (
            <label key={t} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name="prompt-type" value={t} checked={state.type === t} disabled={readOnly} onChange={() => set({ type: t })} className="h-4 w-4" />
              {t === "TEXT" ? "Text (one template)" : "Chat (system + messages)"}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="text-xs text-slate-600">
        Write variables as <code className="rounded bg-slate-100 px-1 text-slate-800">{"{{name}}"}</code>; they appear in the variables table below.
      </p>
      {state.type === "TEXT" ? (
        <Field id="template" label="Template" error={errors.template}>
          <textarea id="template" rows={10} className={textArea} value={state.template} readOnly={readOnly} {...ariaFor("template", errors.template)} onChange={(e) => set({ template: e.target.value })} />
        </Field>
      ) : (
        <>
          <Field id="system" label="System prompt" hint="Instructions the model follows for the whole conversation (optional)." error={errors.system}>
            <textarea id="system" rows={4} className={textArea} value={state.system} readOnly={readOnly} {...ariaFor("system", errors.system)} onChange={(e) => set({ system: e.target.value })} />
          </Field>
          {errors.messages ? <p role="alert" className="text-xs font-medium text-rose-700">Messages: {errors.messages}</p> : null}
          <ol className="space-y-3">
            {state.messages.map((m, i) => {
              const id = `messages.${i}.text`;
              return (
                <li key={i} className="rounded-md border border-slate-200 p-3">
                  <div className="mb-2 flex items-center justify-between gap-3">
                    <label htmlFor={`messages.${i}.role`} className="sr-only">Message {i + 1} role</label>
                    <select id={`messages.${i}.role`} className={`${inputClass} w-40`} value={m.role} disabled={readOnly} onChange={(e) => setMessage(i, { role: e.target.value as ChatMessage["role"] })}>
                      <option value="user">User</option>
                      <option value="assistant">Assistant</option>
                    </select>
                    {!readOnly && state.messages.length > 1 ? (
                      <Button variant="ghost" aria-label={`Remove message ${i + 1}`} onClick={() => set({ messages: state.messages.filter((_, j) => j !== i) })}>Remove</Button>
                    ) : null}
                  </div>
                  <Field id={id} label={`Message ${i + 1} text`} error={errors[id]}>
                    <textarea id={id} rows={3} className={textArea} value={m.text} readOnly={readOnly} {...ariaFor(id, errors[id])} onChange={(e) => setMessage(i, { text: e.target.value })} />
                  </Field>
                </li>
              );
            })}
          </ol>
          {!readOnly ? (
            <Button variant="secondary" onClick={() => set({ messages: [...state.messages, { role: state.messages.at(-1)?.role === "user" ? "assistant" : "user", text: "" }] })}>
              Add message
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
