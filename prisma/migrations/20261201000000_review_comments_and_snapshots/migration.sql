-- A review may be a comment (decision NULL): a question asked before deciding. It decides nothing
-- and does not count against the one-decision-per-reviewer keys, which become partial.

-- DropIndex
DROP INDEX "UseCaseReview_useCaseId_round_reviewerId_key";

-- DropIndex
DROP INDEX "ReleaseReview_releaseId_reviewerId_key";

-- AlterTable
ALTER TABLE "UseCaseReview" ADD COLUMN     "snapshot" JSONB,
ALTER COLUMN "decision" DROP NOT NULL;

-- AlterTable
ALTER TABLE "ReleaseReview" ALTER COLUMN "decision" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "UseCaseReview_useCaseId_round_reviewerId_key" ON "UseCaseReview"("useCaseId", "round", "reviewerId") WHERE ("decision" IS NOT NULL);

-- CreateIndex
CREATE INDEX "ReleaseReview_releaseId_idx" ON "ReleaseReview"("releaseId");

-- CreateIndex
CREATE UNIQUE INDEX "ReleaseReview_releaseId_reviewerId_key" ON "ReleaseReview"("releaseId", "reviewerId") WHERE ("decision" IS NOT NULL);

-- Reviews written before snapshots were kept get the use case as it was submitted for their
-- round, from the audit log: a use case cannot change while in review, so that is what the
-- reviewer saw.
UPDATE "UseCaseReview" r SET "snapshot" = (
  SELECT e."after" FROM "AuditEvent" e
  WHERE e."resourceType" = 'use-case' AND e."resourceId" = r."useCaseId" AND e."action" = 'use-case.submit'
    AND e."after"->>'reviewRound' = r."round"::text
  ORDER BY e."seq" DESC
  LIMIT 1
);
