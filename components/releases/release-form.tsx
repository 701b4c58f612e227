"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { useActionForm } from "@/components/ui/use-action-form";
import { useUnsavedChanges } from "@/components/ui/use-unsaved-changes";
import { toast } from "@/components/shell/toaster";
import { createReleaseAction, previewReleaseNotesAction, updateReleaseAction } from "@/app/(console)/releases/actions";
import { createReleaseSchema, updateReleaseSchema } from "@/lib/releases/schemas";
import type { ReleaseFormOptions } from "@/lib/releases/queries";
import { ReleasePromptRows, type PromptRow } from "./release-prompt-rows";

export type ReleaseFormValues = {
  prompts: { role: string; promptVersionId: string }[];
  modelId: string;
  guardrailVersionId: string | null;
  knowledgeBaseIds: string[];
  datasetVersionId: string | null;
  evaluationRunId: string | null;
  notes: string;
};

type Props = { options: ReleaseFormOptions; initial: ReleaseFormValues; releaseId?: string };

const kbList = (text: string) => text.split(/[\s,]+/).filter(Boolean);
/** What the author pins, comparable: drafted notes are left out (they follow the pins). */
const pinsOf = (x: Omit<ReleaseFormValues, "notes">) =>
  JSON.stringify([x.prompts.map((p) => [p.role, p.promptVersionId]), x.modelId, x.guardrailVersionId || null, x.knowledgeBaseIds, x.datasetVersionId || null, x.evaluationRunId || null]);

/** Rows' issues as "Role 2 role: …", which the grouped field errors cannot say. */
function promptIssues(values: unknown) {
  const parsed = createReleaseSchema.safeParse(values);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues.find((i) => i.path[0] === "prompts");
  if (!issue) return undefined;
  return typeof issue.path[1] === "number" ? `Role ${issue.path[1] + 1}${issue.path[2] === "promptVersionId" ? " prompt version" : ""}: ${issue.message}` : issue.message;
}

