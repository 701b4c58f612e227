-- CreateEnum
CREATE TYPE "GateComparison" AS ENUM ('GTE', 'GT', 'LTE', 'LT');

-- CreateEnum
CREATE TYPE "ReleaseStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "DeploymentKind" AS ENUM ('PROMOTION', 'ROLLBACK');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "EvaluationGate" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "comparison" "GateComparison" NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationGate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationRun" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "candidate" TEXT NOT NULL,
    "releaseId" TEXT,
    "datasetVersionId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "metrics" JSONB NOT NULL,
    "gateResults" JSONB NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "externalUrl" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationRunItem" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "itemIndex" INTEGER,
    "input" JSONB NOT NULL,
    "output" TEXT NOT NULL,
    "expected" TEXT,
    "scores" JSONB NOT NULL,
    "passed" BOOLEAN,

    CONSTRAINT "EvaluationRunItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "ReleaseStatus" NOT NULL DEFAULT 'DRAFT',
    "modelId" TEXT NOT NULL,
    "guardrailVersionId" TEXT,
    "datasetVersionId" TEXT,
    "evaluationRunId" TEXT,
    "knowledgeBaseIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "submittedById" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleasePrompt" (
    "id" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "promptVersionId" TEXT NOT NULL,

    CONSTRAINT "ReleasePrompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseReview" (
    "id" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReleaseReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "environment" "AwsEnvironment" NOT NULL,
    "releaseId" TEXT NOT NULL,
    "kind" "DeploymentKind" NOT NULL,
    "previousDeploymentId" TEXT,
    "artifacts" JSONB NOT NULL DEFAULT '[]',
    "config" JSONB NOT NULL,
    "etag" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "deployedById" TEXT NOT NULL,
    "deployedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActiveDeployment" (
    "useCaseId" TEXT NOT NULL,
    "environment" "AwsEnvironment" NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ActiveDeployment_pkey" PRIMARY KEY ("useCaseId","environment")
);

-- CreateTable
CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "events" TEXT[],
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationGate_useCaseId_metric_comparison_key" ON "EvaluationGate"("useCaseId", "metric", "comparison");

-- CreateIndex
CREATE INDEX "EvaluationRun_useCaseId_createdAt_idx" ON "EvaluationRun"("useCaseId", "createdAt");

-- CreateIndex
CREATE INDEX "EvaluationRun_releaseId_idx" ON "EvaluationRun"("releaseId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationRun_useCaseId_number_key" ON "EvaluationRun"("useCaseId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationRunItem_runId_position_key" ON "EvaluationRunItem"("runId", "position");

-- CreateIndex
CREATE INDEX "Release_status_idx" ON "Release"("status");

-- CreateIndex
CREATE INDEX "Release_useCaseId_createdAt_idx" ON "Release"("useCaseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Release_useCaseId_number_key" ON "Release"("useCaseId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ReleasePrompt_releaseId_role_key" ON "ReleasePrompt"("releaseId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "ReleaseReview_releaseId_reviewerId_key" ON "ReleaseReview"("releaseId", "reviewerId");

-- CreateIndex
CREATE INDEX "Deployment_useCaseId_environment_deployedAt_idx" ON "Deployment"("useCaseId", "environment", "deployedAt");

-- CreateIndex
CREATE INDEX "Deployment_environment_deployedAt_idx" ON "Deployment"("environment", "deployedAt");

-- CreateIndex
CREATE INDEX "Deployment_releaseId_idx" ON "Deployment"("releaseId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_createdAt_idx" ON "WebhookDelivery"("webhookId", "createdAt");

-- AddForeignKey
ALTER TABLE "EvaluationGate" ADD CONSTRAINT "EvaluationGate_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_datasetVersionId_fkey" FOREIGN KEY ("datasetVersionId") REFERENCES "DatasetVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRunItem" ADD CONSTRAINT "EvaluationRunItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "EvaluationRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_guardrailVersionId_fkey" FOREIGN KEY ("guardrailVersionId") REFERENCES "GuardrailVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_datasetVersionId_fkey" FOREIGN KEY ("datasetVersionId") REFERENCES "DatasetVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_evaluationRunId_fkey" FOREIGN KEY ("evaluationRunId") REFERENCES "EvaluationRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleasePrompt" ADD CONSTRAINT "ReleasePrompt_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleasePrompt" ADD CONSTRAINT "ReleasePrompt_promptVersionId_fkey" FOREIGN KEY ("promptVersionId") REFERENCES "PromptVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseReview" ADD CONSTRAINT "ReleaseReview_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Evidence never changes after the fact: evaluation runs, their items, review decisions and
-- the deployment history are append-only.
CREATE TRIGGER "EvaluationRun_immutable" BEFORE UPDATE OR DELETE ON "EvaluationRun"
  FOR EACH ROW EXECUTE FUNCTION "refuse_version_change"();
CREATE TRIGGER "EvaluationRunItem_immutable" BEFORE UPDATE OR DELETE ON "EvaluationRunItem"
  FOR EACH ROW EXECUTE FUNCTION "refuse_version_change"();
CREATE TRIGGER "ReleaseReview_immutable" BEFORE UPDATE OR DELETE ON "ReleaseReview"
  FOR EACH ROW EXECUTE FUNCTION "refuse_version_change"();
CREATE TRIGGER "Deployment_immutable" BEFORE UPDATE OR DELETE ON "Deployment"
  FOR EACH ROW EXECUTE FUNCTION "refuse_version_change"();

-- A submitted release cannot change what it pins; its status only moves forward through review
-- (DRAFT → SUBMITTED → APPROVED | CHANGES_REQUESTED | REJECTED). Only a draft can be deleted.
CREATE FUNCTION "guard_release_change"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'DRAFT' THEN
      RAISE EXCEPTION 'Release % is %: only a draft release can be deleted', OLD."id", OLD."status";
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" = 'DRAFT' THEN
    IF NEW."status" NOT IN ('DRAFT', 'SUBMITTED') THEN
      RAISE EXCEPTION 'Release % cannot move from DRAFT to %', OLD."id", NEW."status";
    END IF;
    RETURN NEW;
  END IF;
  IF (NEW."id", NEW."useCaseId", NEW."number", NEW."modelId", NEW."guardrailVersionId", NEW."datasetVersionId",
      NEW."evaluationRunId", NEW."knowledgeBaseIds", NEW."notes", NEW."createdById", NEW."createdAt",
      NEW."submittedById", NEW."submittedAt")
     IS DISTINCT FROM
     (OLD."id", OLD."useCaseId", OLD."number", OLD."modelId", OLD."guardrailVersionId", OLD."datasetVersionId",
      OLD."evaluationRunId", OLD."knowledgeBaseIds", OLD."notes", OLD."createdById", OLD."createdAt",
      OLD."submittedById", OLD."submittedAt") THEN
    RAISE EXCEPTION 'Release % was submitted: what it pins cannot change', OLD."id";
  END IF;
  IF NEW."status" IS DISTINCT FROM OLD."status"
     AND NOT (OLD."status" = 'SUBMITTED' AND NEW."status" IN ('APPROVED', 'CHANGES_REQUESTED', 'REJECTED')) THEN
    RAISE EXCEPTION 'Release % cannot move from % to %', OLD."id", OLD."status", NEW."status";
  END IF;
  IF OLD."decidedAt" IS NOT NULL AND NEW."decidedAt" IS DISTINCT FROM OLD."decidedAt" THEN
    RAISE EXCEPTION 'Release % was decided: its decision time cannot change', OLD."id";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Release_guard" BEFORE UPDATE OR DELETE ON "Release"
  FOR EACH ROW EXECUTE FUNCTION "guard_release_change"();

-- The prompts a release pins are part of it: they change only while the release is a draft.
CREATE FUNCTION "guard_release_prompt_change"() RETURNS trigger AS $$
DECLARE
  release_status "ReleaseStatus";
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT "status" INTO release_status FROM "Release" WHERE "id" = OLD."releaseId";
    IF release_status IS NOT NULL AND release_status <> 'DRAFT' THEN
      RAISE EXCEPTION 'Release % is %: its prompts cannot change', OLD."releaseId", release_status;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT "status" INTO release_status FROM "Release" WHERE "id" = NEW."releaseId";
    IF release_status IS NOT NULL AND release_status <> 'DRAFT' THEN
      RAISE EXCEPTION 'Release % is %: its prompts cannot change', NEW."releaseId", release_status;
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ReleasePrompt_guard" BEFORE INSERT OR UPDATE OR DELETE ON "ReleasePrompt"
  FOR EACH ROW EXECUTE FUNCTION "guard_release_prompt_change"();
