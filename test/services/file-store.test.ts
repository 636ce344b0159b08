// The file store: rows in the database (PGlite and PostgreSQL), bytes in a directory blob store.
// Uploads stream under a cap, count against per-key quotas that hold exactly under concurrency,
// and a write that fails leaves no row, no blob and no reservation behind.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../src/adapters/postgres/database.ts";
import { createFileRecords } from "../../src/adapters/postgres/file-records.ts";
import { STALE_PENDING_MS } from "../../src/services/file-store.ts";
import type { UploadQuota } from "../../src/services/ports/file-records.ts";
import type { FileStore } from "../../src/services/ports/file-store.ts";
import { withTestDatabases } from "../support/databases.ts";
import { bodyOf, DAY_MS, readAll, temporaryBlobStore, testFileStore } from "../support/file-store.ts";

const targets = await withTestDatabases();
const T0 = Date.parse("2030-03-01T12:00:00.000Z");
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (size: number) => Buffer.concat([PNG_SIGNATURE, randomBytes(size - PNG_SIGNATURE.length)]);

describe.each(targets)("the file store on $name", (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });

  /** A store over this database with its own blob directory; the directory's blob count. */
  const open = async (quota?: UploadQuota) => {
    const { blobs, dir } = await temporaryBlobStore();
    const { files } = await testFileStore(createFileRecords(db.prisma, db.sql), { blobs, retentionMs: 7 * DAY_MS, ...(quota ? { quota } : {}) });
    const blobCount = async () => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
    return { files, blobCount };
  };
  const upload = (files: FileStore, keyId: string, data: Buffer, options: { now?: number; maxBytes?: number; reserve?: number } = {}) =>
    files.putUpload(keyId, { mediaType: "image/png", body: bodyOf(data), reserveBytes: options.reserve ?? data.length }, { now: options.now ?? T0, maxBytes: options.maxBytes ?? 1024 * 1024 });

  it("streams an upload to the blob store and serves its bytes, size and sha256 back", async () => {
    const { files } = await open();
    const keyId = randomUUID();
    const data = png(300_000);
    const chunks = [data.subarray(0, 5), data.subarray(5, 200_000), data.subarray(200_000)];
    const stored = await files.putUpload(keyId, { mediaType: "image/png", body: bodyOf(...chunks), reserveBytes: 400_000 }, { now: T0, maxBytes: 1024 * 1024 });
    expect(stored).toEqual({ ok: true, value: { id: expect.any(String), mediaType: "image/png", sizeBytes: data.length } });
    const id = stored.ok ? stored.value.id : "";
    const file = await files.getUpload(keyId, id, T0);
    expect(file).toMatchObject({ mediaType: "image/png", sizeBytes: data.length, sha256: createHash("sha256").update(data).digest("hex"), expiresAt: T0 + 7 * DAY_MS });
    expect((await readAll(await file!.open()))!.equals(data)).toBe(true);
    expect(await readAll(await file!.open({ start: 100, end: 199 }))).toEqual(data.subarray(100, 200));
    expect(await files.getUpload(randomUUID(), id, T0)).toBeNull();
    expect(await files.uploadTypes(keyId, [id])).toEqual(new Map([[id, "image/png"]]));
  });

  it("stops an upload past the size limit while it streams, and keeps no row, blob or reservation", async () => {
    const { files, blobCount } = await open({ uploadsPerDay: 100, bytesStored: 2_000 });
    const keyId = randomUUID();
    // Declared small, sent large: the cap is the reservation, whatever was declared.
    const refused = await upload(files, keyId, png(1_500), { maxBytes: 1_000, reserve: 1_000 });
    expect(refused).toEqual({ ok: false, error: { code: "UPLOAD_REJECTED", message: expect.any(String), maxBytes: 1_000 } });
    expect(await blobCount()).toBe(0);
    expect(await db.prisma.upload.count({ where: { keyId } })).toBe(0);
    // The whole byte quota is free again: two uploads of 1,000 fit.
    expect((await upload(files, keyId, png(1_000))).ok).toBe(true);
    expect((await upload(files, keyId, png(1_000))).ok).toBe(true);
  });

  it("gives the reservation back and keeps nothing when the client goes away mid-upload", async () => {
    const { files, blobCount } = await open({ uploadsPerDay: 100, bytesStored: 1_000 });
    const keyId = randomUUID();
    async function* aborted() {
      yield png(500);
      throw new Error("aborted");
    }
    await expect(files.putUpload(keyId, { mediaType: "image/png", body: aborted(), reserveBytes: 1_000 }, { now: T0, maxBytes: 1_000 })).rejects.toThrow("aborted");
    expect(await blobCount()).toBe(0);
    expect(await db.prisma.upload.count({ where: { keyId } })).toBe(0);
    expect((await upload(files, keyId, png(1_000))).ok).toBe(true);
  });

  it("admits exactly the uploads per day of the quota when more arrive at once, and admits again the next UTC day", async () => {
    const { files, blobCount } = await open({ uploadsPerDay: 3, bytesStored: 1_000_000 });
    const keyId = randomUUID();
    const results = await Promise.all(Array.from({ length: 8 }, () => upload(files, keyId, png(100))));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const refusals = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(refusals).toHaveLength(5);
    for (const refusal of refusals) expect(refusal).toMatchObject({ code: "UPLOAD_QUOTA_EXCEEDED", quota: "UPLOADS_PER_DAY", limit: 3, retryAfterMs: 12 * 3_600_000 });
    expect(await blobCount()).toBe(3);
    expect((await upload(files, keyId, png(100), { now: T0 + 12 * 3_600_000 })).ok).toBe(true);
    // Another key has its own quota.
    expect((await upload(files, randomUUID(), png(100))).ok).toBe(true);
  });

  it("admits exactly the bytes of the quota when uploads arrive at once, and settles each reservation to the stored size", async () => {
    const { files } = await open({ uploadsPerDay: 1_000, bytesStored: 3 * 1_000 + 500 });
    const keyId = randomUUID();
    // Each reserves 1,000 bytes and stores 600. The bytes of all of them arrive only once every
    // reservation is decided: an upload settled to 600 before the last ones reserved would leave
    // room for a fourth, which is the quota working, not arriving at once.
    let open_!: () => void;
    const arrived = new Promise<void>((resolve) => (open_ = resolve));
    async function* held(data: Buffer) {
      await arrived;
      yield data;
    }
    let decided = 0;
    const uploads = Array.from({ length: 8 }, () =>
      files.putUpload(keyId, { mediaType: "image/png", body: held(png(600)), reserveBytes: 1_000 }, { now: T0, maxBytes: 1024 * 1024 }).finally(() => decided++),
    );
    // The refused ones answer at once; the admitted ones wait for their bytes.
    await vi.waitFor(() => expect(decided).toBe(5));
    open_();
    const results = await Promise.all(uploads);
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    for (const r of results) if (!r.ok) expect(r.error).toMatchObject({ code: "UPLOAD_QUOTA_EXCEEDED", quota: "BYTES_STORED", limit: 3_500 });
    expect(Number((await db.prisma.uploadQuota.findUniqueOrThrow({ where: { keyId } })).bytesStored)).toBe(1_800);
    // 1,700 bytes are free now: a reservation of 1,000 fits (and settles to 600), then 1,100 are
    // free and a reservation of 1,200 does not fit.
    expect((await upload(files, keyId, png(600), { reserve: 1_000 })).ok).toBe(true);
    expect((await upload(files, keyId, png(600), { reserve: 1_200 })).ok).toBe(false);
    expect((await upload(files, keyId, png(600), { reserve: 1_100 })).ok).toBe(true);
  });

  it("frees an expired upload's bytes and deletes its blob when it is swept", async () => {
    const { files, blobCount } = await open({ uploadsPerDay: 1_000, bytesStored: 1_000 });
    const keyId = randomUUID();
    expect((await upload(files, keyId, png(1_000), { now: T0 - 8 * DAY_MS })).ok).toBe(true);
    expect((await upload(files, keyId, png(1_000))).ok).toBe(false);
    let swept = { results: 0, uploads: 0, more: true };
    while (swept.more) swept = await files.deleteExpired(T0, T0 - 7 * DAY_MS, 100);
    expect(await blobCount()).toBe(0);
    expect((await upload(files, keyId, png(1_000))).ok).toBe(true);
  });

  it("sweeps an upload left PENDING by a process that died, giving its reservation back", async () => {
    const { files } = await open({ uploadsPerDay: 1_000, bytesStored: 1_000 });
    const records = createFileRecords(db.prisma, db.sql);
    const keyId = randomUUID();
    const id = randomUUID();
    const reserved = await records.reserveUpload({
      id, keyId, mediaType: "image/png", blobKey: `uploads/${id.slice(0, 2)}/${id}`, reserveBytes: 1_000, day: "2030-03-01", now: T0, expiresAt: T0 + 7 * DAY_MS,
      quota: { uploadsPerDay: 1_000, bytesStored: 1_000 },
    });
    expect(reserved).toEqual({ ok: true });
    expect(await files.uploadTypes(keyId, [id])).toEqual(new Map());
    expect((await upload(files, keyId, png(10))).ok).toBe(false);
    await files.deleteExpired(T0 + STALE_PENDING_MS + 1, T0 - 7 * DAY_MS, 100);
    expect((await upload(files, keyId, png(1_000), { now: T0 + STALE_PENDING_MS + 2 })).ok).toBe(true);
  });

  it("keeps the first of two results stored under one name, and no blob of the second", async () => {
    const { files, blobCount } = await open();
    const taskId = randomUUID();
    const first = png(100);
    await files.putResult(taskId, { name: "0.png", mediaType: "image/png", body: bodyOf(first) }, { now: T0, maxBytes: 1_000 });
    await files.putResults(taskId, [{ name: "0.png", mediaType: "image/png", data: png(100) }], T0);
    expect(await blobCount()).toBe(1);
    expect(await readAll(await (await files.get(taskId, "0.png", T0))!.open())).toEqual(first);
  });

  it("discards every result file of one task, blobs and rows, and none of another's", async () => {
    const { files, blobCount } = await open();
    const [failed, other] = [randomUUID(), randomUUID()];
    await files.putResults(failed, [{ name: "0.png", mediaType: "image/png", data: png(10) }, { name: "1.png", mediaType: "image/png", data: png(20) }], T0);
    const kept = png(30);
    await files.putResults(other, [{ name: "0.png", mediaType: "image/png", data: kept }], T0);
    expect(await files.discardResults(failed)).toBe(2);
    expect(await blobCount()).toBe(1);
    expect(await files.get(failed, "0.png", T0)).toBeNull();
    expect(await files.get(failed, "1.png", T0)).toBeNull();
    expect(await readAll(await (await files.get(other, "0.png", T0))!.open())).toEqual(kept);
    expect(await files.discardResults(failed)).toBe(0);
  });

  it("refuses a result past its size cap and keeps nothing of it", async () => {
    const { files, blobCount } = await open();
    const taskId = randomUUID();
    await expect(files.putResult(taskId, { name: "big.mp4", mediaType: "video/mp4", body: bodyOf(randomBytes(600), randomBytes(600)) }, { now: T0, maxBytes: 1_000 })).rejects.toThrow(/larger than the limit of 1000 bytes/);
    expect(await blobCount()).toBe(0);
    expect(await files.get(taskId, "big.mp4", T0)).toBeNull();
  });

  it("does not serve a file past its expiry, even before it is swept", async () => {
    const { files } = await open();
    const taskId = randomUUID();
    await files.putResults(taskId, [{ name: "0.png", mediaType: "image/png", data: png(50) }], T0);
    expect(await files.get(taskId, "0.png", T0 + 7 * DAY_MS - 1)).not.toBeNull();
    expect(await files.get(taskId, "0.png", T0 + 7 * DAY_MS)).toBeNull();
  });

  it("serves rows written before the blob store from their bytea column, whole and by range", async () => {
    const { files } = await open();
    const taskId = randomUUID();
    const data = png(64);
    await db.prisma.$executeRaw`INSERT INTO stored_files (owner_id, name, media_type, data, created_at, size_bytes, sha256)
      VALUES (${taskId}, '0.png', 'image/png', ${data}, ${new Date(T0)}::timestamptz, 64, ${createHash("sha256").update(data).digest("hex")})`;
    const file = await files.get(taskId, "0.png", T0);
    expect(file).toMatchObject({ sizeBytes: 64, sha256: createHash("sha256").update(data).digest("hex"), expiresAt: null });
    expect(await readAll(await file!.open())).toEqual(data);
    expect(await readAll(await file!.open({ start: 8, end: 15 }))).toEqual(data.subarray(8, 16));
  });
});
