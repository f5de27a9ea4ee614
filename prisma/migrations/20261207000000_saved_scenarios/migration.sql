-- Saved scenarios: named scenario levers on one pinned data set version, owned by the analyst who
-- saved them. The app's role may add and delete them (prisma/least-privilege.sql), never update one.
-- CreateTable
CREATE TABLE "SavedScenario" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "name" TEXT NOT NULL,
    "levers" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "ownerEmail" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "SavedScenario_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SavedScenario_ownerId_createdAt_idx" ON "SavedScenario"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "SavedScenario_shared_createdAt_idx" ON "SavedScenario"("shared", "createdAt");

-- AddForeignKey
ALTER TABLE "SavedScenario" ADD CONSTRAINT "SavedScenario_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
