-- CreateEnum
CREATE TYPE "PromptType" AS ENUM ('TEXT', 'CHAT');

-- CreateEnum
CREATE TYPE "AwsEnvironment" AS ENUM ('DEV', 'PREPROD', 'PROD');

-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('PENDING', 'PUBLISHED', 'FAILED');

-- CreateEnum
CREATE TYPE "GuardrailSource" AS ENUM ('INPUT', 'OUTPUT');

-- CreateTable
CREATE TABLE "Prompt" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "type" "PromptType" NOT NULL,
    "draft" JSONB NOT NULL,
    "draftUpdatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "draftUpdatedById" TEXT NOT NULL,
    "latestVersion" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Prompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromptVersion" (
    "id" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "message" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromptVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Guardrail" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "draft" JSONB NOT NULL,
    "draftUpdatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "draftUpdatedById" TEXT NOT NULL,
    "latestVersion" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Guardrail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuardrailVersion" (
    "id" TEXT NOT NULL,
    "guardrailId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "message" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuardrailVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuardrailTestCase" (
    "id" TEXT NOT NULL,
    "guardrailId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "source" "GuardrailSource" NOT NULL,
    "text" TEXT NOT NULL,
    "expectIntervention" BOOLEAN,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuardrailTestCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwsConnection" (
    "id" TEXT NOT NULL,
    "environment" "AwsEnvironment" NOT NULL,
    "region" TEXT NOT NULL,
    "roleArn" TEXT,
    "endpointOverride" TEXT,
    "lastTestedAt" TIMESTAMPTZ(3),
    "lastTestResult" JSONB,
    "updatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AwsConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BedrockPublication" (
    "id" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "environment" "AwsEnvironment" NOT NULL,
    "status" "PublicationStatus" NOT NULL,
    "clientToken" TEXT NOT NULL,
    "bedrockId" TEXT,
    "bedrockArn" TEXT,
    "bedrockVersion" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "publishedById" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BedrockPublication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Prompt_useCaseId_name_key" ON "Prompt"("useCaseId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PromptVersion_promptId_number_key" ON "PromptVersion"("promptId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Guardrail_useCaseId_name_key" ON "Guardrail"("useCaseId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "GuardrailVersion_guardrailId_number_key" ON "GuardrailVersion"("guardrailId", "number");

-- CreateIndex
CREATE INDEX "GuardrailTestCase_guardrailId_idx" ON "GuardrailTestCase"("guardrailId");

-- CreateIndex
CREATE UNIQUE INDEX "AwsConnection_environment_key" ON "AwsConnection"("environment");

-- CreateIndex
CREATE INDEX "BedrockPublication_resourceType_resourceId_environment_idx" ON "BedrockPublication"("resourceType", "resourceId", "environment");

-- CreateIndex
CREATE UNIQUE INDEX "BedrockPublication_resourceType_versionId_environment_key" ON "BedrockPublication"("resourceType", "versionId", "environment");

-- AddForeignKey
ALTER TABLE "Prompt" ADD CONSTRAINT "Prompt_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromptVersion" ADD CONSTRAINT "PromptVersion_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Guardrail" ADD CONSTRAINT "Guardrail_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuardrailVersion" ADD CONSTRAINT "GuardrailVersion_guardrailId_fkey" FOREIGN KEY ("guardrailId") REFERENCES "Guardrail"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuardrailTestCase" ADD CONSTRAINT "GuardrailTestCase_guardrailId_fkey" FOREIGN KEY ("guardrailId") REFERENCES "Guardrail"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Versions never change after they are created: the database refuses it, not only the UI.
CREATE FUNCTION "refuse_version_change"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PromptVersion_immutable" BEFORE UPDATE OR DELETE ON "PromptVersion"
  FOR EACH ROW EXECUTE FUNCTION "refuse_version_change"();
CREATE TRIGGER "GuardrailVersion_immutable" BEFORE UPDATE OR DELETE ON "GuardrailVersion"
  FOR EACH ROW EXECUTE FUNCTION "refuse_version_change"();
