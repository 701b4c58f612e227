"use client";

type Team = { id: string; name: string; slug: string };

/** The team memberships of a user, as a labelled group of checkboxes. */
export function TeamCheckboxes({ idPrefix, teams, value, onChange, error, disabled }: { idPrefix: string; teams: Team[]; value: string[]; onChange: (teamIds: string[]) => void; error?: string; disabled?: boolean }) {
  const errorId = `${idPrefix}-teams-error`;
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((t) => t !== id));
  return (
    <fieldset aria-describedby={`${idPrefix}-teams-hint${error ? ` ${errorId}` : ""}`} disabled={disabled}>
      <legend className="text-sm font-medium text-slate-800">Teams</legend>
      <p id={`${idPrefix}-teams-hint`} className="mt-0.5 text-xs text-slate-500">Product owners and engineers can change only their teams&apos; use cases.</p>
      {teams.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">There are no teams yet. Create teams under Settings → Teams.</p>
      ) : (
        <div className="mt-2 grid max-h-56 grid-cols-1 gap-2 overflow-y-auto sm:grid-cols-2">
          {teams.map((t) => {
            const id = `${idPrefix}-team-${t.id}`;
            return (
              <div key={t.id} className="flex items-center gap-2.5 rounded-md px-3 py-2 ring-1 ring-inset ring-slate-200 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-300">
                <input id={id} type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={value.includes(t.id)} onChange={(e) => toggle(t.id, e.target.checked)} />
                <label htmlFor={id} className="text-sm text-slate-900">
                  {t.name} <span className="font-mono text-xs text-slate-600">{t.slug}</span>
                </label>
              </div>
            );
          })}
        </div>
      )}
      {error ? <p id={errorId} role="alert" className="mt-1.5 text-xs font-medium text-rose-700">{error}</p> : null}
    </fieldset>
  );
}
