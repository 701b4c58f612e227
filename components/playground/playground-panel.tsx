"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { PermittedLink } from "@/components/shell/actor-context";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { actionError, byField, type ActionError } from "@/components/ui/form-errors";
import { playgroundSetupAction, runPromptAction } from "@/app/(console)/playground/actions";
import type { PlaygroundRun } from "@/lib/playground/run-prompt";

type Props = { promptId: string; versionNumber: number | "draft" };

/**
 * Runs the rendered prompt through Bedrock Converse in a connected environment. Without a
 * connection it says so and offers nothing to run: there is no simulated answer.
 */
export function PlaygroundPanel({ promptId, versionNumber }: Props) {
  const setup = useQuery({
    queryKey: ["playground", promptId, versionNumber],
    queryFn: async () => {
      const r = await playgroundSetupAction(promptId, versionNumber);
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
  });
  const [values, setValues] = useState<Record<string, string>>({});
  const [environment, setEnvironment] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = useMutation<PlaygroundRun, ActionError>({
    mutationFn: async () => {
      const env = environment ?? setup.data?.environments[0];
      const variables = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
      const r = await runPromptAction({ promptId, version: versionNumber, variables, environment: env });
      if (!r.ok) throw actionError(r.error);
      return r.data;
    },
    onMutate: () => setErrors({}),
    onError: (e) => setErrors(byField(e.details?.fields?.map((f) => ({ ...f, field: f.field.replace(/^variables\./, "") })))),
  });
  const title = `Playground — ${versionNumber === "draft" ? "draft" : `version ${versionNumber}`}`;

  if (setup.isPending) return <Card title={title}><p className="text-sm text-slate-600">Loading…</p></Card>;
  if (setup.isError) return <Card title={title}><p role="alert" className="text-sm text-rose-700">{setup.error.message}</p></Card>;
  const { variables, modelId, environments } = setup.data;
  if (environments.length === 0) {
    return (
      <Card title={title}>
        <p className="text-sm text-slate-700" role="status">
          The playground is unavailable: no AWS connection is configured, so there is no model to run this prompt on. Strata does not
          simulate model answers. An admin can add a connection in{" "}
          <PermittedLink permission="aws-connection:read" href="/settings/aws-connections" className="font-medium text-indigo-700 hover:underline" fallback="Settings → AWS connections">Settings → AWS connections</PermittedLink>.
        </p>
      </Card>
    );
  }
  const env = environment ?? environments[0]!;

  return (
    <Card title={title}>
      <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); run.mutate(); }} aria-label="Run prompt">
        <div className="flex flex-wrap items-end gap-4">
          <Field id="pg-env" label="Environment">
            <select id="pg-env" className={inputClass} value={env} onChange={(e) => setEnvironment(e.target.value)}>
              {environments.map((e) => <option key={e} value={e}>{e}</option>)}
            </select>
          </Field>
          <p className="pb-2 text-sm text-slate-600">Model <span className="font-mono text-slate-800">{modelId}</span></p>
        </div>
        {variables.map((v) => (
          <Field key={v.name} id={`pg-var-${v.name}`} label={`${v.name}${v.required && v.default === null ? " *" : ""}`} hint={v.description || (v.default !== null ? `Default: ${v.default}` : undefined)} error={errors[v.name]}>
            <textarea id={`pg-var-${v.name}`} rows={2} className={inputClass} value={values[v.name] ?? ""} onChange={(e) => setValues((s) => ({ ...s, [v.name]: e.target.value }))} aria-invalid={Boolean(errors[v.name]) || undefined} />
          </Field>
        ))}
        <Button type="submit" disabled={run.isPending}>{run.isPending ? "Running on Bedrock…" : "Run"}</Button>
      </form>
      <div className="mt-5" aria-live="polite">
        {run.isError && !Object.keys(errors).length ? <p role="alert" className="text-sm text-rose-700">{run.error.message}</p> : null}
        {run.data ? <RunResult run={run.data} /> : null}
      </div>
    </Card>
  );
}

function RunResult({ run }: { run: PlaygroundRun }) {
  return (
    <div className="space-y-3">
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Answer</h3>
        <pre className="mt-1 whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm text-slate-800" data-testid="playground-answer">{run.answer}</pre>
      </div>
      <dl className="grid grid-cols-2 gap-2 text-xs sm:grid-cols-5">
        <Stat label="Input tokens" value={run.inputTokens} />
        <Stat label="Output tokens" value={run.outputTokens} />
        <Stat label="Model latency" value={run.modelLatencyMs === null ? "—" : `${run.modelLatencyMs} ms`} />
        <Stat label="Round trip" value={`${run.elapsedMs} ms`} />
        <Stat label="Stop reason" value={run.stopReason} />
      </dl>
      <p className="text-xs text-slate-500">{run.modelId} in {run.environment}, via Bedrock Runtime Converse.</p>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="rounded-md border border-slate-200 px-3 py-2">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900">{value}</dd>
    </div>
  );
}
