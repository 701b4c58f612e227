import Link from "next/link";
import type { RunDetail } from "@/lib/evaluations/queries";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { VerdictBadge } from "./verdict-badge";
import { DateTime } from "@/components/ui/date-time";

/** Title, provenance (who, when, from where) and the recorded verdict of a run. */
export function RunHeader({ run, createdBy }: { run: RunDetail; createdBy: string }) {
  return (
    <PageHeader
      title={`${run.useCase.name} · run #${run.number}`}
      description={
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link href={`/evaluations?useCaseId=${run.useCase.id}`} className="text-indigo-700 underline hover:no-underline">← Runs of {run.useCase.name}</Link>
          <span className="text-slate-400">·</span>
          <span>Candidate <span className="font-mono text-slate-900">{run.candidate}</span></span>
          <span className="text-slate-400">·</span>
          <Link href={`/datasets/${run.datasetId}`} className="text-indigo-700 underline hover:no-underline">{run.datasetName} v{run.datasetVersion}</Link>
          <span className="text-slate-400">·</span>
          <span>{run.source === "api" ? "Posted by CI" : "Uploaded"} by {createdBy}, <DateTime value={run.createdAt} /></span>
          {run.releaseId ? (
            <>
              <span className="text-slate-400">·</span>
              <Link href={`/releases/${run.releaseId}`} className="text-indigo-700 underline hover:no-underline">Its release</Link>
            </>
          ) : null}
          {run.externalUrl ? (
            <>
              <span className="text-slate-400">·</span>
              <a href={run.externalUrl} className="text-indigo-700 underline hover:no-underline" rel="noopener noreferrer" target="_blank">Evaluation job ↗</a>
            </>
          ) : null}
        </span>
      }
      actions={
        <>
          <VerdictBadge passed={run.passed} label={run.passed ? "Run passed" : "Run failed"} className="px-3 py-1 text-sm" />
          <Link href={`/evaluations/gates?useCaseId=${run.useCase.id}`} className={buttonClass("secondary")}>Gates</Link>
        </>
      }
    />
  );
}
