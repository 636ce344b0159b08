import type { Readable } from "node:stream";
import type { Result } from "../../kernel/result.ts";
import type { ByteRange } from "./blob-store.ts";

/** A file whose bytes are in memory (a simulated result). */
export interface StoredFile {
  readonly mediaType: string;
  readonly data: Uint8Array;
}

export interface NamedFile extends StoredFile {
  readonly name: string;
}

/** A file whose bytes arrive as a stream (a vendor's download, an upload's body). */
export interface IncomingFile {
  readonly mediaType: string;
  readonly body: AsyncIterable<Uint8Array>;
}

export interface UploadInfo {
  readonly id: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
}

/** What is known about a stored file without reading its bytes. */
export interface FileInfo {
  readonly mediaType: string;
  readonly sizeBytes: number;
  /** Hex sha256 of the bytes: the file's ETag. */
  readonly sha256: string;
  readonly createdAt: number;
  readonly expiresAt: number | null;
}

/** A stored file found by its URL: its metadata, and its bytes on demand. */
export interface ServedFile extends FileInfo {
  /** The bytes, or the inclusive range [start, end] of them (the range within 0..sizeBytes-1). */
  open(range?: ByteRange): Promise<Readable | null>;
  /** A URL of the blob store a client may be redirected to, when the store signs URLs. */
  signedUrl?(options: { expiresInSeconds: number; contentType: string; contentDisposition?: string }): Promise<string>;
}

/** Why an upload was refused before its bytes were stored, or stopped while they streamed. */
export type UploadRefusal =
  | { readonly code: "UPLOAD_REJECTED"; readonly message: string; readonly maxBytes: number }
  | {
      readonly code: "UPLOAD_QUOTA_EXCEEDED";
      readonly message: string;
      /** UPLOADS_PER_DAY: uploads this UTC day; BYTES_STORED: bytes of the key's uploads kept. */
      readonly quota: "UPLOADS_PER_DAY" | "BYTES_STORED";
      readonly limit: number;
      /** When the quota frees up by itself (the next UTC day), if it does. */
      readonly retryAfterMs?: number;
    };

/** Thrown by a size-capped stream (`putResult`'s body) that went past its cap. */
export class FileTooLargeError extends Error {
  override name = "FileTooLargeError";
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${maxBytes} bytes`);
  }
}

/**
 * Files the gateway keeps: task results, served under /files/<taskId>/<name>, and uploads (and
 * inline `data:` references), referenced by id. Metadata is in the database, bytes in the blob
 * store; every write streams and is size-capped while it streams, and a write that fails leaves
 * neither a row nor a blob behind.
 */
export interface FileStore {
  /**
   * Stores one result file of a task from a stream of at most `maxBytes` (the stream is abandoned
   * and FileTooLargeError thrown past that). Storing a name the task already has keeps the first.
   */
  putResult(taskId: string, file: IncomingFile & { readonly name: string }, options: { readonly now: number; readonly maxBytes: number }): Promise<FileInfo>;
  /** Stores a task's result files held in memory; storing the same names again keeps the first. */
  putResults(taskId: string, files: readonly NamedFile[], now: number): Promise<void>;
  /**
   * Deletes every result file of a task (blobs, then rows); how many. For an attempt that failed
   * after storing some of its files: none of them may stand in for a later attempt's, whose files
   * of the same names would otherwise be the ones dropped.
   */
  discardResults(taskId: string): Promise<number>;
  /**
   * Stores an upload of `keyId`: the key's quotas are checked and `reserveBytes` reserved
   * atomically before any byte is stored, the body is capped at `maxBytes` while it streams, and
   * the reservation is settled to the stored size (or given back when refused or failed).
   */
  putUpload(
    keyId: string,
    file: IncomingFile & { readonly reserveBytes: number },
    options: { readonly now: number; readonly maxBytes: number },
  ): Promise<Result<UploadInfo, UploadRefusal>>;
  /** Stores an inline `data:` reference of a generation as an upload of `keyId` (outside the upload quotas). */
  putInline(keyId: string, file: IncomingFile, now: number): Promise<UploadInfo>;
  /** Deletes these uploads of `keyId` (blobs, then rows): inline references of a generation that was not accepted. */
  discardUploads(keyId: string, ids: readonly string[]): Promise<void>;
  /** The result file behind /files/<ownerId>/<name>, unless missing or expired at `now`. */
  get(ownerId: string, name: string, now: number): Promise<ServedFile | null>;
  /** An upload of `keyId` (its bytes on demand), unless missing or expired at `now`. */
  getUpload(keyId: string, id: string, now: number): Promise<ServedFile | null>;
  /** The media type of each of these stored uploads that belongs to `keyId` and, with `keptUntil`, does not expire before then. */
  uploadTypes(keyId: string, ids: readonly string[], keptUntil?: number): Promise<Map<string, string>>;
  /**
   * Deletes at most `limit` result files and at most `limit` uploads that expired by `now` or were
   * stored before `cutoff` (blobs first, then rows); how many of each this call deleted, and
   * whether a full batch was due (so more may be: another process may have deleted some of it).
   */
  deleteExpired(now: number, cutoff: number, limit: number): Promise<{ results: number; uploads: number; more: boolean }>;
  /**
   * Deletes what writes left in the blob store when their process was killed mid-write (the
   * filesystem's temporary files), once untouched as long as a PENDING upload takes to count as
   * abandoned; how many.
   */
  deleteAbandonedWrites(): Promise<number>;
}
