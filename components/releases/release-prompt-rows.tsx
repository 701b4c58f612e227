"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { MAX_RELEASE_PROMPTS } from "@/lib/releases/schemas";
import type { ReleaseFormOptions } from "@/lib/releases/queries";

export type PromptRow = { key: number; role: string; promptVersionId: string };

/** One row per role: the name the application asks for, and the prompt version it gets. */
export function ReleasePromptRows({ rows, prompts, error, onChange }: { rows: PromptRow[]; prompts: ReleaseFormOptions["prompts"]; error?: string; onChange: (rows: PromptRow[]) => void }) {
  const set = (key: number, changes: Partial<PromptRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...changes } : r)));
  const add = () => onChange([...rows, { key: Math.max(0, ...rows.map((r) => r.key)) + 1, role: "", promptVersionId: "" }]);
  return (
    <fieldset className="space-y-3" aria-describedby={error ? "prompts-error" : undefined}>
      <legend className="text-sm font-medium text-slate-800">Prompts by role</legend>
      <p className="text-xs text-slate-500">The role is the name your application asks for (e.g. <code>system</code>, <code>triage</code>): lowercase letters, digits, _ and -.</p>
      {prompts.length === 0 ? <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">This use case has no prompt versions yet: create a prompt and a version of it first.</p> : null}
      {rows.map((r, i) => (
        <div key={r.key} className="grid grid-cols-1 items-end gap-3 md:grid-cols-[12rem_1fr_auto]">
          <div>
            <label htmlFor={`role-${r.key}`} className="block text-xs font-medium text-slate-700">Role {i + 1}</label>
            <input id={`role-${r.key}`} className={inputClass} value={r.role} placeholder="triage" onChange={(e) => set(r.key, { role: e.target.value })} />
          </div>
          <div>
            <label htmlFor={`version-${r.key}`} className="block text-xs font-medium text-slate-700">Prompt version for role {i + 1}</label>
            <select id={`version-${r.key}`} className={inputClass} value={r.promptVersionId} onChange={(e) => set(r.key, { promptVersionId: e.target.value })}>
              <option value="">Choose a prompt version…</option>
              {prompts.map((p) => (
                <optgroup key={p.id} label={p.name}>
                  {p.versions.map((v) => <option key={v.id} value={v.id}>{p.name} v{v.number} — {v.message}</option>)}
                </optgroup>
              ))}
            </select>
          </div>
          <Button variant="ghost" onClick={() => onChange(rows.filter((x) => x.key !== r.key))} disabled={rows.length === 1} aria-label={`Remove role ${i + 1}`}>Remove</Button>
        </div>
      ))}
      {error ? <p id="prompts-error" role="alert" className="text-xs font-medium text-rose-700">{error}</p> : null}
      <Button variant="secondary" onClick={add} disabled={rows.length >= MAX_RELEASE_PROMPTS}>Add a role</Button>
    </fieldset>
  );
}
