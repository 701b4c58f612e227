// RBAC rows of release bundles and their approval (see app/rbac-matrix.rows.ts). Writing and
// submitting a release is the owning team's product owners and engineers; reviewing is any
// governance reviewer's (who did not write what the release pins).
import type { Fixture, Row } from "./rbac-matrix.rows";
import { call } from "./rbac-matrix.rows";
import * as releaseActions from "@/app/(console)/releases/actions";
import { createRelease } from "@/lib/releases/create-release";
import { submitRelease } from "@/lib/releases/submit-release";
import { releaseWorld, type ReleaseWorld } from "@/lib/releases/testing";

// One approved use case with versions, a dataset version and a passing run, shared by the rows:
// each call still acts on a release of its own.
const worlds = new WeakMap<Fixture, Promise<ReleaseWorld>>();
const world = (fx: Fixture) => {
  if (!worlds.has(fx)) worlds.set(fx, releaseWorld(fx.owner, fx.teamId));
  return worlds.get(fx)!;
};
const bundleOnly = async (fx: Fixture) => {
  const { useCaseId: _u, ...bundle } = (await world(fx)).bundle();
  return bundle;
};
const draftRelease = async (fx: Fixture) => createRelease(fx.owner, (await world(fx)).bundle());
const submittedRelease = async (fx: Fixture) => {
  const r = await draftRelease(fx);
  await submitRelease(fx.owner, r.id);
  return r;
};

const TEAM_WRITERS: Pick<Row, "allowed"> = { allowed: ["PRODUCT_OWNER", "ENGINEER"] };

export const MATRIX: Record<string, Row> = {
  createReleaseAction: { ...TEAM_WRITERS, setup: async (fx) => [(await world(fx)).bundle()], call: call(releaseActions.createReleaseAction) },
  updateReleaseAction: { ...TEAM_WRITERS, setup: async (fx) => [(await draftRelease(fx)).id, await bundleOnly(fx)], call: call(releaseActions.updateReleaseAction) },
  deleteReleaseAction: { ...TEAM_WRITERS, setup: async (fx) => [(await draftRelease(fx)).id], call: call(releaseActions.deleteReleaseAction) },
  copyReleaseAction: { ...TEAM_WRITERS, setup: async (fx) => [(await draftRelease(fx)).id], call: call(releaseActions.copyReleaseAction) },
  previewReleaseNotesAction: { ...TEAM_WRITERS, setup: async (fx) => [(await world(fx)).bundle()], call: call(releaseActions.previewReleaseNotesAction) },
  submitReleaseAction: { ...TEAM_WRITERS, setup: async (fx) => [(await draftRelease(fx)).id], call: call(releaseActions.submitReleaseAction) },
  reviewReleaseAction: {
    allowed: ["REVIEWER"],
    setup: async (fx) => [(await submittedRelease(fx)).id, { decision: "APPROVE", comment: "Evidence checked" }],
    call: call(releaseActions.reviewReleaseAction),
  },
};
