"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/shell/toaster";
import { createApiTokenAction } from "@/app/(console)/settings/api-tokens/actions";
import { createApiTokenSchema } from "@/lib/api-tokens/schemas";
import { fieldErrors, type FieldError } from "@/lib/errors";
import { TOKEN_SCOPES } from "@/lib/permissions";
import { TOKEN_SCOPE_INFO } from "./api-token-scopes";
import { ApiTokenSecretPanel } from "./api-token-secret-panel";

type Values = { teamId: string; name: string; permissions: string[] };
type ActionError = Error & { details?: { fields?: FieldError[] } };

// "permissions.0" (a bad value) and "permissions" (none chosen) both belong to the checkbox group.
const byField = (fields: FieldError[]) => {
  const errors: Record<string, string> = {};
  for (const f of fields) errors[f.field.split(".")[0]!] ??= f.message;
  return errors;
};

/** Creates a team-scoped token; validates with the schema the server uses, then shows the secret once. */
export function ApiTokenCreateForm({ teams }: { teams: { id: string; name: string }[] }) {
  const router = useRouter();
  const initial = (): Values => ({ teamId: teams.length === 1 ? teams[0]!.id : "", name: "", permissions: ["use-cases:read"] });
  const [v, setV] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);

  const mutation = useMutation({
    mutationFn: async (input: Values) => {
      const result = await createApiTokenAction(input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { details: result.error.details as ActionError["details"] });
      return result.data;
    },
    onSuccess: ({ token, apiToken }) => {
      setCreated({ token, name: apiToken.name });
      setV(initial());
      router.refresh();
    },
    onError: (error: ActionError) => {
      setErrors(byField(error.details?.fields ?? []));
      toast(error.message, "error");
    },
  });

  if (created) return <ApiTokenSecretPanel token={created.token} name={created.name} onDone={() => setCreated(null)} />;
  if (teams.length === 0) {
    return <p className="text-sm text-slate-600">Every token belongs to a team, and there are no teams yet. Create a team first.</p>;
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = createApiTokenSchema.safeParse(v);
    if (!parsed.success) {
      setErrors(byField(fieldErrors(parsed.error)));
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data);
  }

  const toggle = (scope: string, on: boolean) =>
    setV((old) => ({ ...old, permissions: on ? [...old.permissions, scope] : old.permissions.filter((s) => s !== scope) }));
  const aria = (key: string, id: string) => ({ "aria-invalid": Boolean(errors[key]) || undefined, "aria-describedby": errors[key] ? `${id}-error` : undefined });

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <Field id="api-token-team" label="Team" hint="The token acts for this team only." error={errors.teamId}>
          <select id="api-token-team" className={inputClass} value={v.teamId} {...aria("teamId", "api-token-team")} onChange={(e) => setV({ ...v, teamId: e.target.value })}>
            <option value="">Choose a team…</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </Field>
        <Field id="api-token-name" label="Name" hint="Say where it is used, e.g. “GitHub Actions – evals”." error={errors.name}>
          <input id="api-token-name" className={inputClass} value={v.name} maxLength={80} autoComplete="off" {...aria("name", "api-token-name")} onChange={(e) => setV({ ...v, name: e.target.value })} />
        </Field>
      </div>
      <fieldset aria-describedby={errors.permissions ? "api-token-permissions-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Permissions</legend>
        <div className="mt-2 grid grid-cols-1 gap-3 md:grid-cols-2">
          {TOKEN_SCOPES.map((scope) => {
            const id = `api-token-scope-${scope.replace(":", "-")}`;
            return (
              <div key={scope} className="flex items-start gap-3 rounded-md p-3 ring-1 ring-inset ring-slate-200 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-300">
                <input id={id} type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" aria-describedby={`${id}-hint`} checked={v.permissions.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
                <div>
                  <label htmlFor={id} className="font-mono text-sm font-medium text-slate-900">{scope}</label>
                  <p id={`${id}-hint`} className="text-xs text-slate-600">{TOKEN_SCOPE_INFO[scope].description}</p>
                </div>
              </div>
            );
          })}
        </div>
        {errors.permissions ? <p id="api-token-permissions-error" role="alert" className="mt-1.5 text-xs font-medium text-rose-700">{errors.permissions}</p> : null}
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" disabled={mutation.isPending}>{mutation.isPending ? "Creating…" : "Create token"}</Button>
      </div>
    </form>
  );
}
