"use client";

import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { deleteGateAction } from "@/app/(console)/evaluations/actions";
import { describeGate } from "@/lib/evaluations/evaluate-gates";
import type { GateDto } from "@/lib/evaluations/queries";
import { GateFormButton } from "./gate-form-button";
import { TableScroll } from "@/components/ui/table-scroll";
import { DateTime } from "@/components/ui/date-time";

/** The gates of one use case, written the way people say them; edit and delete for managers. */
export function GatesTable({ gates, canManage }: { gates: GateDto[]; canManage: boolean }) {
  return (
    <TableScroll label="Gates">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Gates">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">Gate</th>
            <th scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">Last changed</th>
            {canManage ? <th scope="col" className="px-4 py-3 text-right font-semibold text-slate-700">Actions</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {gates.map((g) => (
            <tr key={g.id}>
              <td className="px-4 py-3 font-mono text-slate-900">{describeGate(g)}</td>
              <td className="px-4 py-3 text-xs text-slate-600"><DateTime value={g.updatedAt} /></td>
              {canManage ? (
                <td className="px-4 py-3">
                  <div className="flex justify-end gap-2">
                    <GateFormButton useCaseId={g.useCaseId} gate={g} />
                    <ConfirmActionButton
                      label="Delete"
                      ariaLabel={`Delete gate ${describeGate(g)}`}
                      title={`Delete the gate ${describeGate(g)}?`}
                      confirmLabel="Delete gate"
                      pendingLabel="Deleting…"
                      done="Gate deleted"
                      run={() => deleteGateAction(g.id)}
                    >
                      Runs posted from now on are no longer judged by it. Recorded runs keep their verdict; their pages will say that the gates changed.
                    </ConfirmActionButton>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
