/** A stored file: a task's result or an upload. */
export interface StoredFile {
  readonly mediaType: string;
  readonly data: Uint8Array;
}

export interface NamedFile extends StoredFile {
  readonly name: string;
}

export interface UploadInfo {
  readonly id: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
}

/**
 * Files the gateway serves under /files/<ownerId>/<name>: task results (owner: the task) and
 * uploads (owner: the upload), kept until retention deletes them.
 */
export interface FileStore {
  /** Stores a task's result files; storing the same names again keeps the first. */
  putResults(taskId: string, files: readonly NamedFile[], now: number): Promise<void>;
  /** Stores an upload of `keyId` and returns its id. */
  putUpload(keyId: string, file: StoredFile, now: number): Promise<UploadInfo>;
  get(ownerId: string, name: string): Promise<StoredFile | null>;
  /** The media type of each of these uploads that belongs to `keyId`. */
  uploadTypes(keyId: string, ids: readonly string[]): Promise<Map<string, string>>;
  /** Deletes at most `limit` result files and at most `limit` uploads stored before `cutoff`; how many of each. */
  deleteStoredBefore(cutoff: number, limit: number): Promise<{ results: number; uploads: number }>;
}
