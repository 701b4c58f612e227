"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { TableScroll } from "@/components/ui/table-scroll";
import { toast } from "@/components/shell/toaster";
import { deleteGuardrailTestCaseAction, runGuardrailBenchAction } from "@/app/(console)/guardrails/actions";
import type { BenchRun } from "@/lib/guardrails/run-test-bench";
import type { TestCaseDto } from "@/lib/guardrails/test-cases";
import { TestCaseForm } from "./test-case-form";

const expectLabel = (e: boolean | null) => (e === null ? "No expectation" : e ? "Intervene" : "Let through");

/** Saved cases, re-run against the chosen target to show what a policy change now blocks or lets through. */
export function SavedCasesPanel({ guardrailId, target, testCases, canEdit }: { guardrailId: string; target: "DRAFT" | number; testCases: TestCaseDto[]; canEdit: boolean }) {
  const router = useRouter();
  const [run, setRun] = useState<BenchRun | null>(null);
  const label = target === "DRAFT" ? "draft" : `version ${target}`;
  const runAll = useMutation({
    mutationFn: async () => {
      const result = await runGuardrailBenchAction(guardrailId, { target, runSavedCases: true });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: setRun,
    onError: (e: Error) => toast(e.message, "error"),
  });
  const results = new Map((run?.savedCases ?? []).map((r) => [r.testCase.id, r]));
  const failing = run?.savedCases.filter((r) => r.meetsExpectation === false).length ?? 0;
  return (
    <Card
      title={`Saved test cases (${testCases.length})`}
      actions={testCases.length ? <Button variant="secondary" onClick={() => runAll.mutate()} disabled={runAll.isPending}>{runAll.isPending ? "Running…" : `Run all against ${label}`}</Button> : null}
    >
      {run ? (
        <p role="status" className={`mb-3 text-sm font-medium ${failing ? "text-rose-800" : "text-emerald-800"}`}>
          {run.label}: {run.savedCases.length - failing} of {run.savedCases.length} as expected{failing ? `, ${failing} differ from the expectation` : ""}.
        </p>
      ) : null}
      {testCases.length === 0 ? <p className="text-sm text-slate-600">No saved cases yet. Save texts whose verdict you want to keep checking.</p> : (
        <TableScroll label="Saved test cases" framed={false}>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead><tr className="text-left text-slate-600">
              {["Name", "Source", "Text", "Expected", "Result", ""].map((h, i) => <th key={i} scope="col" className="py-2 pr-3 font-semibold">{h}{i === 5 ? <span className="sr-only">Actions</span> : null}</th>)}
            </tr></thead>
            <tbody className="divide-y divide-slate-100">
              {testCases.map((t) => {
                const r = results.get(t.id);
                return (
                  <tr key={t.id}>
                    <td className="py-2 pr-3 font-medium text-slate-900">{t.name}</td>
                    <td className="py-2 pr-3"><Badge>{t.source}</Badge></td>
                    <td className="max-w-xs truncate py-2 pr-3 font-mono text-xs text-slate-700" title={t.text}>{t.text}</td>
                    <td className="py-2 pr-3 text-slate-700">{expectLabel(t.expectIntervention)}</td>
                    <td className="py-2 pr-3">
                      {!r ? <span className="text-xs text-slate-600">Not run</span>
                        : r.intervened === null ? <Badge tone="amber">Time budget exceeded</Badge>
                        : <span className="flex flex-wrap gap-1">
                            <Badge tone={r.intervened ? "red" : "green"}>{r.intervened ? "Intervened" : "Let through"}</Badge>
                            {r.meetsExpectation === null ? null : <Badge tone={r.meetsExpectation ? "green" : "red"}>{r.meetsExpectation ? "As expected" : "Differs"}</Badge>}
                          </span>}
                    </td>
                    <td className="py-2 text-right">
                      {canEdit ? (
                        <ConfirmActionButton
                          label="Delete" variant="ghost" ariaLabel={`Delete test case ${t.name}`} title={`Delete the test case “${t.name}”?`}
                          confirmLabel="Delete test case" pendingLabel="Deleting…" done="Test case deleted"
                          run={() => deleteGuardrailTestCaseAction(guardrailId, t.id)} onDone={() => setRun(null)}
                        >
                          The case and its expectation are removed; verdicts already shown are not kept.
                        </ConfirmActionButton>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canEdit ? <TestCaseForm guardrailId={guardrailId} onSaved={() => { setRun(null); router.refresh(); }} /> : (
        <p className="mt-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">Run only: saving and deleting test cases is for this use case&apos;s team and governance reviewers.</p>
      )}
    </Card>
  );
}
