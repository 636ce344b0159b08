-- A task transition whose event is not yet known to be published: every transition after the
-- acceptance sets it in
-- its own statement, the publisher clears it once the event is out, and the task driver
-- republishes the rows still marked after a grace period (src/services/task-event-relay.ts).
-- AlterTable
ALTER TABLE "tasks" ADD COLUMN "event_pending" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "tasks_event_pending_updated_at_idx" ON "tasks"("event_pending", "updated_at");
