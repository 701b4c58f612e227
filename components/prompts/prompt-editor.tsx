"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { useUnsavedChanges } from "@/components/ui/use-unsaved-changes";
import { toast } from "@/components/shell/toaster";
import { updatePromptDraftAction } from "@/app/(console)/prompts/actions";
import { updatePromptDraftSchema, type PromptContent } from "@/lib/prompts/schemas";
import { resolveVariables } from "@/lib/prompts/template";
import { fromContent, templateOf, toPayload, type EditorState } from "./editor-state";
import { TemplateFields } from "./template-fields";
import { VariablesTable } from "./variables-table";
import { InferenceFields } from "./inference-fields";
import { PreviewPanel } from "./preview-panel";
import { CreateVersionButton } from "./create-version-dialog";
import { byPath, checkPaths, toActionError, type PromptActionError } from "./prompt-errors";

type Props = { promptId: string; draft: PromptContent; description: string; latestVersion: number; canEdit: boolean };

/** The draft editor with its preview. Saving replaces the draft; versions are created from the saved draft. */
export function PromptEditor({ promptId, draft, description, latestVersion, canEdit }: Props) {
  const router = useRouter();
  const [saved, setSaved] = useState(() => fromContent(draft, description));
  const [state, setState] = useState(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Counts the author's edits. A save remembers the count it was sent at: if the author typed
  // while it was on its way, its answer must not replace what they typed.
  const edits = useRef(0);
  const set = (changes: Partial<EditorState>) => {
    edits.current += 1;
    setState((old) => ({ ...old, ...changes }));
  };
  const dirty = JSON.stringify(toPayload(state)) !== JSON.stringify(toPayload(saved));
  useUnsavedChanges(canEdit && dirty);
  const { warnings } = resolveVariables(templateOf(state));

  const mutation = useMutation({
    mutationFn: async ({ payload }: { payload: ReturnType<typeof toPayload>; atEdit: number }) => {
      const result = await updatePromptDraftAction(promptId, payload);
      if (!result.ok) throw toActionError(result.error);
      return result.data;
    },
    onSuccess: (p, { atEdit }) => {
      const next = fromContent(p.draft, p.description);
      // What the server holds now is the saved state either way, so newer typing still reads as unsaved.
      setSaved(next);
      if (edits.current === atEdit) setState(next);
      toast("Draft saved");
      router.refresh();
    },
    onError: (error: PromptActionError) => {
      setErrors(byPath(error.details?.fields));
      toast(error.message, "error");
    },
  });
  // A button, not a form submit: the "Create version" dialog has its own form, and forms cannot nest.
  const save = () => {
    const payload = toPayload(state);
    const found = checkPaths(updatePromptDraftSchema, payload);
    setErrors(found ?? {});
    if (found) toast("The draft has errors: see the highlighted fields", "error");
    else mutation.mutate({ payload, atEdit: edits.current });
  };

  return (
    <div className="space-y-6">
      <div role="group" aria-label="Prompt draft" className="space-y-6">
        <Card
          title="Draft"
          actions={
            canEdit ? (
              <div className="flex items-center gap-2">
                {dirty ? <span className="text-xs text-amber-700">Unsaved changes</span> : null}
                <Button variant="secondary" onClick={save} disabled={mutation.isPending || !dirty}>{mutation.isPending ? "Saving…" : "Save draft"}</Button>
                <CreateVersionButton promptId={promptId} nextNumber={latestVersion + 1} disabledReason={dirty ? "Save the draft first: a version freezes the saved draft" : undefined} />
              </div>
            ) : null
          }
        >
          <div className="space-y-5">
            <Field id="description" label="Description" error={errors.description}>
              <input id="description" className={inputClass} value={state.description} readOnly={!canEdit} {...ariaFor("description", errors.description)} onChange={(e) => set({ description: e.target.value })} />
            </Field>
            <TemplateFields state={state} set={set} errors={errors} readOnly={!canEdit} />
          </div>
        </Card>
        <Card title="Variables">
          {errors.variables ? <p role="alert" className="mb-3 text-xs font-medium text-rose-700">Variables: {errors.variables}</p> : null}
          {warnings.length ? (
            <ul className="mb-3 space-y-1 text-xs text-amber-800">{warnings.map((w) => <li key={w}>{w}</li>)}</ul>
          ) : null}
          <VariablesTable state={state} set={set} errors={errors} readOnly={!canEdit} />
        </Card>
        <Card title="Model and parameters">
          <InferenceFields state={state} set={set} errors={errors} readOnly={!canEdit} />
        </Card>
      </div>
      <Card title="Preview">
        <p className="mb-4 text-xs text-slate-500">Renders what is in the editor now{dirty ? ", including unsaved changes" : ""}.</p>
        <PreviewPanel content={templateOf(state)} />
      </Card>
    </div>
  );
}
