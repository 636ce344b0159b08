import type { Result } from "../kernel/result.ts";
import type { ServiceError } from "./errors.ts";
import type { Clock } from "../kernel/clock.ts";
import type { FileStore, IncomingFile, ServedFile, UploadInfo } from "./ports/file-store.ts";
import type { UploadLinks } from "./upload-links.ts";

/** Uploads and the files served under /files/. */
export interface FileService {
  /** The file behind a /files/<ownerId>/<name> URL, if any (and not expired). */
  get(ownerId: string, name: string): Promise<ServedFile | null>;
  /**
   * The upload behind a /files/uploads/<token> link (a vendor fetching a reference) and when the
   * link expires (epoch ms), when the token is genuine and unexpired and the upload still kept; else null.
   */
  linked(token: string): Promise<{ readonly file: ServedFile; readonly expiresAt: number } | null>;
  /**
   * Stores an upload streamed from `file.body`, refused before any byte is stored when the key's
   * quotas are spent, and stopped past the size limit. `declaredBytes` (a request's length)
   * bounds what is reserved against the quota; absent, the size limit is reserved.
   */
  upload(keyId: string, file: IncomingFile & { readonly declaredBytes?: number }): Promise<Result<UploadInfo, ServiceError>>;
  /**
   * Where to redirect a client for this file's bytes (a presigned blob-store URL answering with
   * these headers) and for how many seconds that URL is valid, or null to stream them through the
   * gateway. The URL is valid for the configured seconds at most, and never past the file's own
   * expiry or `until` (epoch ms: the expiry of the link the file was reached through); with less
   * than a second left, null.
   */
  redirectFor(
    file: ServedFile,
    headers: { readonly contentType: string; readonly contentDisposition?: string },
    until?: number,
  ): Promise<{ readonly url: string; readonly expiresInSeconds: number } | null>;
}

export function createFileService(deps: { store: FileStore; clock: Clock; maxBytes: number; signedUrlSeconds?: number; links?: UploadLinks }): FileService {
  const configuredSeconds = deps.signedUrlSeconds ?? 0;
  return {
    async redirectFor(file, headers, until) {
      if (configuredSeconds <= 0 || !file.signedUrl) return null;
      const now = deps.clock.now();
      let expiresInSeconds = configuredSeconds;
      for (const end of [file.expiresAt, until]) if (end !== null && end !== undefined) expiresInSeconds = Math.min(expiresInSeconds, Math.floor((end - now) / 1000));
      if (expiresInSeconds < 1) return null;
      return { url: await file.signedUrl(Object.assign({ expiresInSeconds }, headers)), expiresInSeconds };
    },
    get: (ownerId, name) => deps.store.get(ownerId, name, deps.clock.now()),
    async linked(token) {
      const now = deps.clock.now();
      const link = deps.links?.open(token, now);
      const file = link ? await deps.store.getUpload(link.keyId, link.uploadId, now) : null;
      return link && file ? { file, expiresAt: link.expiresAt } : null;
    },
    upload: (keyId, file) =>
      deps.store.putUpload(
        keyId,
        { mediaType: file.mediaType, body: file.body, reserveBytes: file.declaredBytes ?? deps.maxBytes },
        { now: deps.clock.now(), maxBytes: deps.maxBytes },
      ),
  };
}
