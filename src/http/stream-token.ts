import { createTokenSealer } from "../kernel/sealed-token.ts";

/**
 * Stream tokens: how a native `EventSource`, which cannot send headers, opens a GraphQL
 * subscription over SSE without its API key in the URL. A client trades its key for a token
 * (POST /graphql/stream-token with `Authorization: Bearer`), then opens
 * `GET /graphql?query=…&streamToken=…`. The token is the key and an expiry sealed with
 * AES-256-GCM under this gateway's secret: opaque, tamper-proof, useless after `STREAM_TOKEN_TTL_MS`,
 * and it authenticates exactly as the key does (a revoked key's token opens nothing).
 * (src/kernel/sealed-token.ts).
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
  const sealer = createTokenSealer("stream token", secret);
  return {
    seal(rawKey, now) {
      const expiresAt = now + STREAM_TOKEN_TTL_MS;
      return { token: sealer.seal({ k: rawKey, e: expiresAt }), expiresAt };
    },
    open(token, now) {
      const opened = sealer.open(token, MAX_TOKEN_LENGTH);
      return typeof opened?.k === "string" && typeof opened.e === "number" && now < opened.e ? opened.k : undefined;
    },
  };
}
