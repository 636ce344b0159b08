import type { Logger } from "pino";
import type { Clock } from "../kernel/clock.ts";
import type { FileStore } from "./ports/file-store.ts";
import type { IdempotencyStore } from "./ports/idempotency-store.ts";

export interface RetentionJob {
  /**
   * Deletes what is past its time: idempotency records after their TTL, files after the retention,
   * and what writes killed mid-way left in the blob store (`abandonedWrites`).
   */
  sweep(): Promise<{ idempotencyRecords: number; files: number; abandonedWrites: number }>;
  start(): void;
  stop(): Promise<void>;
}

/** Rows one statement deletes at most: a backlog goes in short steps, none holding locks for long. */
const BATCH = 500;

/**
 * Data that only grows is deleted when its time is up. Every process may sweep: each step is a
 * DELETE of rows past a cutoff, so two processes sweeping at once delete each row once between
 * them and neither fails.
 */
export function createRetentionJob(deps: {
  idempotency: Pick<IdempotencyStore, "purgeExpired">;
  files: Pick<FileStore, "deleteExpired" | "deleteAbandonedWrites">;
  clock: Clock;
  /** How long uploads and result files are kept (GATEAI_RETENTION_DAYS). */
  fileRetentionMs: number;
  everyMs?: number;
  logger?: Pick<Logger, "info" | "warn">;
}): RetentionJob {
  const everyMs = deps.everyMs ?? 10 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  const sweep = async () => {
    const now = deps.clock.now();
    let idempotencyRecords = 0;
    for (let deleted = BATCH; deleted >= BATCH; idempotencyRecords += deleted) deleted = await deps.idempotency.purgeExpired(now, BATCH);
    let files = 0;
    for (let more = true; more; ) {
      // Rows and their blobs: expired, past the retention, or uploads abandoned mid-write.
      const deleted = await deps.files.deleteExpired(now, now - deps.fileRetentionMs, BATCH);
      files += deleted.results + deleted.uploads;
      more = deleted.more;
    }
    const abandonedWrites = await deps.files.deleteAbandonedWrites();
    if (idempotencyRecords || files || abandonedWrites) deps.logger?.info({ idempotencyRecords, files, abandonedWrites }, "retention: deleted expired data");
    return { idempotencyRecords, files, abandonedWrites };
  };

  const run = () => {
    running ??= sweep()
      .catch((error: unknown) => deps.logger?.warn({ err: error }, "retention sweep failed"))
      .finally(() => (running = undefined));
  };

  return {
    sweep,
    start() {
      if (timer) return;
      run();
      timer = setInterval(run, everyMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
