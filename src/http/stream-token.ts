import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Stream tokens: how a native `EventSource`, which cannot send headers, opens a GraphQL
 * subscription over SSE without its API key in the URL. A client trades its key for a token
 * (POST /graphql/stream-token with `Authorization: Bearer`), then opens
 * `GET /graphql?query=…&streamToken=…`. The token is the key and an expiry sealed with
 * AES-256-GCM under this gateway's secret: opaque, tamper-proof, useless after `STREAM_TOKEN_TTL_MS`,
 * and it authenticates exactly as the key does (a revoked key's token opens nothing).
 * Node crypto (AES-GCM): https://nodejs.org/api/crypto.html#cryptocreatecipherivalgorithm-key-iv-options
 */
export const STREAM_TOKEN_TTL_MS = 60_000;
/** The longest token worth opening (a key of BOUNDS.apiKey characters seals well under it). */
const MAX_TOKEN_LENGTH = 1_024;

export interface StreamTokenSealer {
  seal(rawKey: string, now: number): { token: string; expiresAt: number };
  /** The key a token seals, when it is one of this secret's and not expired; else undefined. */
  open(token: string, now: number): string | undefined;
}

/**
 * Tokens under `secret` (GATEAI_STREAM_TOKEN_SECRET; every process behind one address needs the
 * same), or under a random secret of this process when none is configured.
 */
export function createStreamTokens(secret: string | undefined): StreamTokenSealer {
  const key = createHash("sha256").update("gateai stream token\0").update(secret ?? randomBytes(32)).digest();
  return {
    seal(rawKey, now) {
      const expiresAt = now + STREAM_TOKEN_TTL_MS;
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const sealed = Buffer.concat([cipher.update(JSON.stringify({ k: rawKey, e: expiresAt }), "utf8"), cipher.final()]);
      return { token: Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url"), expiresAt };
    },
    open(token, now) {
      if (token.length > MAX_TOKEN_LENGTH) return undefined;
      const bytes = Buffer.from(token, "base64url");
      if (bytes.length < 29) return undefined;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
        const { k, e } = JSON.parse(plain) as { k?: unknown; e?: unknown };
        return typeof k === "string" && typeof e === "number" && now < e ? k : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
