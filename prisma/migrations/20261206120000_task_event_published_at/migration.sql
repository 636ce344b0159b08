-- When a task's event mark was last cleared, by the database's clock: once a process's pub/sub
-- subscriptions listen again after a gap, the rows whose event went out from the gap's start on
-- are marked again for the relay (src/services/task-event-relay.ts), however long before their
-- transition was written (a pass dates its statements at its start; its downloads can take long).
-- AlterTable
ALTER TABLE "tasks" ADD COLUMN "event_published_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "tasks_event_published_at_idx" ON "tasks"("event_published_at");
