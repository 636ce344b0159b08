import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * A small JSON object sealed with AES-256-GCM into a URL-safe token: opaque (nothing in it is
 * readable), tamper-proof (a changed byte opens nothing) and bound to one secret and one purpose
 * (the key is derived from both, so a token of one purpose never opens as another's). What the
 * gateway hands out in place of a secret: stream tokens, upload links.
 * Layout: base64url(iv 12 bytes ‖ tag 16 bytes ‖ ciphertext).
 * Node crypto (AES-GCM): https://nodejs.org/api/crypto.html#cryptocreatecipherivalgorithm-key-iv-options
 */
export interface TokenSealer {
  seal(payload: Readonly<Record<string, unknown>>): string;
  /** The sealed object, when the token is one of this sealer's and at most `maxLength` characters; else undefined. */
  open(token: string, maxLength: number): Readonly<Record<string, unknown>> | undefined;
}

/** A sealer for `purpose` under `secret` (without one, a random secret: tokens open only in this process). */
export function createTokenSealer(purpose: string, secret: string | undefined): TokenSealer {
  const key = createHash("sha256").update(`gateai ${purpose}\0`).update(secret ?? randomBytes(32)).digest();
  return {
    seal(payload) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const sealed = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
    },
    open(token, maxLength) {
      if (token.length > maxLength || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
      const bytes = Buffer.from(token, "base64url");
      if (bytes.length < 29) return undefined;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        const opened: unknown = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8"));
        return typeof opened === "object" && opened !== null && !Array.isArray(opened) ? (opened as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
