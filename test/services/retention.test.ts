// Data that only grew is deleted when its time is up: idempotency records after their 24 h,
// uploads and result files after the retention, what writes killed mid-way left once stale, by
// any number of processes at once.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rm, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/adapters/postgres/database.ts";
import { createStores, type Stores } from "../../src/adapters/postgres/stores.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import { STALE_PENDING_MS } from "../../src/services/file-store.ts";
import { createRetentionJob } from "../../src/services/retention.ts";
import { withTestDatabases } from "../support/databases.ts";
import { bodyOf, temporaryBlobStore, testFileStore } from "../support/file-store.ts";
import { readdir } from "node:fs/promises";
import type { BlobStore } from "../../src/services/ports/blob-store.ts";
import type { FileStore } from "../../src/services/ports/file-store.ts";

const targets = await withTestDatabases();
const DAY_MS = 86_400_000;
const T0 = Date.parse("2030-03-01T00:00:00.000Z");
const PNG = { mediaType: "image/png", data: new Uint8Array([137, 80, 78, 71]) };

describe.each(targets)("retention on $name", (target) => {
  let db: Database;
  let stores: Stores;
  let files: FileStore;
  let blobs: BlobStore;
  let blobDir: string;
  beforeAll(async () => {
    db = await target.open();
    stores = createStores(db);
    ({ blobs, dir: blobDir } = await temporaryBlobStore());
    ({ files } = await testFileStore(stores.files, { retentionMs: 7 * DAY_MS, blobs }));
  });
  /** The blobs in the store's directory (files, not the temporary folder). */
  const blobCount = async () =>
    (await readdir(blobDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && !e.parentPath.includes(".partial")).length;

  /** An upload, a task's result and an idempotency record, stored at `at`; their ids. */
  const storeAt = async (at: number) => {
    const keyId = randomUUID();
    const upload = await files.putUpload(keyId, { mediaType: PNG.mediaType, body: bodyOf(PNG.data), reserveBytes: PNG.data.byteLength }, { now: at, maxBytes: 1024 });
    if (!upload.ok) throw new Error(upload.error.message);
    const taskId = randomUUID();
    await files.putResults(taskId, [{ name: "0.png", ...PNG }], at);
    await stores.idempotency.reserve({ keyId, key: "k", requestHash: "h", now: at, ttlMs: DAY_MS, abandonAfterMs: 60_000 });
    return { keyId, uploadId: upload.value.id, taskId };
  };
  const exists = async (ids: { keyId: string; uploadId: string; taskId: string }) => ({
    upload: (await stores.files.uploadTypes(ids.keyId, [ids.uploadId])).has(ids.uploadId),
    result: (await files.get(ids.taskId, "0.png", 0)) !== null,
    idempotency: (await db.prisma.idempotencyRecord.count({ where: { keyId: ids.keyId } })) > 0,
  });

  it("deletes files older than the retention and idempotency records past their TTL, and keeps the rest", async () => {
    const clock = manualClock(T0);
    const old = await storeAt(T0 - 8 * DAY_MS);
    const recent = await storeAt(T0 - 2 * DAY_MS);
    const fresh = await storeAt(T0 - 60_000);
    const job = createRetentionJob({ idempotency: stores.idempotency, files, clock, fileRetentionMs: 7 * DAY_MS });

    const swept = await job.sweep();
    expect(swept.files).toBeGreaterThanOrEqual(2);
    expect(await exists(old)).toEqual({ upload: false, result: false, idempotency: false });
    expect(await exists(recent)).toEqual({ upload: true, result: true, idempotency: false });
    expect(await exists(fresh)).toEqual({ upload: true, result: true, idempotency: true });

    clock.set(T0 + 6 * DAY_MS);
    await job.sweep();
    expect(await exists(recent)).toEqual({ upload: false, result: false, idempotency: false });
    expect(await exists(fresh)).toEqual({ upload: true, result: true, idempotency: false });
  });

  it("deletes the blobs of the files it deletes, and only those", async () => {
    const clock = manualClock(T0);
    const job = createRetentionJob({ idempotency: stores.idempotency, files, clock, fileRetentionMs: 7 * DAY_MS });
    await job.sweep();
    const kept = await blobCount();
    const old = await storeAt(T0 - 9 * DAY_MS);
    const fresh = await storeAt(T0 - 60_000);
    expect(await blobCount()).toBe(kept + 4);
    await job.sweep();
    expect(await exists(old)).toMatchObject({ upload: false, result: false });
    expect(await exists(fresh)).toMatchObject({ upload: true, result: true });
    expect(await blobCount()).toBe(kept + 2);
  });

  it("deletes a backlog larger than one batch, each row once, when several processes sweep at the same time", async () => {
    const at = T0 - 30 * DAY_MS;
    await Promise.all(Array.from({ length: 30 }, (_, i) => files.putResults(randomUUID(), Array.from({ length: 40 }, (_, j) => ({ name: `${i}-${j}.png`, ...PNG })), at)));
    const before = await db.prisma.storedFile.count({ where: { createdAt: { lte: new Date(at) } } });
    expect(before).toBeGreaterThanOrEqual(1_200);
    const jobs = await Promise.all(
      [0, 1, 2].map(async () => createRetentionJob({ idempotency: stores.idempotency, files: (await testFileStore(createStores(db).files, { blobs })).files, clock: manualClock(T0), fileRetentionMs: 7 * DAY_MS })),
    );
    const results = await Promise.all(jobs.map((job) => job.sweep()));
    expect(await db.prisma.storedFile.count({ where: { createdAt: { lte: new Date(at) } } })).toBe(0);
    expect(results.reduce((sum, r) => sum + r.files, 0)).toBe(before);
  });

  it("deletes the temporary files writes left when their process was killed, once stale, and not those being written", async () => {
    const job = createRetentionJob({ idempotency: stores.idempotency, files, clock: manualClock(T0), fileRetentionMs: 7 * DAY_MS });
    const partial = join(blobDir, ".partial");
    await mkdir(partial, { recursive: true });
    const abandoned = join(partial, randomUUID());
    const writing = join(partial, randomUUID());
    await writeFile(abandoned, "a write whose process was killed");
    await writeFile(writing, "a write in progress");
    // File times are the wall clock's, whatever the gateway's clock says.
    const stale = new Date(Date.now() - STALE_PENDING_MS - 60_000);
    await utimes(abandoned, stale, stale);
    try {
      expect((await job.sweep()).abandonedWrites).toBe(1);
      expect(existsSync(abandoned)).toBe(false);
      expect(existsSync(writing)).toBe(true);
    } finally {
      await rm(writing, { force: true });
    }
  });

  it("sweeps when started, then on its interval, and stops", async () => {
    const ids = await storeAt(T0 - 10 * DAY_MS);
    const job = createRetentionJob({ idempotency: stores.idempotency, files, clock: manualClock(T0), fileRetentionMs: 7 * DAY_MS, everyMs: 50 });
    job.start();
    await expect.poll(() => exists(ids), { timeout: 5_000, interval: 20 }).toEqual({ upload: false, result: false, idempotency: false });
    await job.stop();
  });
});
