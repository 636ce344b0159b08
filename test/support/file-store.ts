// A file store for tests that open a database: its rows in that database, its blobs in a fresh
// temporary directory removed in afterAll.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { createFilesystemBlobStore } from "../../src/adapters/files/filesystem-blob-store.ts";
import { createFileStore } from "../../src/services/file-store.ts";
import type { BlobStore } from "../../src/services/ports/blob-store.ts";
import type { FileRecords, UploadQuota } from "../../src/services/ports/file-records.ts";
import type { FileStore } from "../../src/services/ports/file-store.ts";

export const DAY_MS = 86_400_000;
export const ROOMY_QUOTA: UploadQuota = { uploadsPerDay: 1_000_000, bytesStored: Number.MAX_SAFE_INTEGER };

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A directory blob store under a fresh temporary directory (and the directory). */
export async function temporaryBlobStore(): Promise<{ blobs: BlobStore; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), "gateai-blobs-"));
  dirs.push(dir);
  return { blobs: createFilesystemBlobStore(dir), dir };
}

export async function testFileStore(
  records: FileRecords,
  options: { retentionMs?: number; quota?: UploadQuota; blobs?: BlobStore } = {},
): Promise<{ files: FileStore; blobs: BlobStore }> {
  const blobs = options.blobs ?? (await temporaryBlobStore()).blobs;
  return { files: createFileStore({ records, blobs, retentionMs: options.retentionMs ?? 7 * DAY_MS, quota: options.quota ?? ROOMY_QUOTA }), blobs };
}

/** One chunk as a stream body. */
export async function* bodyOf(...chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

/** Every byte of a stream. */
export async function readAll(stream: AsyncIterable<Uint8Array> | null): Promise<Buffer | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * Where results go when they are not a test's concern: nothing is kept. A streamed file is read
 * to its end (as a store would), so the vendor's side of the read finishes as it would.
 */
export const DISCARDED_RESULTS: Pick<FileStore, "putResults" | "putResult" | "discardResults"> = {
  putResults: async () => undefined,
  discardResults: async () => 0,
  async putResult(_taskId, file, { now }) {
    let sizeBytes = 0;
    for await (const chunk of file.body) sizeBytes += chunk.byteLength;
    return { mediaType: file.mediaType, sizeBytes, sha256: "", createdAt: now, expiresAt: null };
  },
};
