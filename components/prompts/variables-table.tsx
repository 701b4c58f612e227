"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { resolveVariables, VARIABLE_TYPES, type VariableSpec } from "@/lib/prompts/template";
import { templateOf, type EditorState } from "./editor-state";
import { TableScroll } from "@/components/ui/table-scroll";

type Props = { state: EditorState; set: (changes: Partial<EditorState>) => void; errors: Record<string, string>; readOnly: boolean };

/**
 * The variables found in the template, each described by the author. A variable used but not
 * described yet shows as a required string; one described but no longer used is flagged.
 */
export function VariablesTable({ state, set, errors, readOnly }: Props) {
  const { variables, warnings } = resolveVariables(templateOf(state));
  const unused = new Set(warnings.map((w) => w.match(/"(.+)"/)?.[1]));
  const update = (v: VariableSpec, changes: Partial<VariableSpec>) => {
    const next = { ...v, ...changes };
    if (next.default === "") delete next.default;
    const exists = state.variables.some((x) => x.name === v.name);
    set({ variables: exists ? state.variables.map((x) => (x.name === v.name ? next : x)) : [...state.variables, next] });
  };
  if (variables.length === 0) return <p className="text-sm text-slate-500">No variables yet. Write {"{{name}}"} in the template to add one.</p>;
  return (
    <TableScroll label="Variables" framed={false}>
      <table className="min-w-full text-sm">
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="py-2 pr-3 font-semibold">Variable</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Type</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Required</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Default</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Description</th>
            <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {variables.map((v, i) => {
            const error = errors[`variables.${i}.default`] ?? errors[`variables.${i}.name`] ?? errors[`variables.${i}.description`];
            return (
              <tr key={v.name}>
                <td className="py-2 pr-3">
                  <code className="font-mono text-slate-900">{v.name}</code>
                  {unused.has(v.name) ? <Badge tone="amber" className="ml-2">Not used</Badge> : null}
                  {error ? <p role="alert" className="mt-1 text-xs font-medium text-rose-700">{error}</p> : null}
                </td>
                <td className="py-2 pr-3">
                  <select aria-label={`Type of ${v.name}`} className={`${inputClass} min-w-28`} value={v.type} disabled={readOnly} onChange={(e) => update(v, { type: e.target.value as VariableSpec["type"] })}>
                    {VARIABLE_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
                  </select>
                </td>
                <td className="py-2 pr-3 pt-4">
                  <input type="checkbox" aria-label={`${v.name} is required`} className="h-4 w-4" checked={v.required} disabled={readOnly} onChange={(e) => update(v, { required: e.target.checked })} />
                </td>
                <td className="py-2 pr-3">
                  <input aria-label={`Default of ${v.name}`} aria-invalid={Boolean(errors[`variables.${i}.default`]) || undefined} className={`${inputClass} w-36 font-mono`} value={v.default ?? ""} readOnly={readOnly} onChange={(e) => update(v, { default: e.target.value })} />
                </td>
                <td className="py-2 pr-3">
                  <input aria-label={`Description of ${v.name}`} className={`${inputClass} min-w-48`} value={v.description} readOnly={readOnly} onChange={(e) => update(v, { description: e.target.value })} />
                </td>
                <td className="py-2">
                  {unused.has(v.name) && !readOnly ? (
                    <Button variant="ghost" aria-label={`Remove variable ${v.name}`} onClick={() => set({ variables: state.variables.filter((x) => x.name !== v.name) })}>Remove</Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
