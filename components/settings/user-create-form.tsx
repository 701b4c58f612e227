"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/shell/toaster";
import { createUserAction } from "@/app/(console)/settings/users/actions";
import { ROLE_LABELS, ROLES, type RoleName } from "@/lib/permissions";
import { createUserSchema, type CreateUserInput } from "@/lib/users/schemas";
import { ariaFor } from "@/components/ui/form-errors";
import { useActionForm } from "@/components/ui/use-action-form";
import { PasswordInput } from "./password-input";
import { TeamCheckboxes } from "./team-checkboxes";

type Team = { id: string; name: string; slug: string };
type Values = { email: string; name: string; role: RoleName; teamIds: string[]; signIn: "password" | "sso"; password: string };

const EMPTY: Values = { email: "", name: "", role: "VIEWER", teamIds: [], signIn: "password", password: "" };

/** Adds a user; validates with the schema the server uses and shows the server's field errors. */
export function UserCreateForm({ teams, onDone }: { teams: Team[]; onDone: () => void }) {
  const router = useRouter();
  const [v, setV] = useState<Values>(EMPTY);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));

  // Without a password the account can sign in only through single sign-on.
  const payload = (): CreateUserInput => {
    const { signIn, password, ...rest } = v;
    return signIn === "password" ? { ...rest, password } : rest;
  };
  const { errors, submit, pending, alert } = useActionForm(createUserSchema, createUserAction, (user) => {
    toast(`${user.name} added`);
    setV(EMPTY);
    onDone();
    router.refresh();
  });

  return (
    <form onSubmit={submit(payload())} noValidate className="space-y-5" aria-label="Add user">
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <Field id="new-user-name" label="Full name" error={errors.name}>
          <input id="new-user-name" className={inputClass} value={v.name} autoComplete="off" maxLength={120} {...ariaFor("new-user-name", errors.name)} onChange={(e) => set("name", e.target.value)} />
        </Field>
        <Field id="new-user-email" label="Email" error={errors.email}>
          <input id="new-user-email" type="email" className={inputClass} value={v.email} autoComplete="off" maxLength={254} {...ariaFor("new-user-email", errors.email)} onChange={(e) => set("email", e.target.value)} />
        </Field>
        <Field id="new-user-role" label="Role" error={errors.role}>
          <select id="new-user-role" className={inputClass} value={v.role} {...ariaFor("new-user-role", errors.role)} onChange={(e) => set("role", e.target.value as RoleName)}>
            {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Sign-in</legend>
          <div className="mt-2 space-y-1.5">
            {([["password", "Password set by you"], ["sso", "Single sign-on only"]] as const).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="radio" name="new-user-sign-in" value={value} checked={v.signIn === value} onChange={() => set("signIn", value)} />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      {v.signIn === "password" ? (
        <PasswordInput id="new-user-password" label="Initial password" value={v.password} onChange={(p) => set("password", p)} error={errors.password} />
      ) : (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600 ring-1 ring-inset ring-slate-200">
          The account is linked by email the first time this person signs in with single sign-on; the identity provider then sets their role at each sign-in.
        </p>
      )}
      <TeamCheckboxes idPrefix="new-user" teams={teams} value={v.teamIds} onChange={(ids) => set("teamIds", ids)} error={errors.teamIds} />
      {alert}
      <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
        <Button variant="secondary" onClick={onDone} disabled={pending}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add user"}</Button>
      </div>
    </form>
  );
}
