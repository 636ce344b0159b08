-- Bytes move to the blob store (filesystem or S3); the rows keep the metadata. Rows written
-- before keep their bytes in "data" (blob_key NULL) and are served from there.

-- AlterTable
ALTER TABLE "uploads" ALTER COLUMN "data" DROP NOT NULL,
ADD COLUMN "state" TEXT NOT NULL DEFAULT 'STORED',
ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'UPLOAD',
ADD COLUMN "blob_key" TEXT,
ADD COLUMN "sha256" TEXT,
ADD COLUMN "expires_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "stored_files" ALTER COLUMN "data" DROP NOT NULL,
ADD COLUMN "size_bytes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "blob_key" TEXT,
ADD COLUMN "sha256" TEXT,
ADD COLUMN "expires_at" TIMESTAMPTZ(3);

-- Existing rows: their size and ETag, from the bytes they hold.
UPDATE "stored_files" SET "size_bytes" = octet_length("data"), "sha256" = encode(sha256("data"), 'hex') WHERE "data" IS NOT NULL;
UPDATE "uploads" SET "sha256" = encode(sha256("data"), 'hex') WHERE "data" IS NOT NULL;

-- CreateTable
CREATE TABLE "upload_quotas" (
    "key_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "uploads_today" INTEGER NOT NULL DEFAULT 0,
    "bytes_stored" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "upload_quotas_pkey" PRIMARY KEY ("key_id")
);

-- Existing uploads count against their key's bytes stored.
INSERT INTO "upload_quotas" ("key_id", "day", "uploads_today", "bytes_stored")
SELECT "key_id", (now() AT TIME ZONE 'UTC')::date, 0, SUM("size_bytes") FROM "uploads" GROUP BY "key_id";

-- CreateIndex
CREATE INDEX "uploads_expires_at_idx" ON "uploads"("expires_at");

-- CreateIndex
CREATE INDEX "stored_files_expires_at_idx" ON "stored_files"("expires_at");
