-- CreateIndex
CREATE INDEX "tasks_status_created_at_id_idx" ON "tasks"("status", "created_at", "id");

-- CreateIndex
CREATE INDEX "tasks_status_refund_at_idx" ON "tasks"("status", "refund_at");

-- CreateIndex
CREATE INDEX "tasks_status_slot_release_at_idx" ON "tasks"("status", "slot_release_at");
