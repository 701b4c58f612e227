"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { toast } from "@/components/shell/toaster";
import { createPromptAction } from "@/app/(console)/prompts/actions";
import { createPromptSchema } from "@/lib/prompts/schemas";
import { byPath, checkPaths, toActionError, type PromptActionError } from "./prompt-errors";

type Props = { useCases: { id: string; name: string; teamName: string }[]; initialUseCaseId?: string };

/** A new prompt: where it belongs, its name and type, and a first template. */
export function PromptCreateForm({ useCases, initialUseCaseId }: Props) {
  const router = useRouter();
  const [v, setV] = useState({ useCaseId: initialUseCaseId ?? (useCases.length === 1 ? useCases[0]!.id : ""), name: "", description: "", type: "TEXT" as "TEXT" | "CHAT", modelId: "amazon.nova-lite-v1:0", text: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (changes: Partial<typeof v>) => setV((old) => ({ ...old, ...changes }));
  const payload = () => {
    const { text, ...rest } = v;
    return v.type === "TEXT" ? { ...rest, template: text } : { ...rest, system: "", messages: [{ role: "user", text }] };
  };
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await createPromptAction(payload());
      if (!result.ok) throw toActionError(result.error);
      return result.data;
    },
    onSuccess: (p) => {
      toast("Prompt created as a draft");
      router.push(`/prompts/${p.id}`);
    },
    onError: (error: PromptActionError) => {
      setErrors(byPath(error.details?.fields));
      toast(error.message, "error");
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found = checkPaths(createPromptSchema, payload());
    setErrors(found ?? {});
    if (!found) mutation.mutate();
  };
  const textError = errors.template ?? errors["messages.0.text"] ?? errors.messages;
  return (
    <form onSubmit={submit} noValidate className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <Field id="useCaseId" label="Use case" error={errors.useCaseId}>
          <select id="useCaseId" className={inputClass} value={v.useCaseId} {...ariaFor("useCaseId", errors.useCaseId)} onChange={(e) => set({ useCaseId: e.target.value })}>
            <option value="">Choose a use case…</option>
            {useCases.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.teamName})</option>)}
          </select>
        </Field>
        <Field id="name" label="Name" hint="Letters and digits with - or _, e.g. ticket-triage (Bedrock's naming rules)." error={errors.name}>
          <input id="name" className={`${inputClass} font-mono`} value={v.name} {...ariaFor("name", errors.name)} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field id="description" label="Description" error={errors.description} className="md:col-span-2">
          <input id="description" className={inputClass} value={v.description} {...ariaFor("description", errors.description)} onChange={(e) => set({ description: e.target.value })} />
        </Field>
        <Field id="type" label="Type" error={errors.type}>
          <select id="type" className={inputClass} value={v.type} onChange={(e) => set({ type: e.target.value as "TEXT" | "CHAT" })}>
            <option value="TEXT">Text (one template)</option>
            <option value="CHAT">Chat (system + messages)</option>
          </select>
        </Field>
        <Field id="modelId" label="Model id" error={errors.modelId}>
          <input id="modelId" className={`${inputClass} font-mono`} value={v.modelId} {...ariaFor("modelId", errors.modelId)} onChange={(e) => set({ modelId: e.target.value })} />
        </Field>
        <Field id="text" label={v.type === "TEXT" ? "Template" : "First user message"} hint="Write variables as {{name}}. You can refine everything after creating." error={textError} className="md:col-span-2">
          <textarea id="text" rows={6} className={`${inputClass} font-mono text-[13px]`} value={v.text} {...ariaFor("text", textError)} onChange={(e) => set({ text: e.target.value })} />
        </Field>
      </div>
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={() => router.back()}>Cancel</Button>
        <Button type="submit" disabled={mutation.isPending}>{mutation.isPending ? "Creating…" : "Create prompt"}</Button>
      </div>
    </form>
  );
}
