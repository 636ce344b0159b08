-- AlterTable: the vendor's handle on the current attempt (its request id), the attempt it
-- belongs to, and what the vendor said the attempt cost.
ALTER TABLE "tasks" ADD COLUMN "upstream_ref" TEXT,
ADD COLUMN "upstream_attempt" INTEGER,
ADD COLUMN "vendor_cost" JSONB;
