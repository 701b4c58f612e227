"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { toast } from "@/components/shell/toaster";
import { runGuardrailBenchAction } from "@/app/(console)/guardrails/actions";
import { LIMITS, type GuardrailSource } from "@/lib/guardrails/schemas";
import type { BenchRun } from "@/lib/guardrails/run-test-bench";
import type { TestCaseDto } from "@/lib/guardrails/test-cases";
import { VerdictCard } from "./verdict-card";
import { SavedCasesPanel } from "./saved-cases-panel";
import { RemoteGuardrailBench } from "@/components/playground/remote-guardrail-bench";

type Target = "DRAFT" | number;

/** Runs texts against the DRAFT or a version with the policies Strata evaluates exactly. */
export function BenchPanel({ guardrailId, versions, initialTarget, testCases, canEditCases }: {
  guardrailId: string; versions: number[]; initialTarget: Target; testCases: TestCaseDto[]; canEditCases: boolean;
}) {
  const [target, setTarget] = useState<Target>(initialTarget);
  const [source, setSource] = useState<GuardrailSource>("INPUT");
  const [text, setText] = useState("");
  const [run, setRun] = useState<BenchRun | null>(null);
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await runGuardrailBenchAction(guardrailId, { target, texts: [{ source, text }] });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: setRun,
    onError: (e: Error) => toast(e.message, "error"),
  });
  return (
    <div className="space-y-6">
      <div role="note" className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900">
        Evaluated here, exactly: blocked words, a built-in subset of the PROFANITY list, regexes, and PII with a fixed shape
        (email, phone, card numbers with a Luhn check, US SSN, IPv4 address, AWS access key, URL).
        <strong> Topics, content filters and grounding need Bedrock</strong> — they are decided by Bedrock&apos;s models and are not evaluated on this bench.
      </div>
      <div className="max-w-xs">
        <label htmlFor="bench-target" className="text-sm font-medium text-slate-800">Run against</label>
        <select id="bench-target" className={inputClass} value={String(target)} onChange={(e) => setTarget(e.target.value === "DRAFT" ? "DRAFT" : Number(e.target.value))}>
          <option value="DRAFT">Draft</option>
          {versions.map((n) => <option key={n} value={n}>Version {n}</option>)}
        </select>
      </div>
      <Card title="Try a text">
        <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); if (text) mutation.mutate(); }}>
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">Source</legend>
            {(["INPUT", "OUTPUT"] as const).map((s) => (
              <label key={s} className="flex items-center gap-1.5">
                <input type="radio" name="bench-source" value={s} checked={source === s} onChange={() => setSource(s)} />
                {s === "INPUT" ? "INPUT (user prompt)" : "OUTPUT (model response)"}
              </label>
            ))}
          </fieldset>
          <label htmlFor="bench-text" className="sr-only">Sample text</label>
          <textarea id="bench-text" rows={4} maxLength={LIMITS.benchText} className={inputClass} placeholder="Paste a sample prompt or response…" value={text} onChange={(e) => setText(e.target.value)} />
          <div className="flex justify-end"><Button type="submit" disabled={!text || mutation.isPending}>{mutation.isPending ? "Evaluating…" : "Evaluate"}</Button></div>
        </form>
        {run ? (
          <section aria-live="polite" aria-label="Verdict" className="mt-4 space-y-2">
            <p className="text-xs text-slate-500">Against {run.label}.{run.notEvaluated.length ? ` Configured but not evaluated here: ${run.notEvaluated.join(", ")}.` : ""}</p>
            {run.results.map((r, i) => <VerdictCard key={i} verdict={r.verdict} source={r.source} elapsedMs={r.elapsedMs} />)}
          </section>
        ) : null}
      </Card>
      {/* Bedrock's own verdict (ApplyGuardrail) for a published version, from components/playground. */}
      {target === "DRAFT" ? (
        <p className="text-sm text-slate-600">Choose a version above to also test it in Bedrock with ApplyGuardrail (the draft is never published).</p>
      ) : (
        <RemoteGuardrailBench guardrailId={guardrailId} versionNumber={target} />
      )}
      <SavedCasesPanel guardrailId={guardrailId} target={target} testCases={testCases} canEdit={canEditCases} />
    </div>
  );
}
