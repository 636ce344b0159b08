/**
 * The metadata of stored files, in the database (the bytes are in the `BlobStore`). Rows written
 * before the blob store hold their bytes themselves (`blobKey` null): `readInlineBytes` reads them.
 */
export interface FileRecord {
  readonly mediaType: string;
  readonly sizeBytes: number;
  /** Hex sha256 of the bytes. */
  readonly sha256: string;
  /** Where the bytes are in the blob store; null: in the row itself (`readInlineBytes`). */
  readonly blobKey: string | null;
  readonly createdAt: number;
  readonly expiresAt: number | null;
}

export interface UploadQuota {
  /** Uploads a key may start per UTC day. */
  readonly uploadsPerDay: number;
  /** Bytes a key's uploads may hold at once (pending ones at their reservation). */
  readonly bytesStored: number;
}

export type Reservation =
  | { readonly ok: true }
  | { readonly ok: false; readonly quota: "UPLOADS_PER_DAY" | "BYTES_STORED" };

export interface NewFileRow {
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly blobKey: string;
  readonly now: number;
  readonly expiresAt: number;
}

export interface FileRecords {
  /**
   * In one statement: counts an upload against `keyId`'s quotas for `day` (UTC, YYYY-MM-DD) and
   * reserves `reserveBytes`, and records a PENDING upload `id` holding that reservation; or
   * changes nothing and names the quota that refused. Exact under concurrency.
   */
  reserveUpload(upload: {
    readonly id: string;
    readonly keyId: string;
    readonly mediaType: string;
    readonly blobKey: string;
    readonly reserveBytes: number;
    readonly day: string;
    readonly now: number;
    readonly expiresAt: number;
    readonly quota: UploadQuota;
  }): Promise<Reservation>;
  /** A PENDING upload becomes STORED with its real size; the key's reservation is settled to it. */
  completeUpload(upload: { readonly id: string; readonly sizeBytes: number; readonly sha256: string }): Promise<void>;
  /** Deletes a PENDING upload and gives its reservation (and its count on `day`) back. */
  abandonUpload(id: string, day: string): Promise<void>;
  /** Records a STORED upload outside the quotas (an inline `data:` reference). */
  addInlineUpload(upload: NewFileRow & { readonly id: string; readonly keyId: string }): Promise<void>;
  /** Records a result file; false (nothing written) when the owner already has that name. */
  addResult(file: NewFileRow & { readonly ownerId: string; readonly name: string }): Promise<boolean>;
  findResult(ownerId: string, name: string): Promise<FileRecord | null>;
  /** The result files `ownerId` has (at most `limit`), to delete them with `deleteRows`. */
  listResults(ownerId: string, limit: number): Promise<ExpiredResult[]>;
  /** A STORED upload of `keyId`. */
  findUpload(keyId: string, id: string): Promise<FileRecord | null>;
  /** The bytes a legacy row holds itself (blobKey null). */
  readInlineBytes(file: { readonly kind: "result"; readonly ownerId: string; readonly name: string } | { readonly kind: "upload"; readonly id: string }): Promise<Uint8Array | null>;
  /** The media type of each of these STORED uploads that belongs to `keyId` and, with `keptUntil`, does not expire before then. */
  uploadTypes(keyId: string, ids: readonly string[], keptUntil?: number): Promise<Map<string, string>>;
  /**
   * At most `limit` result files and at most `limit` uploads due for deletion: expired by `now`,
   * created before `cutoff`, or PENDING since before `staleBefore` (an upload whose process died).
   */
  listExpired(now: number, cutoff: number, staleBefore: number, limit: number): Promise<{ results: ExpiredResult[]; uploads: ExpiredUpload[] }>;
  /**
   * Deletes these rows (those still there) and gives the deleted uploads' bytes back to their
   * keys' quotas, in one statement each; how many rows of each were deleted.
   */
  deleteRows(results: readonly ExpiredResult[], uploads: readonly ExpiredUpload[]): Promise<{ results: number; uploads: number }>;
}

export interface ExpiredResult {
  readonly ownerId: string;
  readonly name: string;
  readonly blobKey: string | null;
}

export interface ExpiredUpload {
  readonly id: string;
  readonly blobKey: string | null;
}
