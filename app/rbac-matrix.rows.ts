// Rows of the RBAC matrix test (app/rbac-matrix.test.ts); each area may add its own rows in
// app/rbac-matrix.<area>.rows.ts (exporting MATRIX and/or ROUTE_MATRIX), built on the helpers here. Test support only: each row says who
// may call one entry point, how to prepare what it acts on, and how to call it. The expected
// roles are written here independently of lib/permissions.ts on purpose — the test compares
// the two.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ActionResult } from "@/lib/actions/run-action";
import type { ServiceContext } from "@/lib/context";
import { TOKEN_SCOPES, type RoleName, type TokenScope } from "@/lib/permissions";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { submitUseCase } from "@/lib/use-cases/submit-use-case";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { newId } from "@/lib/context";
import { hashApiToken } from "@/lib/api-tokens/token";
import * as useCaseActions from "@/app/(console)/use-cases/actions";
import * as auditActions from "@/app/(console)/audit/actions";
import * as apiTokenActions from "@/app/(console)/settings/api-tokens/actions";
import * as userActions from "@/app/(console)/settings/users/actions";
import * as teamActions from "@/app/(console)/settings/teams/actions";
import { createUser } from "@/lib/users/create-user";
import { createTeam } from "@/lib/teams/create-team";
import * as promptActions from "@/app/(console)/prompts/actions";
import * as guardrailActions from "@/app/(console)/guardrails/actions";
import * as awsConnectionActions from "@/app/(console)/settings/aws-connections/actions";
import * as publishingActions from "@/app/(console)/publishing/actions";
import * as playgroundActions from "@/app/(console)/playground/actions";
import * as datasetActions from "@/app/(console)/datasets/actions";
import { createDataset } from "@/lib/datasets/create-dataset";
import { importDatasetItems } from "@/lib/datasets/import-dataset-items";
import * as renderRoute from "@/app/api/v1/prompts/[id]/versions/[n]/render/route";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { createPromptVersion } from "@/lib/prompts/create-prompt-version";
import { createGuardrail } from "@/lib/guardrails/create-guardrail";
import { createGuardrailVersion } from "@/lib/guardrails/create-guardrail-version";
import { createGuardrailTestCase } from "@/lib/guardrails/test-cases";
import { saveAwsConnection } from "@/lib/aws-connections/save-aws-connection";
import { publishGuardrailVersion } from "@/lib/publishing/publish-guardrail-version";
import * as useCasesRoute from "@/app/api/v1/use-cases/route";
import * as useCaseRoute from "@/app/api/v1/use-cases/[id]/route";

export type Fixture = {
  db: PrismaClient;
  teamId: string;
  otherTeamId: string;
  owner: ServiceContext;
  admin: ServiceContext;
  makeUseCaseInput: (teamId: string, overrides?: Record<string, unknown>) => Record<string, unknown>;
  /** Base URL of the wire-level AWS fake the DEV connection points at. */
  awsUrl: string;
};

/**
 * `allowed`: the roles of the owning team that may call it. Whether another team's members are
 * refused is not declared here: the matrix observes it (an action that writes is the owning
 * team's; reviewers and admins are called as members of the owning team).
 */
export type Row = {
  allowed: RoleName[];
  setup: (fx: Fixture) => Promise<unknown[]>;
  call: (args: unknown[]) => Promise<ActionResult<unknown>>;
};

export const draft = async (fx: Fixture) => createUseCase(fx.owner, fx.makeUseCaseInput(fx.teamId));
export const submitted = async (fx: Fixture) => {
  const uc = await draft(fx);
  await submitUseCase(fx.owner, uc.id);
  return uc;
};
export const approved = async (fx: Fixture) => {
  const uc = await draft(fx);
  await fx.db.useCase.update({ where: { id: uc.id }, data: { status: "APPROVED" } });
  return uc;
};

let serial = 0;
export const unique = (label: string) => `${label}-${Date.now().toString(36)}-${serial++}`;
/** A fresh local user, its sign-ins throttled after failures, for the user-management rows. */
export const lockedUser = async (fx: Fixture) => {
  const user = await createUser(fx.admin, { email: `${unique("matrix")}@test.local`, name: "Matrix user", role: "VIEWER", teamIds: [], password: "matrix password 1" });
  await fx.db.signInThrottle.create({ data: { email: user.email, clientAddress: "198.51.100.7", failures: 5, lastFailureAt: new Date(), blockedUntil: new Date(Date.now() + 60_000) } });
  return user;
};

export const prompt = async (fx: Fixture) =>
  createPrompt(fx.owner, { useCaseId: (await draft(fx)).id, name: unique("prompt"), type: "TEXT", template: "Summarise {{ticket}}", modelId: "amazon.nova-lite-v1:0" });
