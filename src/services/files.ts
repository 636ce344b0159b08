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
   * The upload behind a /files/uploads/<token> link (a vendor fetching a reference), when the
   * token is genuine and unexpired and the upload still kept; else null.
   */
  linked(token: string): Promise<ServedFile | null>;
  /**
   * Stores an upload streamed from `file.body`, refused before any byte is stored when the key's
   * quotas are spent, and stopped past the size limit. `declaredBytes` (a request's length)
   * bounds what is reserved against the quota; absent, the size limit is reserved.
   */
  upload(keyId: string, file: IncomingFile & { readonly declaredBytes?: number }): Promise<Result<UploadInfo, ServiceError>>;
  /**
   * Where to redirect a client for this file's bytes (a presigned blob-store URL answering with
   * these headers), or null to stream them through the gateway.
   */
  redirectFor(file: ServedFile, headers: { readonly contentType: string; readonly contentDisposition?: string }): Promise<string | null>;
  /** How long a redirect stays valid, in seconds (0: files are streamed). */
  readonly redirectSeconds: number;
}

export function createFileService(deps: { store: FileStore; clock: Clock; maxBytes: number; signedUrlSeconds?: number; links?: UploadLinks }): FileService {
  const redirectSeconds = deps.signedUrlSeconds ?? 0;
  return {
    redirectSeconds,
    redirectFor: async (file, headers) =>
      redirectSeconds > 0 && file.signedUrl ? file.signedUrl({ expiresInSeconds: redirectSeconds, ...headers }) : null,
    get: (ownerId, name) => deps.store.get(ownerId, name, deps.clock.now()),
    async linked(token) {
      const now = deps.clock.now();
      const link = deps.links?.open(token, now);
      return link ? deps.store.getUpload(link.keyId, link.uploadId, now) : null;
    },
    upload: (keyId, file) =>
      deps.store.putUpload(
        keyId,
        { mediaType: file.mediaType, body: file.body, reserveBytes: file.declaredBytes ?? deps.maxBytes },
        { now: deps.clock.now(), maxBytes: deps.maxBytes },
      ),
  };
}
