import { err, ok, type Result } from "../kernel/result.ts";
import type { ServiceError } from "./errors.ts";
import type { Clock } from "../kernel/clock.ts";
import type { FileStore, StoredFile, UploadInfo } from "./ports/file-store.ts";

/** Uploads and the files served under /files/. */
export interface FileService {
  /** The file behind a /files/<ownerId>/<name> URL, if any. */
  get(ownerId: string, name: string): Promise<StoredFile | null>;
  upload(keyId: string, file: StoredFile): Promise<Result<UploadInfo, ServiceError>>;
}

export function createFileService(deps: { store: FileStore; clock: Clock; maxBytes: number }): FileService {
  return {
    get: (ownerId, name) => deps.store.get(ownerId, name),
    async upload(keyId, file) {
      if (file.data.byteLength > deps.maxBytes)
        return err({ code: "UPLOAD_REJECTED", message: `The file is larger than the limit of ${deps.maxBytes} bytes`, maxBytes: deps.maxBytes });
      return ok(await deps.store.putUpload(keyId, file, deps.clock.now()));
    },
  };
}
