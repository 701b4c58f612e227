"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/shell/toaster";
import { updateTeamAction } from "@/app/(console)/settings/teams/actions";
import { updateTeamSchema, type UpdateTeamInput } from "@/lib/teams/schemas";
import type { listTeams } from "@/lib/teams/queries";
import { actionError, ariaFor, byField, check, type ActionError } from "@/components/ui/form-errors";

export type TeamRowData = Awaited<ReturnType<typeof listTeams>>[number];

const COLUMN_COUNT = 5;

/** One team: read-only, or edited in place (name and description; the slug is fixed). */
export function TeamRow({ team }: { team: TeamRowData }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [v, setV] = useState({ name: team.name, description: team.description });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const changes = (): UpdateTeamInput => ({
    ...(v.name !== team.name ? { name: v.name } : {}),
    ...(v.description !== team.description ? { description: v.description } : {}),
  });
  const mutation = useMutation({
    mutationFn: async (input: UpdateTeamInput) => {
      const result = await updateTeamAction(team.id, input);
      if (!result.ok) throw actionError(result.error);
      return result.data;
    },
    onSuccess: (updated) => {
      toast(`Team “${updated.name}” saved`);
      setEditing(false);
      router.refresh();
    },
    onError: (error: ActionError) => {
      setErrors(byField(error.details?.fields));
      toast(error.message, "error");
    },
  });
  const cancel = () => {
    setV({ name: team.name, description: team.description });
    setErrors({});
    setEditing(false);
  };
  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (Object.keys(changes()).length === 0) return cancel();
    const result = check(updateTeamSchema, changes());
    setErrors(result.errors ?? {});
    if (!result.errors) mutation.mutate(changes());
  }

  if (editing) {
    const id = (field: string) => `team-${team.id}-${field}`;
    return (
      <tr className="bg-indigo-50/40">
        <td colSpan={COLUMN_COUNT} className="px-4 py-4">
          <form onSubmit={submit} noValidate aria-label={`Edit team ${team.name}`} onKeyDown={(e) => e.key === "Escape" && cancel()} className="grid grid-cols-1 gap-4 md:grid-cols-[1fr_2fr_auto] md:items-start">
            <Field id={id("name")} label="Name" error={errors.name}>
              <input id={id("name")} className={inputClass} value={v.name} maxLength={80} autoFocus autoComplete="off" {...ariaFor(id("name"), errors.name)} onChange={(e) => setV({ ...v, name: e.target.value })} />
            </Field>
            <Field id={id("description")} label="Description" error={errors.description}>
              <input id={id("description")} className={inputClass} value={v.description} maxLength={500} autoComplete="off" {...ariaFor(id("description"), errors.description)} onChange={(e) => setV({ ...v, description: e.target.value })} />
            </Field>
            <div className="flex gap-2 md:pt-7">
              <Button variant="secondary" onClick={cancel} disabled={mutation.isPending}>Cancel</Button>
              <Button type="submit" disabled={mutation.isPending}>{mutation.isPending ? "Saving…" : "Save"}</Button>
            </div>
          </form>
        </td>
      </tr>
    );
  }
  return (
    <tr className="hover:bg-slate-50">
      <th scope="row" className="px-4 py-3 text-left font-normal">
        <p className="font-medium text-slate-900">{team.name}</p>
        <p className="font-mono text-xs text-slate-500">{team.slug}</p>
      </th>
      <td className="px-4 py-3 text-slate-700">{team.description || <span className="text-slate-500">No description</span>}</td>
      <td className="px-4 py-3 text-right tabular-nums text-slate-700">{team.memberCount}</td>
      <td className="px-4 py-3 text-right tabular-nums text-slate-700">{team.useCaseCount}</td>
      <td className="px-4 py-3 text-right">
        <Button variant="secondary" className="px-2.5 py-1 text-xs" aria-label={`Edit ${team.name}`} onClick={() => setEditing(true)}>Edit</Button>
      </td>
    </tr>
  );
}
