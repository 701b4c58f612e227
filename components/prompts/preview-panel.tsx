"use client";

import { useState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { renderTemplate, resolveVariables, type TemplateContent } from "@/lib/prompts/template";

/**
 * Fills the variables of the content being edited and shows the result, or names each missing
 * or mistyped variable. Same function as POST /api/v1/prompts/{id}/versions/{n}/render.
 */
export function PreviewPanel({ content }: { content: TemplateContent }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const { variables } = resolveVariables(content);
  // An empty box means "not given", so defaults and "is required" apply as in the API.
  const given = Object.fromEntries(variables.filter((v) => (values[v.name] ?? "") !== "").map((v) => [v.name, values[v.name]]));
  const result = renderTemplate(content, given);
  return (
    <div className="space-y-4">
      {variables.length === 0 ? <p className="text-sm text-slate-500">This prompt has no variables.</p> : null}
      {variables.map((v) => (
        <Field key={v.name} id={`preview-${v.name}`} label={`${v.name} (${v.type}${v.required ? ", required" : ""})`} hint={v.default !== undefined ? `Default: ${v.default}` : v.description || undefined}>
          <textarea id={`preview-${v.name}`} rows={v.type === "json" ? 3 : 1} className={`${inputClass} font-mono`} value={values[v.name] ?? ""} onChange={(e) => setValues({ ...values, [v.name]: e.target.value })} />
        </Field>
      ))}
      <div aria-live="polite">
        {result.ok ? (
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Rendered prompt</h3>
            {result.output.type === "TEXT" ? (
              <pre data-testid="rendered-prompt" className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-mono text-[13px] text-slate-900 ring-1 ring-slate-200">{result.output.text}</pre>
            ) : (
              <div data-testid="rendered-prompt" className="mt-2 space-y-2">
                {result.output.system ? <Turn role="system" text={result.output.system} /> : null}
                {result.output.messages.map((m, i) => <Turn key={i} role={m.role} text={m.text} />)}
              </div>
            )}
          </div>
        ) : (
          <div data-testid="preview-errors" className="rounded-md bg-rose-50 p-3 text-sm text-rose-900 ring-1 ring-rose-200">
            <p className="font-medium">Cannot render yet:</p>
            <ul className="mt-1 list-disc pl-5">
              {result.errors.map((e) => <li key={`${e.field}:${e.message}`}><code className="font-mono">{e.field.replace(/^variables\./, "")}</code> {e.message}</li>)}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}

function Turn({ role, text }: { role: string; text: string }) {
  return (
    <div className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{role}</p>
      <pre className="mt-1 whitespace-pre-wrap font-mono text-[13px] text-slate-900">{text}</pre>
    </div>
  );
}
