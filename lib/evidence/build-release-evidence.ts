import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/permissions";
import { evaluateGates, type GateResult } from "@/lib/evaluations/evaluate-gates";
import { approvalRule, promptTemplateText, readArtifacts, readGateResults, readMetrics, requiredApprovals } from "./evidence-parts";

type Reader = { db: PrismaClient; actor: Actor };
const person = (id: string | null, names: Map<string, string>) => (id ? { id, name: names.get(id) ?? "(deleted user)" } : null);
const iso = (d: Date | null) => d?.toISOString() ?? null;

async function loadRelease(db: PrismaClient, id: string) {
  return db.release.findUnique({
    where: { id },
    select: {
      id: true, number: true, status: true, modelId: true, notes: true, knowledgeBaseIds: true, createdById: true, createdAt: true,
      submittedById: true, submittedAt: true, decidedAt: true,
      useCase: {
        select: {
          id: true, name: true, slug: true, riskTier: true, dataClassification: true, status: true,
          team: { select: { name: true, slug: true } },
          evaluationGates: { select: { metric: true, comparison: true, threshold: true }, orderBy: [{ metric: "asc" }, { comparison: "asc" }] },
        },
      },
      prompts: { orderBy: { role: "asc" }, select: { role: true, promptVersion: { select: { id: true, number: true, createdById: true, content: true, prompt: { select: { name: true } } } } } },
      guardrailVersion: { select: { id: true, number: true, createdById: true, guardrail: { select: { name: true } } } },
      datasetVersion: { select: { id: true, number: true, itemCount: true, dataset: { select: { name: true } } } },
      evaluationRun: {
        select: {
          id: true, number: true, candidate: true, source: true, metrics: true, gateResults: true, passed: true, itemCount: true, externalUrl: true, createdById: true, createdAt: true,
          datasetVersion: { select: { number: true, dataset: { select: { name: true } } } },
        },
      },
      reviews: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { reviewerId: true, decision: true, comment: true, createdAt: true } },
      deployments: { orderBy: [{ deployedAt: "asc" }, { id: "asc" }], select: { id: true, environment: true, kind: true, deployedById: true, deployedAt: true, artifacts: true, comment: true } },
    },
  });
}

/**
 * Everything an auditor asks about one release, in one JSON document: what it pinned, the
 * evidence it passed (as recorded and against today's gates), who decided, where it runs, and
 * the audit trail. Read-only; rendered to Markdown by renderEvidenceMarkdown.
 */
export async function buildReleaseEvidence({ db, actor }: Reader, releaseId: string, now = new Date()) {
  authorize(actor, "release:read");
  const r = await loadRelease(db, releaseId);
  if (!r) throw notFound("Release");

  const userIds = [r.createdById, r.submittedById, r.evaluationRun?.createdById, r.guardrailVersion?.createdById, ...r.prompts.map((p) => p.promptVersion.createdById), ...r.reviews.map((v) => v.reviewerId), ...r.deployments.map((d) => d.deployedById)];
  const [users, audit] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...new Set(userIds.filter((x): x is string => Boolean(x)))] } }, select: { id: true, name: true } }),
    db.auditEvent.findMany({
      where: { resourceId: { in: [r.id, ...r.deployments.map((d) => d.id)] } },
      orderBy: { seq: "asc" },
      select: { at: true, action: true, actorLabel: true, actorRole: true, resourceType: true },
    }),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const run = r.evaluationRun;
  const metrics = run ? readMetrics(run.metrics) : [];
  const current = run ? evaluateGates(r.useCase.evaluationGates, metrics) : null;
  const recorded: { passed: boolean; results: GateResult[] } | null = run ? { passed: run.passed, results: readGateResults(run.gateResults) } : null;
  const approvals = r.reviews.filter((v) => v.decision === "APPROVE").length;

  return {
    format: "strata.release-evidence/v1",
    generatedAt: now.toISOString(),
    generatedBy: actor.name,
    useCase: { id: r.useCase.id, name: r.useCase.name, slug: r.useCase.slug, team: r.useCase.team, riskTier: r.useCase.riskTier, dataClassification: r.useCase.dataClassification, status: r.useCase.status },
    release: {
      id: r.id, number: r.number, status: r.status, modelId: r.modelId, notes: r.notes,
      author: person(r.createdById, names), createdAt: r.createdAt.toISOString(),
      submittedBy: person(r.submittedById, names), submittedAt: iso(r.submittedAt), decidedAt: iso(r.decidedAt),
    },
    pinned: {
      prompts: r.prompts.map((p) => ({
        role: p.role, prompt: p.promptVersion.prompt.name, version: p.promptVersion.number, versionId: p.promptVersion.id,
        author: person(p.promptVersion.createdById, names), ...promptTemplateText(p.promptVersion.content),
      })),
      guardrail: r.guardrailVersion ? { name: r.guardrailVersion.guardrail.name, version: r.guardrailVersion.number, versionId: r.guardrailVersion.id, author: person(r.guardrailVersion.createdById, names) } : null,
      dataset: r.datasetVersion ? { name: r.datasetVersion.dataset.name, version: r.datasetVersion.number, versionId: r.datasetVersion.id, itemCount: r.datasetVersion.itemCount } : null,
      knowledgeBaseIds: r.knowledgeBaseIds,
    },
    evaluation: run
      ? {
          id: run.id, number: run.number, candidate: run.candidate, source: run.source, externalUrl: run.externalUrl, itemCount: run.itemCount,
          postedBy: person(run.createdById, names), createdAt: run.createdAt.toISOString(),
          dataset: { name: run.datasetVersion.dataset.name, version: run.datasetVersion.number },
          metrics, recorded, current,
        }
      : null,
    approval: { riskTier: r.useCase.riskTier, required: requiredApprovals(r.useCase.riskTier), rule: approvalRule(r.useCase.riskTier), approvals },
    reviews: r.reviews.map((v) => ({ reviewer: person(v.reviewerId, names), decision: v.decision, comment: v.comment, at: v.createdAt.toISOString() })),
    deployments: r.deployments.map((d) => ({ id: d.id, environment: d.environment, kind: d.kind, deployedBy: person(d.deployedById, names), deployedAt: d.deployedAt.toISOString(), comment: d.comment, artifacts: readArtifacts(d.artifacts) })),
    audit: audit.map((e) => ({ at: e.at.toISOString(), action: e.action, actor: e.actorLabel, role: e.actorRole, resourceType: e.resourceType })),
  };
}

export type ReleaseEvidence = Awaited<ReturnType<typeof buildReleaseEvidence>>;
