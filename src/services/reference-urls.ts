import type { Clock } from "../kernel/clock.ts";
import type { FileStore } from "./ports/file-store.ts";
import type { ReferenceUrls } from "./ports/reference-urls.ts";
import { UPLOAD_LINK_TTL_MS, type UploadLinks } from "./upload-links.ts";

/**
 * URLs vendors fetch uploads from: with presigned blob-store URLs on (S3 and
 * GATEAI_S3_SIGNED_URL_SECONDS), a presigned GET of the object, valid for a link's lifetime (the
 * vendor fetches it from the bucket, not through the gateway); else, with a public address
 * (GATEAI_PUBLIC_URL), a signed link to `<public>/files/uploads/<token>`; else none.
 */
export function createReferenceUrls(deps: {
  files: Pick<FileStore, "getUpload">;
  links: UploadLinks;
  clock: Clock;
  /** GATEAI_PUBLIC_URL, without a trailing slash. */
  publicUrl?: string;
  /** Whether the blob store's presigned URLs are to be used (GATEAI_S3_SIGNED_URL_SECONDS > 0). */
  presigned: boolean;
}): ReferenceUrls & { readonly reachable: boolean } {
  return {
    reachable: deps.presigned || deps.publicUrl !== undefined,
    async uploadUrl(keyId, uploadId) {
      const now = deps.clock.now();
      const file = await deps.files.getUpload(keyId, uploadId, now);
      if (!file) return undefined;
      if (deps.presigned && file.signedUrl) return file.signedUrl({ expiresInSeconds: UPLOAD_LINK_TTL_MS / 1000, contentType: file.mediaType });
      if (deps.publicUrl === undefined) return undefined;
      return `${deps.publicUrl}/files/uploads/${deps.links.seal(keyId, uploadId, now + UPLOAD_LINK_TTL_MS)}`;
    },
  };
}
