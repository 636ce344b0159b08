import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { err, ok } from "../kernel/result.ts";
import { utcDay } from "../kernel/utc-day.ts";
import type { BlobStore } from "./ports/blob-store.ts";
import type { FileRecord, FileRecords, UploadQuota } from "./ports/file-records.ts";
import { FileTooLargeError, type FileInfo, type FileStore, type ServedFile, type UploadRefusal } from "./ports/file-store.ts";

/**
 * A PENDING upload this old was abandoned by a process that died: retention deletes it, and so
 * a blob store's temporary file untouched this long.
 */
export const STALE_PENDING_MS = 60 * 60_000;
/** In-memory bytes go to the blob store in slices of this size, so a large one never holds the loop. */
const SLICE_BYTES = 1024 * 1024;
const DAY_MS = 86_400_000;
/** More result files than one task can have (a request's outputs, each with a preview): what `discardResults` looks for. */
const RESULTS_PER_TASK_MAX = 1_000;

/** What a stream carried: its size and hex sha256. */
interface Measured {
  sizeBytes: number;
  sha256: string;
}

/**
 * Passes `source` through, hashing and counting it, and throws FileTooLargeError as soon as more
 * than `maxBytes` have passed: the cap holds while streaming, whatever a header declared.
 */
async function* measured(source: AsyncIterable<Uint8Array>, maxBytes: number, into: Measured): AsyncGenerator<Uint8Array> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new FileTooLargeError(maxBytes);
    hash.update(chunk);
    yield chunk;
  }
  into.sizeBytes = size;
  into.sha256 = hash.digest("hex");
}

async function* slices(data: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.byteLength; at += SLICE_BYTES) yield data.subarray(at, at + SLICE_BYTES);
}

/** Blob keys: a random uuid under a two-character fan-out folder (`isBlobKey`). */
const blobKeyFor = (kind: "uploads" | "results", id: string): string => `${kind}/${id.slice(0, 2)}/${id}`;

/**
 * The file store over its two ports: rows in `FileRecords` (the database), bytes in a `BlobStore`
 * (filesystem or S3). Every write streams the bytes to the blob store first and records the row
 * after, so a row always names a complete blob; a write that fails deletes what it wrote. Uploads
 * reserve their bytes against the key's quotas before streaming (FileRecords.reserveUpload).
 */
