import { createTokenSealer } from "../kernel/sealed-token.ts";

/**
 * Upload links: how a vendor fetches an upload the client referenced by id. A link is
 * `/files/uploads/<token>`, the token the key, the upload and an expiry sealed with AES-256-GCM
 * under the gateway's secret (GATEAI_STREAM_TOKEN_SECRET, under its own derived key): opaque
 * (neither id is readable), tamper-proof and useless after its expiry. Every process behind one
 * address needs the same secret to open another's links; without one each process has a random
 * secret and opens only its own (src/kernel/sealed-token.ts).
 */

/** How long a link stays valid: a vendor may queue a job for minutes before it fetches its references. */
export const UPLOAD_LINK_TTL_MS = 60 * 60_000;
/** The longest token worth opening (two uuids and an expiry seal well under it). */
const MAX_TOKEN_LENGTH = 512;

export interface UploadLinks {
  /** The token of a link to upload `uploadId` of `keyId`, valid until `expiresAt` (epoch ms). */
  seal(keyId: string, uploadId: string, expiresAt: number): string;
  /** The upload a token names and its expiry (epoch ms), when it is one of this secret's and not expired at `now`; else undefined. */
  open(token: string, now: number): { readonly keyId: string; readonly uploadId: string; readonly expiresAt: number } | undefined;
}

export function createUploadLinks(secret: string | undefined): UploadLinks {
  const sealer = createTokenSealer("upload link", secret);
  return {
    seal: (keyId, uploadId, expiresAt) => sealer.seal({ k: keyId, u: uploadId, e: expiresAt }),
    open(token, now) {
      const opened = sealer.open(token, MAX_TOKEN_LENGTH);
      return typeof opened?.k === "string" && typeof opened.u === "string" && typeof opened.e === "number" && now < opened.e ? { keyId: opened.k, uploadId: opened.u, expiresAt: opened.e } : undefined;
    },
  };
}
