import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Upload links: how a vendor fetches an upload the client referenced by id. A link is
 * `/files/uploads/<token>`, the token the key, the upload and an expiry sealed with AES-256-GCM
 * under the gateway's secret (GATEAI_STREAM_TOKEN_SECRET, under its own derived key): opaque
 * (neither id is readable), tamper-proof and useless after its expiry. Every process behind one
 * address needs the same secret to open another's links; without one each process has a random
 * secret and opens only its own.
 * Node crypto (AES-GCM): https://nodejs.org/api/crypto.html#cryptocreatecipherivalgorithm-key-iv-options
 */

/** How long a link stays valid: a vendor may queue a job for minutes before it fetches its references. */
export const UPLOAD_LINK_TTL_MS = 60 * 60_000;
/** The longest token worth opening (two uuids and an expiry seal well under it). */
const MAX_TOKEN_LENGTH = 512;

export interface UploadLinks {
  /** The token of a link to upload `uploadId` of `keyId`, valid until `expiresAt` (epoch ms). */
  seal(keyId: string, uploadId: string, expiresAt: number): string;
  /** The upload a token names, when it is one of this secret's and not expired at `now`; else undefined. */
  open(token: string, now: number): { readonly keyId: string; readonly uploadId: string } | undefined;
}

export function createUploadLinks(secret: string | undefined): UploadLinks {
  const key = createHash("sha256").update("gateai upload link\0").update(secret ?? randomBytes(32)).digest();
  return {
    seal(keyId, uploadId, expiresAt) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const sealed = Buffer.concat([cipher.update(JSON.stringify({ k: keyId, u: uploadId, e: expiresAt }), "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
    },
    open(token, now) {
      if (token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
      const bytes = Buffer.from(token, "base64url");
      if (bytes.length < 29) return undefined;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
        const { k, u, e } = JSON.parse(plain) as { k?: unknown; u?: unknown; e?: unknown };
        return typeof k === "string" && typeof u === "string" && typeof e === "number" && now < e ? { keyId: k, uploadId: u } : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
