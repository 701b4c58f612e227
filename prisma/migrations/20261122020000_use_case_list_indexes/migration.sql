-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "UseCase_teamId_name_id_idx" ON "UseCase"("teamId", "name", "id");

-- CreateIndex
CREATE INDEX "UseCase_teamId_updatedAt_id_idx" ON "UseCase"("teamId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "UseCase_name_trgm_idx" ON "UseCase" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "UseCase_slug_trgm_idx" ON "UseCase" USING GIN ("slug" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "UseCase_description_trgm_idx" ON "UseCase" USING GIN ("description" gin_trgm_ops);
