"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { verifyAuditChainAction } from "@/app/(console)/audit/actions";
import type { ChainReport } from "@/lib/audit/verify-audit-chain";

const KIND_LABEL = { edited: "Edited", deleted: "Deleted", reordered: "Reordered" } as const;

function Result({ report }: { report: ChainReport }) {
  if (report.ok) {
    return (
      <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
        <p className="font-semibold">Intact: {report.checked} event{report.checked === 1 ? "" : "s"} verified</p>
        <p className="mt-1 text-emerald-800">Every event matches its hash and links to the one before it. This check was recorded in the log as audit.verify.</p>
      </div>
    );
  }
  const { problem } = report;
  return (
    <div role="alert" className="mt-4 rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900">
      <p className="font-semibold">
        Tampered: event #{problem.seq} <span className="ml-1 rounded-full bg-rose-100 px-2 py-0.5 text-xs font-medium ring-1 ring-inset ring-rose-300">{KIND_LABEL[problem.kind]}</span>
      </p>
      <p className="mt-1">{problem.message}</p>
      <p className="mt-1 text-rose-800">
        {report.checked} event{report.checked === 1 ? "" : "s"} before it verified. Events after the first problem are not checked. This result was recorded in the log as audit.verify.
      </p>
    </div>
  );
}

/** Admins re-walk the hash chain on demand; the result (and who asked) is recorded in the log. */
export function VerifyChainPanel() {
  const router = useRouter();
  const verify = useMutation({
    mutationFn: async () => {
      const result = await verifyAuditChainAction();
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    // The check appended an audit.verify event: show it in the list.
    onSuccess: () => router.refresh(),
  });
  return (
    <section aria-labelledby="chain-title" className="mb-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="chain-title" className="text-sm font-semibold text-slate-900">Chain integrity</h2>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Each event&apos;s hash covers its content and the hash of the event before it, so an edited, deleted or reordered event breaks the chain.
          </p>
        </div>
        <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? "Verifying…" : "Verify chain"}
        </Button>
      </div>
      <div aria-live="polite">
        {verify.isPending ? (
          <div className="mt-4">
            <div role="progressbar" aria-label="Verifying the audit chain" className="h-1.5 w-full overflow-hidden rounded-full bg-indigo-100">
              <div className="h-full w-full animate-pulse rounded-full bg-indigo-500" />
            </div>
            <p className="mt-2 text-sm text-slate-600">Re-computing every event&apos;s hash and checking its link, oldest first…</p>
          </div>
        ) : verify.data ? (
          <Result report={verify.data} />
        ) : null}
      </div>
    </section>
  );
}