export const DATASET_CSV = "input.ticket,expected,tags\nPrinter on fire,hardware,p1\n";
export const dataset = async (fx: Fixture) => createDataset(fx.owner, { useCaseId: (await draft(fx)).id, name: unique("dataset") });
export const datasetWithItems = async (fx: Fixture) => {
  const d = await dataset(fx);
  await importDatasetItems(fx.owner, d.id, { format: "csv", text: DATASET_CSV, mode: "append", confirmedRows: 1 });
  return d;
};
export const promptVersion = async (fx: Fixture) => {
  const p = await prompt(fx);
  const v = await createPromptVersion(fx.owner, p.id, { message: "First" });
  return { promptId: p.id, versionId: (v as { id: string }).id };
};
export const GUARDRAIL_CONFIG = { blockedInputMessaging: "Sorry, I cannot help with that.", blockedOutputsMessaging: "Sorry, I cannot answer that." };
export const guardrail = async (fx: Fixture) => createGuardrail(fx.owner, { useCaseId: (await draft(fx)).id, name: unique("guard"), config: GUARDRAIL_CONFIG });
export const guardrailVersion = async (fx: Fixture) => {
  const g = await guardrail(fx);
  const v = await createGuardrailVersion(fx.owner, g.id, { message: "First" });
  return { guardrailId: g.id, versionId: (v as { id: string }).id };
};
export const engineerOf = (fx: Fixture) => ({ ...fx.owner, actor: { ...fx.owner.actor, role: "ENGINEER" as const } });

export const call = <A extends unknown[]>(fn: (...a: A) => Promise<ActionResult<unknown>>) => (args: unknown[]) => fn(...(args as A));

