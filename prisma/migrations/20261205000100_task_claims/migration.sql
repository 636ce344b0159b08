-- A task's claim: the driver's lease on a PROCESSING task, the accepting process's hold on a QUEUED one.
ALTER TABLE "tasks" RENAME COLUMN "lease_owner" TO "claim_owner";
ALTER TABLE "tasks" RENAME COLUMN "lease_until" TO "claim_until";