/** New release or draft edit: the pins, the evidence (dataset version and run) and the notes. */
export function ReleaseForm({ options, initial, releaseId }: Props) {
  const router = useRouter();
  const [rows, setRows] = useState<PromptRow[]>(initial.prompts.map((p, i) => ({ key: i, ...p })));
  const [v, setV] = useState({ ...initial, kbText: initial.knowledgeBaseIds.join(", ") });
  const set = (changes: Partial<typeof v>) => setV((old) => ({ ...old, ...changes }));
  const values = {
    ...(releaseId ? {} : { useCaseId: options.useCase.id }),
    prompts: rows.map(({ role, promptVersionId }) => ({ role, promptVersionId })),
    modelId: v.modelId, guardrailVersionId: v.guardrailVersionId || null, knowledgeBaseIds: kbList(v.kbText),
    datasetVersionId: v.datasetVersionId || null, evaluationRunId: v.evaluationRunId || null, notes: v.notes,
  };
  const [rowError, setRowError] = useState<string>();
  const [saved, setSaved] = useState(initial);
  const create = useActionForm(createReleaseSchema, createReleaseAction, (d) => { setSaved(values); toast(`Release #${d.number} created`); router.push(`/releases/${d.id}`); });
  const update = useActionForm(updateReleaseSchema, (input) => updateReleaseAction(releaseId!, input), () => { setSaved(values); toast("Release saved"); router.push(`/releases/${releaseId}`); router.refresh(); });
  const form = releaseId ? update : create;
  const errors = form.errors;

  const runs = useMemo(() => options.runs.filter((r) => r.datasetVersionId === v.datasetVersionId), [options.runs, v.datasetVersionId]);
  const chosenRun = runs.find((r) => r.id === v.evaluationRunId);
  const [drafting, setDrafting] = useState(false);
  const latestDraft = useRef(0);
  // Set once the author types in the notes. A background draft (or the check below) may already
  // be on its way then: when it lands it must not replace what they typed.
  const typed = useRef(false);
  async function redraft(quiet = false) {
    const input = { ...values, useCaseId: options.useCase.id, notes: undefined };
    if (!createReleaseSchema.safeParse(input).success) return quiet ? undefined : toast("Complete the prompts and the model id first: the notes are drafted from them", "error");
    setDrafting(true);
    // Only the latest request's answer counts: pins may change while one is in flight.
    const request = ++latestDraft.current;
    const result = await previewReleaseNotesAction(input);
    if (request !== latestDraft.current) return;
    setDrafting(false);
    if (quiet && typed.current) return;
    if (result.ok) set({ notes: result.data.notes });
    else if (!quiet) toast(result.error.message, "error");
  }
  // A new release's notes follow its bundle until the author edits them: drafted from the diff
  // against production on first load and again (debounced) whenever a pin changes.
  // A draft being edited counts as such too when its notes are still exactly the drafted ones.
  const [notesEdited, setNotesEdited] = useState(Boolean(releaseId));
  useUnsavedChanges(pinsOf(values) !== pinsOf(saved) || (notesEdited && values.notes !== saved.notes));
  useEffect(() => {
    if (!releaseId) return;
    void previewReleaseNotesAction({ ...values, useCaseId: options.useCase.id, notes: undefined }).then((r) => r.ok && r.data.notes === initial.notes && !typed.current && setNotesEdited(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, with the saved bundle
  }, []);
  const bundleKey = JSON.stringify({ ...values, notes: undefined });
  useEffect(() => {
    if (notesEdited) return;
    const timer = setTimeout(() => void redraft(true), 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the bundle, not on the functions
  }, [bundleKey, notesEdited]);

  function onSubmit(event: React.FormEvent) {
    setRowError(promptIssues({ ...values, useCaseId: options.useCase.id }));
    form.submit(values as never)(event);
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <section className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-sm font-semibold text-slate-900">What runs</h2>
        <ReleasePromptRows rows={rows} prompts={options.prompts} error={rowError ?? errors.prompts} onChange={setRows} />
        <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
          <Field id="modelId" label="Model id" hint="The Bedrock model or inference profile the application calls." error={errors.modelId}>
            <input id="modelId" className={`${inputClass} font-mono`} value={v.modelId} {...ariaFor("modelId", errors.modelId)} onChange={(e) => set({ modelId: e.target.value })} />
          </Field>
          <Field id="guardrailVersionId" label="Guardrail version" error={errors.guardrailVersionId}>
            <select id="guardrailVersionId" className={inputClass} value={v.guardrailVersionId ?? ""} {...ariaFor("guardrailVersionId", errors.guardrailVersionId)} onChange={(e) => set({ guardrailVersionId: e.target.value || null })}>
              <option value="">No guardrail</option>
              {options.guardrails.map((g) => (
                <optgroup key={g.id} label={g.name}>{g.versions.map((gv) => <option key={gv.id} value={gv.id}>{g.name} v{gv.number} — {gv.message}</option>)}</optgroup>
              ))}
            </select>
          </Field>
          <Field id="knowledgeBaseIds" label="Knowledge base ids" hint="Up to 5 Bedrock knowledge base ids, separated by commas (e.g. KB12345678)." error={errors.knowledgeBaseIds} className="md:col-span-2">
            <input id="knowledgeBaseIds" className={`${inputClass} font-mono`} value={v.kbText} {...ariaFor("knowledgeBaseIds", errors.knowledgeBaseIds)} onChange={(e) => set({ kbText: e.target.value })} />
          </Field>
        </div>
      </section>
      <section className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-sm font-semibold text-slate-900">Evidence</h2>
        <p className="text-sm text-slate-600">Submitting needs an evaluation run on the pinned dataset version that passes the use case&apos;s gates.</p>
        <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
          <Field id="datasetVersionId" label="Dataset version" error={errors.datasetVersionId}>
            <select id="datasetVersionId" className={inputClass} value={v.datasetVersionId ?? ""} {...ariaFor("datasetVersionId", errors.datasetVersionId)} onChange={(e) => set({ datasetVersionId: e.target.value || null, evaluationRunId: null })}>
              <option value="">None yet</option>
              {options.datasets.map((d) => (
                <optgroup key={d.id} label={d.name}>{d.versions.map((dv) => <option key={dv.id} value={dv.id}>{d.name} v{dv.number} ({dv.itemCount} items)</option>)}</optgroup>
              ))}
            </select>
          </Field>
          <Field id="evaluationRunId" label="Evaluation run" hint={v.datasetVersionId ? (runs.length ? "Only runs on the chosen dataset version are listed." : "No runs on this dataset version yet: post one from CI or upload it.") : "Choose a dataset version first."} error={errors.evaluationRunId}>
            <select id="evaluationRunId" className={inputClass} value={v.evaluationRunId ?? ""} disabled={!v.datasetVersionId} {...ariaFor("evaluationRunId", errors.evaluationRunId)} onChange={(e) => set({ evaluationRunId: e.target.value || null })}>
              <option value="">None yet</option>
              {runs.map((r) => <option key={r.id} value={r.id}>Run #{r.number} · {r.candidate} · {r.passed ? "passes the gates" : `fails ${r.failing} gate${r.failing === 1 ? "" : "s"}`}</option>)}
            </select>
          </Field>
        </div>
        {chosenRun ? (
          <p className="text-sm text-slate-700">Run #{chosenRun.number} against the current gates: <Badge tone={chosenRun.passed ? "green" : "red"}>{chosenRun.passed ? "Passes" : "Fails"}</Badge></p>
        ) : null}
      </section>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div className="flex items-center justify-between">
          <h2 className="text-sm font-semibold text-slate-900">Release notes</h2>
          <Button variant="secondary" onClick={() => void redraft()} disabled={drafting}>{drafting ? "Drafting…" : "Redraft from the bundle"}</Button>
        </div>
        <Field id="notes" label="Notes" hint={notesEdited ? "Edited by hand: redraft them from the bundle after changing the pins." : "Drafted from the diff against what runs in production, and redrafted as the pins change until you edit them."} error={errors.notes}>
          <textarea id="notes" rows={10} className={`${inputClass} font-mono text-[13px]`} value={v.notes} {...ariaFor("notes", errors.notes)} onChange={(e) => { typed.current = true; setNotesEdited(true); set({ notes: e.target.value }); }} />
        </Field>
      </section>
      {form.alert}
      <div className="flex justify-end gap-3">
        <Link href={releaseId ? `/releases/${releaseId}` : "/releases"} className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">Cancel</Link>
        <Button type="submit" disabled={form.pending}>{form.pending ? "Saving…" : releaseId ? "Save draft" : "Create draft release"}</Button>
      </div>
    </form>
  );
}