export const MATRIX: Record<string, Row> = {
  createUseCaseAction: {
    allowed: ["PRODUCT_OWNER"],
    setup: async (fx) => [fx.makeUseCaseInput(fx.teamId)],
    call: call(useCaseActions.createUseCaseAction),
  },
  updateUseCaseAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER"],
    setup: async (fx) => [(await draft(fx)).id, { description: "Edited in the RBAC matrix" }],
    call: call(useCaseActions.updateUseCaseAction),
  },
  submitUseCaseAction: {
    allowed: ["PRODUCT_OWNER"],
    setup: async (fx) => [(await draft(fx)).id],
    call: call(useCaseActions.submitUseCaseAction),
  },
  reviewUseCaseAction: {
    allowed: ["REVIEWER"],
    setup: async (fx) => [(await submitted(fx)).id, { decision: "APPROVE", comment: "ok" }],
    call: call(useCaseActions.reviewUseCaseAction),
  },
  operateUseCaseAction: {
    allowed: ["PRODUCT_OWNER"],
    setup: async (fx) => [(await approved(fx)).id, "mark-in-production"],
    call: call(useCaseActions.operateUseCaseAction),
  },
  verifyAuditChainAction: {
    allowed: ["ADMIN"],
    setup: async () => [],
    call: call(auditActions.verifyAuditChainAction),
  },
  createApiTokenAction: {
    allowed: ["ADMIN"],
    setup: async (fx) => [{ teamId: fx.teamId, name: "CI pipeline", permissions: ["use-cases:read"] }],
    call: call(apiTokenActions.createApiTokenAction),
  },
  revokeApiTokenAction: {
    allowed: ["ADMIN"],
    setup: async (fx) => [(await createApiToken(fx.admin, { teamId: fx.teamId, name: "To revoke", permissions: ["use-cases:read"] })).apiToken.id],
    call: call(apiTokenActions.revokeApiTokenAction),
  },
  createUserAction: {
    allowed: ["ADMIN"],
    setup: async (fx) => [{ email: `${unique("new")}@test.local`, name: "New user", role: "VIEWER", teamIds: [fx.teamId] }],
    call: call(userActions.createUserAction),
  },
  updateUserAction: {
    allowed: ["ADMIN"],
    setup: async (fx) => [(await lockedUser(fx)).id, { role: "ENGINEER", teamIds: [fx.teamId] }],
    call: call(userActions.updateUserAction),
  },
  resetUserPasswordAction: {
    allowed: ["ADMIN"],
    setup: async (fx) => [(await lockedUser(fx)).id, { password: "a new matrix password" }],
    call: call(userActions.resetUserPasswordAction),
  },
  unlockUserAction: {
    allowed: ["ADMIN"],
    setup: async (fx) => [(await lockedUser(fx)).id],
    call: call(userActions.unlockUserAction),
  },
  createTeamAction: {
    allowed: ["ADMIN"],
    setup: async () => [{ slug: unique("team"), name: "Matrix team" }],
    call: call(teamActions.createTeamAction),
  },
  updateTeamAction: {
    allowed: ["ADMIN"],
    setup: async (fx) => [(await createTeam(fx.admin, { slug: unique("team"), name: "Matrix team" })).id, { description: "Updated by the matrix" }],
    call: call(teamActions.updateTeamAction),
  },
  createPromptAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER"],
    setup: async (fx) => [{ useCaseId: (await draft(fx)).id, name: unique("prompt"), type: "TEXT", template: "Hello {{name}}", modelId: "amazon.nova-lite-v1:0" }],
    call: call(promptActions.createPromptAction),
  },
  updatePromptDraftAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER"],
    setup: async (fx) => [(await prompt(fx)).id, { type: "TEXT", template: "Summarise {{ticket}} briefly", modelId: "amazon.nova-lite-v1:0" }],
    call: call(promptActions.updatePromptDraftAction),
  },
  createPromptVersionAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER"],
    setup: async (fx) => [(await prompt(fx)).id, { message: "Matrix version" }],
    call: call(promptActions.createPromptVersionAction),
  },
  createDatasetAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER"],
    setup: async (fx) => [{ useCaseId: (await draft(fx)).id, name: unique("dataset") }],
    call: call(datasetActions.createDatasetAction),
  },
  importDatasetItemsAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER"],
    setup: async (fx) => [(await dataset(fx)).id, { format: "csv", text: DATASET_CSV, mode: "append", confirmedRows: 1 }],
    call: call(datasetActions.importDatasetItemsAction),
  },
  createDatasetVersionAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER"],
    setup: async (fx) => [(await datasetWithItems(fx)).id, { message: "Matrix version" }],
    call: call(datasetActions.createDatasetVersionAction),
  },
  createGuardrailAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER"],
    setup: async (fx) => [{ useCaseId: (await draft(fx)).id, name: unique("guard"), config: GUARDRAIL_CONFIG }],
    call: call(guardrailActions.createGuardrailAction),
  },
  updateGuardrailDraftAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER"],
    setup: async (fx) => [(await guardrail(fx)).id, { config: { ...GUARDRAIL_CONFIG, blockedInputMessaging: "Not here." } }],
    call: call(guardrailActions.updateGuardrailDraftAction),
  },
  createGuardrailVersionAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER"],
    setup: async (fx) => [(await guardrail(fx)).id, { message: "Matrix version" }],
    call: call(guardrailActions.createGuardrailVersionAction),
  },
  createGuardrailTestCaseAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER", "REVIEWER"],
    setup: async (fx) => [(await guardrail(fx)).id, { name: "Card number", source: "INPUT", text: "4111 1111 1111 1111" }],
    call: call(guardrailActions.createGuardrailTestCaseAction),
  },
  deleteGuardrailTestCaseAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER", "REVIEWER"],
    setup: async (fx) => {
      const g = await guardrail(fx);
      const c = await createGuardrailTestCase(fx.owner, g.id, { name: "To delete", source: "INPUT", text: "hello" });
      return [g.id, (c as { id: string }).id];
    },
    call: call(guardrailActions.deleteGuardrailTestCaseAction),
  },
  runGuardrailBenchAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER", "REVIEWER"],
    setup: async (fx) => [(await guardrail(fx)).id, { target: "DRAFT", texts: [{ source: "INPUT", text: "mail me at a@b.co" }] }],
    call: call(guardrailActions.runGuardrailBenchAction),
  },
  saveAwsConnectionAction: {
    allowed: ["ADMIN"],
    setup: async (fx) => [{ environment: "PREPROD", region: "us-east-1", endpointOverride: fx.awsUrl }],
    call: call(awsConnectionActions.saveAwsConnectionAction),
  },
  deleteAwsConnectionAction: {
    allowed: ["ADMIN"],
    setup: async (fx) => {
      await saveAwsConnection(fx.admin, { environment: "PROD", region: "eu-west-1", endpointOverride: fx.awsUrl });
      return ["PROD"];
    },
    call: call(awsConnectionActions.deleteAwsConnectionAction),
  },
  testAwsConnectionAction: {
    allowed: ["ADMIN"],
    setup: async () => ["DEV"],
    call: call(awsConnectionActions.testAwsConnectionAction),
  },
  publishPromptVersionAction: {
    allowed: ["ENGINEER", "ADMIN"],
    setup: async (fx) => [{ versionId: (await promptVersion(fx)).versionId, environment: "DEV" }],
    call: call(publishingActions.publishPromptVersionAction),
  },
  publishGuardrailVersionAction: {
    allowed: ["ENGINEER", "ADMIN"],
    setup: async (fx) => [{ versionId: (await guardrailVersion(fx)).versionId, environment: "DEV" }],
    call: call(publishingActions.publishGuardrailVersionAction),
  },
  listPromptPublicationsAction: {
    allowed: ["ADMIN", "PRODUCT_OWNER", "REVIEWER", "ENGINEER", "VIEWER"],
    setup: async (fx) => [(await promptVersion(fx)).versionId],
    call: call(publishingActions.listPromptPublicationsAction),
  },
  listGuardrailPublicationsAction: {
    allowed: ["ADMIN", "PRODUCT_OWNER", "REVIEWER", "ENGINEER", "VIEWER"],
    setup: async (fx) => [(await guardrailVersion(fx)).versionId],
    call: call(publishingActions.listGuardrailPublicationsAction),
  },
  runPromptAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER"],
    setup: async (fx) => [{ promptId: (await promptVersion(fx)).promptId, version: 1, variables: { ticket: "Printer on fire" }, environment: "DEV" }],
    call: call(playgroundActions.runPromptAction),
  },
  playgroundSetupAction: {
    allowed: ["ADMIN", "PRODUCT_OWNER", "REVIEWER", "ENGINEER", "VIEWER"],
    setup: async (fx) => [(await prompt(fx)).id, "draft"],
    call: call(playgroundActions.playgroundSetupAction),
  },
  applyGuardrailRemoteAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER", "REVIEWER"],
    setup: async (fx) => {
      const { guardrailId, versionId } = await guardrailVersion(fx);
      await publishGuardrailVersion(engineerOf(fx), { versionId, environment: "DEV" });
      return [{ guardrailId, versionNumber: 1, environment: "DEV", source: "INPUT", text: "hello there" }];
    },
    call: call(playgroundActions.applyGuardrailRemoteAction),
  },
  remoteBenchSetupAction: {
    allowed: ["PRODUCT_OWNER", "ENGINEER", "REVIEWER"],
    setup: async (fx) => [(await guardrailVersion(fx)).guardrailId, 1],
    call: call(playgroundActions.remoteBenchSetupAction),
  },
};

