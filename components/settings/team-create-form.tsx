"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/shell/toaster";
import { createTeamAction } from "@/app/(console)/settings/teams/actions";
import { createTeamSchema } from "@/lib/teams/schemas";
import { ariaFor } from "@/components/ui/form-errors";
import { useActionForm } from "@/components/ui/use-action-form";

const EMPTY = { name: "", slug: "", description: "" };
const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48);

/** Creates a team; validates with the schema the server uses and shows the server's field errors. */
export function TeamCreateForm() {
  const router = useRouter();
  const [v, setV] = useState(EMPTY);
  const [slugTouched, setSlugTouched] = useState(false);
  const { errors, submit, pending, alert } = useActionForm(createTeamSchema, createTeamAction, (team) => {
    toast(`Team “${team.name}” created`);
    setV(EMPTY);
    setSlugTouched(false);
    router.refresh();
  });

  return (
    <form onSubmit={submit(v)} noValidate className="space-y-5" aria-label="Create team">
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <Field id="new-team-name" label="Name" error={errors.name}>
          <input
            id="new-team-name"
            className={inputClass}
            value={v.name}
            maxLength={80}
            autoComplete="off"
            {...ariaFor("new-team-name", errors.name)}
            onChange={(e) => setV({ ...v, name: e.target.value, slug: slugTouched ? v.slug : slugify(e.target.value) })}
          />
        </Field>
        <Field id="new-team-slug" label="Slug" hint="Lowercase letters, digits and hyphens. It cannot be changed later." error={errors.slug}>
          <input
            id="new-team-slug"
            className={`${inputClass} font-mono`}
            value={v.slug}
            maxLength={48}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={Boolean(errors.slug) || undefined}
            aria-describedby={errors.slug ? "new-team-slug-error" : "new-team-slug-hint"}
            onChange={(e) => { setSlugTouched(true); setV({ ...v, slug: e.target.value }); }}
          />
        </Field>
        <Field id="new-team-description" label="Description (optional)" error={errors.description} className="md:col-span-2">
          <textarea id="new-team-description" rows={2} className={inputClass} value={v.description} maxLength={500} {...ariaFor("new-team-description", errors.description)} onChange={(e) => setV({ ...v, description: e.target.value })} />
        </Field>
      </div>
      {alert}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create team"}</Button>
      </div>
    </form>
  );
}
