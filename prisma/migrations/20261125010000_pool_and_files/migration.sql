-- CreateTable
CREATE TABLE "pool_accounts" (
    "id" INTEGER NOT NULL,
    "busy_task" TEXT,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "pool_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_files" (
    "owner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_files_pkey" PRIMARY KEY ("owner_id","name")
);

-- CreateIndex
CREATE UNIQUE INDEX "pool_accounts_busy_task_key" ON "pool_accounts"("busy_task");