/** Every token scope, on a token of the owning team and on one of another team, and a token without scopes. */
export const TOKEN_CALLERS = ["no scope", ...TOKEN_SCOPES.flatMap((s) => [s, `${s} (other team)` as const])] as const;
export type TokenCaller = (typeof TOKEN_CALLERS)[number];
type Scope = TokenScope;

export async function tokenFor(fx: Fixture, caller: TokenCaller): Promise<string> {
  if (caller === "no scope") {
    const token = `strata_${newId("x").slice(2, 10)}_${"n".repeat(43)}`;
    await fx.db.apiToken.create({ data: { id: newId("tok"), teamId: fx.teamId, name: "No scope", prefix: token.split("_")[1]!, tokenHash: hashApiToken(token), permissions: [], createdById: "test" } });
    return token;
  }
  const other = caller.endsWith("(other team)");
  const scope = caller.replace(" (other team)", "") as Scope;
  return (await createApiToken(fx.admin, { teamId: other ? fx.otherTeamId : fx.teamId, name: "Matrix", permissions: [scope] })).token;
}

type Handler = (req: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
export const send = async (handler: unknown, method: string, token: string, body: unknown, params: Record<string, string> = {}) =>
  (await (handler as Handler)(new Request("http://localhost/api/v1/x", { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }), { params: Promise.resolve(params) })).status;

/** `allowed`: the token scopes that may call it, on a token of the owning team. */
export type RouteRow = { allowed: TokenScope[]; call: (fx: Fixture, caller: TokenCaller) => Promise<number> };

export const ROUTE_MATRIX: Record<string, RouteRow> = {
  "POST /api/v1/use-cases": {
    allowed: ["use-cases:write"],
    call: async (fx, caller) => send(useCasesRoute.POST, "POST", await tokenFor(fx, caller), fx.makeUseCaseInput(fx.teamId)),
  },
  "PATCH /api/v1/use-cases/[id]": {
    allowed: ["use-cases:write"],
    call: async (fx, caller) => send(useCaseRoute.PATCH, "PATCH", await tokenFor(fx, caller), { description: "patched" }, { id: (await draft(fx)).id }),
  },
  // A read sent as POST (it carries the variables): no audit, but it must still be scoped.
  "POST /api/v1/prompts/[id]/versions/[n]/render": {
    allowed: ["prompts:read"],
    call: async (fx, caller) => send(renderRoute.POST, "POST", await tokenFor(fx, caller), { variables: { ticket: "Printer on fire" } }, { id: (await promptVersion(fx)).promptId, n: "1" }),
  },
};

/** Mutating routes that are not ours to authorise, and why. */
export const EXEMPT_ROUTES: Record<string, string> = {
  "POST /api/auth/[...nextauth]": "next-auth's own sign-in/sign-out endpoints: CSRF-token protected; covered by the sign-in tests",
};
