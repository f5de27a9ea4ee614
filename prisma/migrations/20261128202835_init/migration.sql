-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "MemberKind" AS ENUM ('modelType', 'sector', 'vendor', 'region');

-- CreateEnum
CREATE TYPE "Basis" AS ENUM ('published', 'modelled');

-- CreateTable
CREATE TABLE "Dataset" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "edition" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "firstYear" INTEGER NOT NULL,
    "historyTo" INTEGER NOT NULL,
    "lastYear" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checksum" TEXT NOT NULL,
    "notes" TEXT[],
    "methodology" JSONB NOT NULL,

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" SERIAL NOT NULL,
    "datasetId" TEXT NOT NULL,
    "kind" "MemberKind" NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "group" TEXT,
    "useCases" TEXT[],
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fact" (
    "datasetId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "typeId" INTEGER NOT NULL,
    "sectorId" INTEGER NOT NULL,
    "vendorId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "basis" "Basis" NOT NULL,

    CONSTRAINT "Fact_pkey" PRIMARY KEY ("datasetId","year","typeId","sectorId","vendorId","regionId")
);

-- CreateTable
CREATE TABLE "Figure" (
    "id" SERIAL NOT NULL,
    "datasetId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "year" INTEGER,
    "value" DOUBLE PRECISION,
    "unit" TEXT NOT NULL,
    "basis" "Basis" NOT NULL,
    "source" TEXT,
    "url" TEXT,
    "publishedOn" TEXT,
    "method" TEXT,
    "assumptions" TEXT,

    CONSTRAINT "Figure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outlook" (
    "id" SERIAL NOT NULL,
    "datasetId" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "cagr" DOUBLE PRECISION NOT NULL,
    "cagrFrom" INTEGER NOT NULL,
    "cagrTo" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "url" TEXT,
    "publishedOn" TEXT,

    CONSTRAINT "Outlook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OtherEstimate" (
    "id" SERIAL NOT NULL,
    "datasetId" TEXT NOT NULL,
    "firm" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "baseYear" INTEGER NOT NULL,
    "baseValue" DOUBLE PRECISION NOT NULL,
    "targetYear" INTEGER,
    "targetValue" DOUBLE PRECISION,
    "cagr" DOUBLE PRECISION,
    "verification" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "url" TEXT,
    "publishedOn" TEXT,
    "note" TEXT,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "OtherEstimate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Dataset_checksum_key" ON "Dataset"("checksum");

-- CreateIndex
CREATE UNIQUE INDEX "Dataset_key_version_key" ON "Dataset"("key", "version");

-- CreateIndex
CREATE INDEX "Member_datasetId_kind_idx" ON "Member"("datasetId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Member_datasetId_kind_slug_key" ON "Member"("datasetId", "kind", "slug");

-- CreateIndex
CREATE INDEX "Fact_datasetId_vendorId_year_idx" ON "Fact"("datasetId", "vendorId", "year");

-- CreateIndex
CREATE INDEX "Fact_datasetId_sectorId_year_idx" ON "Fact"("datasetId", "sectorId", "year");

-- CreateIndex
CREATE INDEX "Fact_datasetId_regionId_year_idx" ON "Fact"("datasetId", "regionId", "year");

-- CreateIndex
CREATE INDEX "Fact_datasetId_typeId_year_idx" ON "Fact"("datasetId", "typeId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Figure_datasetId_key_key" ON "Figure"("datasetId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Outlook_datasetId_publisher_year_key" ON "Outlook"("datasetId", "publisher", "year");

-- CreateIndex
CREATE INDEX "OtherEstimate_datasetId_idx" ON "OtherEstimate"("datasetId");

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outlook" ADD CONSTRAINT "Outlook_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OtherEstimate" ADD CONSTRAINT "OtherEstimate_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
