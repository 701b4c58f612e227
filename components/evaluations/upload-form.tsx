"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { useActionForm } from "@/components/ui/use-action-form";
import { toast } from "@/components/shell/toaster";
import { ProgressBar } from "@/components/datasets/progress-bar";
import { uploadEvaluationRunAction } from "@/app/(console)/evaluations/actions";
import { parseRunFileSteps, type RunFileResult } from "@/lib/evaluations/parse-run-file";
import type { UploadTarget } from "@/lib/evaluations/queries";
import { MAX_UPLOAD_BYTES, uploadEvaluationRunSchema } from "@/lib/evaluations/schemas";
import { runStepsInBrowser } from "@/components/ui/run-steps-in-browser";
import { LineReport } from "./line-report";

type Parsed = { fileName: string; text: string; result: RunFileResult };

/** Pick the use case and dataset version → choose the file → read the report → upload. */
export function UploadForm({ targets, initialUseCaseId }: { targets: UploadTarget[]; initialUseCaseId?: string }) {
  const router = useRouter();
  const [useCaseId, setUseCaseId] = useState(targets.find((t) => t.id === initialUseCaseId)?.id ?? targets[0]?.id ?? "");
  const versions = (targets.find((t) => t.id === useCaseId)?.datasets ?? []).flatMap((d) => d.versions.map((v) => ({ key: `${d.id}:${v.number}`, datasetId: d.id, label: `${d.name} v${v.number} (${v.itemCount} items)`, number: v.number, itemCount: v.itemCount })));
  const [versionKey, setVersionKey] = useState(versions[0]?.key ?? "");
  const version = versions.find((v) => v.key === versionKey);
  const [candidate, setCandidate] = useState("");
  const [externalUrl, setExternalUrl] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const { errors, submit, pending, alert } = useActionForm(uploadEvaluationRunSchema, uploadEvaluationRunAction, (run) => {
    toast(`Run #${run.number} recorded: ${run.passed ? "passed" : "failed"}`);
    router.push(`/evaluations/${run.id}`);
  });

  const analyse = async (fileName: string, text: string, itemCount: number | undefined) => {
    setProgress(0);
    const result = await runStepsInBrowser(parseRunFileSteps(text, itemCount), setProgress);
    setProgress(null);
    setParsed({ fileName, text, result });
  };
  const choose = async (file: File | undefined) => {
    setParsed(null);
    setFileError(undefined);
    if (!file) return;
    if (!/\.(jsonl|ndjson)$/i.test(file.name)) return setFileError("Choose a .jsonl file");
    if (file.size > MAX_UPLOAD_BYTES) return setFileError(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB`);
    await analyse(file.name, await file.text(), version?.itemCount);
  };
  const pickUseCase = (id: string) => {
    setUseCaseId(id);
    const first = targets.find((t) => t.id === id)?.datasets[0];
    setVersionKey(first ? `${first.id}:${first.versions[0]!.number}` : "");
  };
  const pickVersion = (key: string) => {
    setVersionKey(key);
    // itemIndex is bounded by the version's item count: check the file again against it.
    if (parsed) void analyse(parsed.fileName, parsed.text, versions.find((v) => v.key === key)?.itemCount);
  };

  const values = { useCaseId, candidate: candidate.trim(), datasetId: version?.datasetId ?? "", datasetVersion: version?.number ?? 0, externalUrl: externalUrl.trim(), text: parsed?.text ?? "" };
  const ready = parsed && parsed.result.errors.length === 0 && version;
  return (
    <form onSubmit={submit(values)} noValidate className="space-y-6">
      <Card title="1. What was evaluated">
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field id="upload-useCaseId" label="Use case" error={errors.useCaseId}>
            <select id="upload-useCaseId" className={inputClass} value={useCaseId} onChange={(e) => pickUseCase(e.target.value)}>
              {targets.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          </Field>
          <Field id="upload-version" label="Dataset version" error={errors.datasetId ?? errors.datasetVersion}>
            <select id="upload-version" className={inputClass} value={versionKey} disabled={versions.length === 0} onChange={(e) => pickVersion(e.target.value)} {...ariaFor("upload-version", errors.datasetId ?? errors.datasetVersion)}>
              {versions.length === 0 ? <option value="">No dataset versions</option> : versions.map((v) => <option key={v.key} value={v.key}>{v.label}</option>)}
            </select>
          </Field>
          <Field id="upload-candidate" label="Release candidate" hint="What was evaluated: a commit sha, a tag or a name like rc-12." error={errors.candidate}>
            <input id="upload-candidate" className={`${inputClass} font-mono`} value={candidate} maxLength={120} {...ariaFor("upload-candidate", errors.candidate)} onChange={(e) => setCandidate(e.target.value)} />
          </Field>
          <Field id="upload-externalUrl" label="Link to the evaluation job (optional)" hint="An http(s) URL, e.g. the CI job that produced the file." error={errors.externalUrl}>
            <input id="upload-externalUrl" type="url" className={inputClass} value={externalUrl} {...ariaFor("upload-externalUrl", errors.externalUrl)} onChange={(e) => setExternalUrl(e.target.value)} />
          </Field>
        </div>
        {versions.length === 0 && useCaseId ? (
          <p className="mt-4 text-sm text-amber-800">
            This use case has no dataset version yet. <Link className="text-indigo-700 underline hover:no-underline" href={`/datasets/new?useCaseId=${encodeURIComponent(useCaseId)}`}>Create a dataset</Link> and a version of it first.
          </p>
        ) : null}
      </Card>
      <Card title="2. Choose the results file">
        <Field id="upload-file" label="JSONL file" error={fileError ?? errors.text}>
          <input id="upload-file" type="file" accept=".jsonl,.ndjson" className={inputClass} disabled={progress !== null || pending} {...ariaFor("upload-file", fileError ?? errors.text)} onChange={(e) => void choose(e.target.files?.[0])} />
        </Field>
        {progress !== null ? <div className="mt-4"><ProgressBar label="Checking the file…" value={progress} /></div> : null}
      </Card>
      {parsed ? (
        <Card title={`3. Validation report: ${parsed.fileName}`}>
          <div className="space-y-4">
            <p className="text-sm font-medium text-slate-900">
              {parsed.result.metrics ? `${parsed.result.metrics.length} metric${parsed.result.metrics.length === 1 ? "" : "s"}` : "No metrics"}, {parsed.result.items.length} item{parsed.result.items.length === 1 ? "" : "s"}
            </p>
            <LineReport errors={parsed.result.errors} />
            {pending ? <ProgressBar label="Uploading…" /> : null}
            {alert}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => router.push("/evaluations")} disabled={pending}>Cancel</Button>
              <Button type="submit" disabled={!ready || pending}>Upload run</Button>
            </div>
          </div>
        </Card>
      ) : null}
    </form>
  );
}
