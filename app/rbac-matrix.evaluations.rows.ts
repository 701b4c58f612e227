// RBAC matrix rows of evaluation runs and gates (see app/rbac-matrix.rows.ts for the shape).
import * as evaluationActions from "@/app/(console)/evaluations/actions";
import * as runsRoute from "@/app/api/v1/evaluation-runs/route";
import { createGate } from "@/lib/evaluations/create-gate";
import { datasetVersionFor } from "@/lib/evaluations/test-support";
import { call, draft, send, tokenFor, type Fixture, type Row, type RouteRow } from "./rbac-matrix.rows";

const gate = async (fx: Fixture) => createGate(fx.owner, { useCaseId: (await draft(fx)).id, metric: "accuracy", comparison: "GTE", threshold: 0.85 });
const runTarget = async (fx: Fixture) => {
  const useCaseId = (await draft(fx)).id;
  return { useCaseId, ...(await datasetVersionFor(fx.owner, useCaseId, 1)) };
};

export const MATRIX: Record<string, Row> = {
  // Gates are the bar the team is measured against: its product owner and governance reviewers.
  createGateAction: {
    allowed: ["PRODUCT_OWNER", "REVIEWER"],
    setup: async (fx) => [{ useCaseId: (await draft(fx)).id, metric: "accuracy", comparison: "GTE", threshold: 0.85 }],
    call: call(evaluationActions.createGateAction),
  },
  updateGateAction: {
    allowed: ["PRODUCT_OWNER", "REVIEWER"],
    setup: async (fx) => [(await gate(fx)).id, { metric: "accuracy", comparison: "GTE", threshold: 0.9 }],
    call: call(evaluationActions.updateGateAction),
  },
  deleteGateAction: {
    allowed: ["PRODUCT_OWNER", "REVIEWER"],
    setup: async (fx) => [(await gate(fx)).id],
    call: call(evaluationActions.deleteGateAction),
  },
  uploadEvaluationRunAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER"],
    setup: async (fx) => [{ ...(await runTarget(fx)), candidate: "rc-1", text: '{"metrics": {"accuracy": 0.9}}\n{"itemIndex": 0, "input": {}, "output": "x"}\n' }],
    call: call(evaluationActions.uploadEvaluationRunAction),
  },
};

export const ROUTE_MATRIX: Record<string, RouteRow> = {
  "POST /api/v1/evaluation-runs": {
    allowed: ["evaluations:write"],
    call: async (fx, caller) => send(runsRoute.POST, "POST", await tokenFor(fx, caller), { ...(await runTarget(fx)), candidate: "rc-1", metrics: [{ name: "accuracy", value: 0.9 }] }),
  },
};
