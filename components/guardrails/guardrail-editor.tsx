"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useUnsavedChanges } from "@/components/ui/use-unsaved-changes";
import { toast } from "@/components/shell/toaster";
import { updateGuardrailDraftAction } from "@/app/(console)/guardrails/actions";
import { updateDraftSchema, type GuardrailConfig } from "@/lib/guardrails/schemas";
import { checkByPath, errorsByPath, fromConfig, toConfig, type EditorState, type SectionProps } from "./editor-state";
import { TopicsSection } from "./topics-section";
import { ContentFiltersSection } from "./content-filters-section";
import { WordsSection } from "./words-section";
import { SensitiveInfoSection } from "./sensitive-info-section";
import { GroundingSection, MessagesSection } from "./grounding-messages-section";

type ActionError = Error & { details?: { fields?: { field: string; message: string }[] } };

/** The DRAFT, one card per Bedrock policy; validated with the server's schema before saving. */
export function GuardrailEditor({ id, draft, readOnly }: { id: string; draft: GuardrailConfig; readOnly: boolean }) {
  const router = useRouter();
  const [state, setState] = useState<EditorState>(() => fromConfig(draft));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(!readOnly && dirty);
  const set = (next: Partial<EditorState>) => {
    setState((s) => ({ ...s, ...next }));
    setDirty(true);
  };
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await updateGuardrailDraftAction(id, { config: toConfig(state) });
      if (!result.ok) throw Object.assign(new Error(result.error.message), { details: result.error.details });
      return result.data;
    },
    onSuccess: () => {
      toast("Draft saved");
      setDirty(false);
      router.refresh();
    },
    onError: (error: ActionError) => {
      setErrors(errorsByPath(error.details?.fields));
      toast(error.message, "error");
    },
  });
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const found = checkByPath(updateDraftSchema, { config: toConfig(state) });
    setErrors(found ?? {});
    if (found) toast(`Not saved — ${Object.keys(found).length} field(s) need attention`, "error");
    else mutation.mutate();
  };
  const props: SectionProps = { state, set, errors, readOnly };
  const errorList = Object.entries(errors);
  return (
    <form onSubmit={save} className="space-y-6" aria-label="Guardrail draft">
      {errorList.length ? (
        <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-4 text-sm text-rose-900">
          <p className="font-semibold">The draft was not saved:</p>
          <ul className="mt-1 list-disc pl-5">
            {errorList.map(([field, message]) => <li key={field}><span className="font-mono text-xs">{field}</span>: {message}</li>)}
          </ul>
        </div>
      ) : null}
      <Card title="Denied topics"><TopicsSection {...props} /></Card>
      <Card title="Content filters"><ContentFiltersSection {...props} /></Card>
      <Card title="Word filters"><WordsSection {...props} /></Card>
      <Card title="Sensitive information"><SensitiveInfoSection {...props} /></Card>
      <Card title="Contextual grounding"><GroundingSection {...props} /></Card>
      <Card title="Blocked messaging"><MessagesSection {...props} /></Card>
      {readOnly ? null : (
        <div className="sticky bottom-0 flex items-center justify-end gap-3 border-t border-slate-200 bg-white/90 py-3 backdrop-blur">
          {dirty ? <span className="text-sm text-amber-800">Unsaved changes</span> : null}
          <Button type="submit" disabled={mutation.isPending}>{mutation.isPending ? "Saving…" : "Save draft"}</Button>
        </div>
      )}
    </form>
  );
}