export function createFileStore(deps: {
  records: FileRecords;
  blobs: BlobStore;
  /** How long uploads and results are kept (GATEAI_RETENTION_DAYS). */
  retentionMs: number;
  quota: UploadQuota;
}): FileStore {
  const { records, blobs } = deps;

  const served = (file: FileRecord, legacy: Parameters<FileRecords["readInlineBytes"]>[0]): ServedFile => {
    const { blobKey } = file;
    const info: ServedFile = {
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      createdAt: file.createdAt,
      expiresAt: file.expiresAt,
      async open(range) {
        if (blobKey !== null) return blobs.get(blobKey, range);
        const bytes = await records.readInlineBytes(legacy);
        if (!bytes) return null;
        return Readable.from([range ? bytes.subarray(range.start, range.end + 1) : bytes]);
      },
    };
    const sign = blobs.signedUrl;
    return blobKey !== null && sign ? { signedUrl: (options: Parameters<typeof sign>[1]) => sign(blobKey, options), ...info } : info;
  };
  const live = (file: FileRecord | null, now: number): file is FileRecord => file !== null && (file.expiresAt === null || file.expiresAt > now);

  /** Streams `source` into a new blob; deletes it again when `record` fails. */
  async function store<T>(key: string, source: AsyncIterable<Uint8Array>, maxBytes: number, mediaType: string, record: (m: Measured) => Promise<T>): Promise<T> {
    const m: Measured = { sizeBytes: 0, sha256: "" };
    await blobs.put(key, measured(source, maxBytes, m), { contentType: mediaType });
    try {
      return await record(m);
    } catch (error) {
      await blobs.delete([key]).catch(() => undefined);
      throw error;
    }
  }

  const putResult: FileStore["putResult"] = async (taskId, file, { now, maxBytes }) => {
    const blobKey = blobKeyFor("results", randomUUID());
    const expiresAt = now + deps.retentionMs;
    return store(blobKey, file.body, maxBytes, file.mediaType, async (m): Promise<FileInfo> => {
      const added = await records.addResult({ ownerId: taskId, name: file.name, mediaType: file.mediaType, ...m, blobKey, now, expiresAt });
      // The name was stored before (a retried or concurrent poll): the first one stays.
      if (!added) await blobs.delete([blobKey]);
      return { mediaType: file.mediaType, ...m, createdAt: now, expiresAt };
    });
  };

  return {
    putResult,

    async putResults(taskId, files, now) {
      for (const file of files) await putResult(taskId, { name: file.name, mediaType: file.mediaType, body: slices(file.data) }, { now, maxBytes: Number.POSITIVE_INFINITY });
    },

    async discardResults(taskId) {
      const stored = await records.listResults(taskId, RESULTS_PER_TASK_MAX);
      const keys = stored.map((f) => f.blobKey).filter((k): k is string => k !== null);
      if (keys.length) await blobs.delete(keys);
      return stored.length ? (await records.deleteRows(stored, [])).results : 0;
    },

    async putUpload(keyId, file, { now, maxBytes }) {
      const id = randomUUID();
      const blobKey = blobKeyFor("uploads", id);
      const day = utcDay(new Date(now));
      // The most this upload can store: what it declared (a request's length bounds its file), at most the cap.
      const reserveBytes = Math.max(0, Math.min(file.reserveBytes, maxBytes));
      const reserved = await records.reserveUpload({
        id, keyId, mediaType: file.mediaType, blobKey, reserveBytes, day, now, expiresAt: now + deps.retentionMs, quota: deps.quota,
      });
      if (!reserved.ok) return err(quotaRefusal(reserved.quota, deps.quota, now));
      try {
        const m = await store(blobKey, file.body, reserveBytes, file.mediaType, async (measured) => {
          await records.completeUpload({ id, ...measured });
          return measured;
        });
        return ok({ id, mediaType: file.mediaType, sizeBytes: m.sizeBytes });
      } catch (error) {
        await records.abandonUpload(id, day);
        if (error instanceof FileTooLargeError) {
          const refusal: UploadRefusal = { code: "UPLOAD_REJECTED", message: `The file is larger than the limit of ${maxBytes} bytes`, maxBytes };
          return err(refusal);
        }
        throw error;
      }
    },

    async putInline(keyId, file, now) {
      const id = randomUUID();
      const blobKey = blobKeyFor("uploads", id);
      const m = await store(blobKey, file.body, Number.POSITIVE_INFINITY, file.mediaType, async (measured) => {
        await records.addInlineUpload({ id, keyId, mediaType: file.mediaType, ...measured, blobKey, now, expiresAt: now + deps.retentionMs });
        return measured;
      });
      return { id, mediaType: file.mediaType, sizeBytes: m.sizeBytes };
    },

    async discardUploads(keyId, ids) {
      const found = await Promise.all(ids.map(async (id) => ({ id, file: await records.findUpload(keyId, id) })));
      const uploads = found.flatMap(({ id, file }) => (file ? [{ id, blobKey: file.blobKey }] : []));
      const keys = uploads.map((u) => u.blobKey).filter((k): k is string => k !== null);
      if (keys.length) await blobs.delete(keys);
      if (uploads.length) await records.deleteRows([], uploads);
    },

    async get(ownerId, name, now) {
      const file = await records.findResult(ownerId, name);
      return live(file, now) ? served(file, { kind: "result", ownerId, name }) : null;
    },

    async getUpload(keyId, id, now) {
      const file = await records.findUpload(keyId, id);
      return live(file, now) ? served(file, { kind: "upload", id }) : null;
    },

    uploadTypes: (keyId, ids, keptUntil) => records.uploadTypes(keyId, ids, keptUntil),

    // Blobs first, rows after: a sweep that stops between the two leaves rows whose blob is gone
    // (served as 404, deleted by the next sweep), never a blob no row names.
    async deleteExpired(now, cutoff, limit) {
      const due = await records.listExpired(now, cutoff, now - STALE_PENDING_MS, limit);
      const keys = [...due.results, ...due.uploads].map((f) => f.blobKey).filter((k): k is string => k !== null);
      if (keys.length) await blobs.delete(keys);
      const deleted = await records.deleteRows(due.results, due.uploads);
      return Object.assign({}, deleted, { more: due.results.length >= limit || due.uploads.length >= limit });
    },

    deleteAbandonedWrites: async () => (blobs.deleteAbandonedWrites ? blobs.deleteAbandonedWrites(STALE_PENDING_MS) : 0),
  };
}

function quotaRefusal(quota: "UPLOADS_PER_DAY" | "BYTES_STORED", limits: UploadQuota, now: number): UploadRefusal {
  if (quota === "UPLOADS_PER_DAY") {
    return {
      code: "UPLOAD_QUOTA_EXCEEDED",
      quota,
      limit: limits.uploadsPerDay,
      message: `This key has used its ${limits.uploadsPerDay} uploads for today (UTC)`,
      retryAfterMs: DAY_MS - (now % DAY_MS),
    };
  }
  return {
    code: "UPLOAD_QUOTA_EXCEEDED",
    quota,
    limit: limits.bytesStored,
    message: `This upload would take the key's stored uploads over ${limits.bytesStored} bytes; they free up as uploads expire`,
  };
}
