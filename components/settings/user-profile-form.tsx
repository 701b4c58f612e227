"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/shell/toaster";
import { updateUserAction } from "@/app/(console)/settings/users/actions";
import { ROLE_LABELS, ROLES, type RoleName } from "@/lib/permissions";
import { updateUserSchema, type UpdateUserInput } from "@/lib/users/schemas";
import type { UserDto } from "@/lib/users/serialize";
import { ariaFor } from "@/components/ui/form-errors";
import { useActionForm } from "@/components/ui/use-action-form";
import { TeamCheckboxes } from "./team-checkboxes";

type Team = { id: string; name: string; slug: string };
type Values = { name: string; role: RoleName; teamIds: string[] };

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Name, role and team memberships. Only what changed is sent, so the audit event says exactly that. */
export function UserProfileForm({ user, teams, isSelf, canManage }: { user: UserDto; teams: Team[]; isSelf: boolean; canManage: boolean }) {
  const router = useRouter();
  const initial: Values = { name: user.name, role: user.role as RoleName, teamIds: user.teams.map((t) => t.id) };
  const [v, setV] = useState<Values>(initial);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  // The service refuses it too; the form does not offer an admin the way to demote themselves.
  const roleLocked = isSelf && user.role === "ADMIN";

  const changes = (): UpdateUserInput => ({
    ...(v.name !== initial.name ? { name: v.name } : {}),
    ...(v.role !== initial.role ? { role: v.role } : {}),
    ...(sameSet(v.teamIds, initial.teamIds) ? {} : { teamIds: v.teamIds }),
  });
  const dirty = Object.keys(changes()).length > 0;

  const { errors, submit, pending, clearErrors, alert } = useActionForm(updateUserSchema, (input) => updateUserAction(user.id, input), () => {
    toast("Changes saved");
    router.refresh();
  });

  const roleHint = roleLocked
    ? "You cannot change your own role. Another admin can."
    : user.isSso
      ? "For a single-sign-on account the identity provider sets the role again at each sign-in."
      : undefined;

  return (
    <form onSubmit={submit(changes())} noValidate className="space-y-5" aria-label="Profile and access">
      <fieldset disabled={!canManage} className="space-y-5">
        <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
          <Field id="user-name" label="Full name" error={errors.name}>
            <input id="user-name" className={inputClass} value={v.name} maxLength={120} autoComplete="off" {...ariaFor("user-name", errors.name)} onChange={(e) => set("name", e.target.value)} />
          </Field>
          <Field id="user-role" label="Role" hint={roleHint} error={errors.role}>
            <select
              id="user-role"
              className={`${inputClass} disabled:bg-slate-50 disabled:text-slate-500`}
              value={v.role}
              disabled={roleLocked}
              aria-invalid={Boolean(errors.role) || undefined}
              aria-describedby={errors.role ? "user-role-error" : roleHint ? "user-role-hint" : undefined}
              onChange={(e) => set("role", e.target.value as RoleName)}
            >
              {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
            </select>
          </Field>
        </div>
        <TeamCheckboxes idPrefix="user" teams={teams} value={v.teamIds} onChange={(ids) => set("teamIds", ids)} error={errors.teamIds} />
      </fieldset>
      {alert}
      {canManage ? (
        <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
          <Button variant="secondary" onClick={() => { setV(initial); clearErrors(); }} disabled={!dirty || pending}>Discard changes</Button>
          <Button type="submit" disabled={!dirty || pending}>{pending ? "Saving…" : "Save changes"}</Button>
        </div>
      ) : null}
    </form>
  );
}
