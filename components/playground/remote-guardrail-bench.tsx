"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { PermittedLink } from "@/components/shell/actor-context";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { applyGuardrailRemoteAction, remoteBenchSetupAction } from "@/app/(console)/playground/actions";
import type { RemoteGuardrailRun } from "@/lib/playground/apply-guardrail-remote";

type Props = { guardrailId: string; versionNumber: number };

/** The test bench against Bedrock itself: ApplyGuardrail on the version published to an environment. */
export function RemoteGuardrailBench({ guardrailId, versionNumber }: Props) {
  const setup = useQuery({
    queryKey: ["remote-bench", guardrailId, versionNumber],
    queryFn: async () => {
      const r = await remoteBenchSetupAction(guardrailId, versionNumber);
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
  });
  const [environment, setEnvironment] = useState<string | null>(null);
  const [source, setSource] = useState<"INPUT" | "OUTPUT">("INPUT");
  const [text, setText] = useState("");
  const run = useMutation<RemoteGuardrailRun, Error>({
    mutationFn: async () => {
      const r = await applyGuardrailRemoteAction({ guardrailId, versionNumber, environment: environment ?? usable[0]?.environment, source, text });
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
  });
  const title = `Test version ${versionNumber} in Bedrock`;
  if (setup.isPending) return <Card title={title}><p className="text-sm text-slate-600">Loading…</p></Card>;
  if (setup.isError) return <Card title={title}><p role="alert" className="text-sm text-rose-700">{setup.error.message}</p></Card>;
  const usable = setup.data.filter((e) => e.connected && e.bedrockVersion);
  if (!setup.data.some((e) => e.connected)) {
    return (
      <Card title={title}>
        <p className="text-sm text-slate-700" role="status">
          Unavailable: no AWS connection is configured. The local test bench still works; Bedrock&apos;s own assessments need a connection
          (<PermittedLink permission="aws-connection:read" href="/settings/aws-connections" className="font-medium text-indigo-700 hover:underline" fallback="an admin adds it in Settings → AWS connections">Settings → AWS connections</PermittedLink>).
        </p>
      </Card>
    );
  }
  if (usable.length === 0) {
    return (
      <Card title={title}>
        <p className="text-sm text-slate-700" role="status">Version {versionNumber} is not published to a connected environment yet. Publish it, then test it here with ApplyGuardrail.</p>
      </Card>
    );
  }
  const env = environment ?? usable[0]!.environment;
  return (
    <Card title={title}>
      <form className="space-y-4" aria-label="Apply guardrail in Bedrock" onSubmit={(e) => { e.preventDefault(); if (text) run.mutate(); }}>
        <div className="flex flex-wrap gap-4">
          <Field id="rb-env" label="Environment">
            <select id="rb-env" className={inputClass} value={env} onChange={(e) => setEnvironment(e.target.value)}>
              {usable.map((e) => <option key={e.environment} value={e.environment}>{e.environment} (Bedrock version {e.bedrockVersion})</option>)}
            </select>
          </Field>
          <Field id="rb-source" label="Source">
            <select id="rb-source" className={inputClass} value={source} onChange={(e) => setSource(e.target.value as "INPUT" | "OUTPUT")}>
              <option value="INPUT">INPUT (user prompt)</option>
              <option value="OUTPUT">OUTPUT (model answer)</option>
            </select>
          </Field>
        </div>
        <Field id="rb-text" label="Text">
          <textarea id="rb-text" rows={3} className={inputClass} value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        <Button type="submit" disabled={run.isPending || !text}>{run.isPending ? "Applying…" : "Apply guardrail"}</Button>
      </form>
      <div className="mt-5" aria-live="polite">
        {run.isError ? <p role="alert" className="text-sm text-rose-700">{run.error.message}</p> : null}
        {run.data ? <RemoteResult run={run.data} /> : null}
      </div>
    </Card>
  );
}

function RemoteResult({ run }: { run: RemoteGuardrailRun }) {
  return (
    <div className="space-y-3 text-sm">
      <p>
        <Badge tone={run.action === "NONE" ? "green" : "red"}>{run.action === "NONE" ? "No intervention" : "Guardrail intervened"}</Badge>
        <span className="ml-2 text-xs text-slate-500">Bedrock {run.environment}, version {run.bedrockVersion}, {run.elapsedMs} ms</span>
      </p>
      {run.outputs.length ? <pre className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-slate-800">{run.outputs.join("\n")}</pre> : null}
      {run.findings.length ? (
        <table className="w-full text-left text-xs">
          <thead><tr className="text-slate-500"><th className="py-1">Policy</th><th>What</th><th>Match</th><th>Action</th></tr></thead>
          <tbody>
            {run.findings.map((f, i) => (
              <tr key={i} className="border-t border-slate-100"><td className="py-1">{f.policy}</td><td>{f.label}</td><td className="font-mono">{f.match ?? "—"}</td><td>{f.action}</td></tr>
            ))}
          </tbody>
        </table>
      ) : <p className="text-xs text-slate-500">No policy matched.</p>}
      <details className="text-xs"><summary className="cursor-pointer text-slate-600">Raw assessments</summary><pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2">{JSON.stringify(run.assessments, null, 2)}</pre></details>
    </div>
  );
}
