"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { actionError, ariaFor, type ActionError } from "@/components/ui/form-errors";
import { toast } from "@/components/shell/toaster";
import { importDatasetItemsAction } from "@/app/(console)/datasets/actions";
import { parseDatasetFileSteps, type ParseResult } from "@/lib/datasets/parse-dataset-file";
import { formatOfFileName, MAX_FILE_BYTES, type DatasetFormat } from "@/lib/datasets/schemas";
import { runStepsInBrowser } from "@/components/ui/run-steps-in-browser";
import { ProgressBar } from "./progress-bar";
import { ValidationReport } from "./validation-report";

type Parsed = { fileName: string; text: string; format: DatasetFormat; result: ParseResult };

/** Choose a file → parse it here with the server's parser → read the report → import the good rows. */
export function DatasetImport({ datasetId, draftCount }: { datasetId: string; draftCount: number }) {
  const router = useRouter();
  const [progress, setProgress] = useState<number | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [mode, setMode] = useState<"append" | "replace">("append");
  const mutation = useMutation({
    mutationFn: async (p: Parsed) => {
      const result = await importDatasetItemsAction(datasetId, { format: p.format, text: p.text, mode, confirmedRows: p.result.rows.length });
      if (!result.ok) throw actionError(result.error);
      return result.data;
    },
    onSuccess: (r) => {
      toast(`${r.imported} item${r.imported === 1 ? "" : "s"} imported`);
      router.push(`/datasets/${datasetId}`);
      router.refresh();
    },
    onError: (error: ActionError) => toast(error.message, "error"),
  });

  const choose = async (file: File | undefined) => {
    setParsed(null);
    setFileError(undefined);
    if (!file) return;
    const format = formatOfFileName(file.name);
    if (!format) return setFileError("Choose a .csv or .jsonl file");
    if (file.size > MAX_FILE_BYTES) return setFileError(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB`);
    setProgress(0);
    const text = await file.text();
    const result = await runStepsInBrowser(parseDatasetFileSteps(text, format), setProgress);
    setProgress(null);
    setParsed({ fileName: file.name, text, format, result });
  };

  const good = parsed?.result.rows.length ?? 0;
  return (
    <div className="space-y-6">
      <Card title="1. Choose a file">
        <Field id="dataset-file" label="CSV or JSONL file" error={fileError} hint="CSV: columns input.<variable>, expected, tags (separated by ;). JSONL: one {input, expected, tags} per line. At most 5 MB and 10,000 items.">
          <input id="dataset-file" type="file" accept=".csv,.jsonl,.ndjson" className={inputClass} disabled={progress !== null || mutation.isPending} {...ariaFor("dataset-file", fileError)} onChange={(e) => void choose(e.target.files?.[0])} />
        </Field>
        {progress !== null ? <div className="mt-4"><ProgressBar label="Checking the file…" value={progress} /></div> : null}
      </Card>
      {parsed ? (
        <Card title={`2. Validation report: ${parsed.fileName}`}>
          <div className="space-y-4">
            <p className="text-sm font-medium text-slate-900">{good} good row{good === 1 ? "" : "s"}</p>
            <ValidationReport errors={parsed.result.errors} format={parsed.format} />
            {good > 0 ? (
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium text-slate-800">The draft has {draftCount} item{draftCount === 1 ? "" : "s"}</legend>
                <label className="flex items-center gap-2 text-sm"><input type="radio" name="mode" checked={mode === "append"} onChange={() => setMode("append")} /> Add the good rows after them</label>
                <label className="flex items-center gap-2 text-sm"><input type="radio" name="mode" checked={mode === "replace"} onChange={() => setMode("replace")} /> Replace the draft with the good rows</label>
              </fieldset>
            ) : <p className="text-sm text-rose-700">Nothing can be imported: fix the file and choose it again.</p>}
            {mutation.isPending ? <ProgressBar label="Importing…" /> : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => router.push(`/datasets/${datasetId}`)} disabled={mutation.isPending}>Cancel</Button>
              {good > 0 ? <Button onClick={() => mutation.mutate(parsed)} disabled={mutation.isPending}>{`Import ${good} good row${good === 1 ? "" : "s"}`}</Button> : null}
            </div>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
