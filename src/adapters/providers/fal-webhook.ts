/**
 * Verifying a fal webhook as https://docs.fal.ai/model-apis/model-endpoints/webhooks ("Verifying
 * your webhook") describes: the headers `X-Fal-Webhook-Request-Id`, `-User-Id`, `-Timestamp`
 * and `-Signature` (hex ED25519); the signed message is the request id, user id, timestamp and
 * the hex SHA-256 of the raw body, joined by newlines; the timestamp must be within 5 minutes;
 * the signature must verify with one of the ED25519 keys of fal's JWKS
 * (https://rest.alpha.fal.ai/.well-known/jwks.json, cached).
 */
import { createHash, createPublicKey, verify, type JsonWebKey, type KeyObject } from "node:crypto";

export const FAL_JWKS_URL = "https://rest.alpha.fal.ai/.well-known/jwks.json";
const TOLERANCE_SECONDS = 300;

export type { WebhookVerdict } from "../../services/ports/vendor-webhooks.ts";
import type { WebhookVerdict } from "../../services/ports/vendor-webhooks.ts";

/** Reads fal's public keys (the caller fetches and caches the JWKS document). */
export function falKeysFromJwks(jwks: unknown): KeyObject[] {
  const keys = (jwks as { keys?: unknown } | undefined)?.keys;
  if (!Array.isArray(keys)) return [];
  const out: KeyObject[] = [];
  for (const jwk of keys.slice(0, 20)) {
    if ((jwk as { kty?: unknown; crv?: unknown })?.kty !== "OKP" || (jwk as { crv?: unknown }).crv !== "Ed25519") continue;
    try {
      out.push(createPublicKey({ key: jwk as JsonWebKey, format: "jwk" }));
    } catch {
      // not a usable key
    }
  }
  return out;
}

const header = (headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function verifyFalWebhook(args: {
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Uint8Array;
  keys: readonly KeyObject[];
  nowSeconds: number;
}): WebhookVerdict {
  const requestId = header(args.headers, "x-fal-webhook-request-id");
  const userId = header(args.headers, "x-fal-webhook-user-id");
  const timestamp = header(args.headers, "x-fal-webhook-timestamp");
  const signature = header(args.headers, "x-fal-webhook-signature");
  if (!requestId || !userId || !timestamp || !signature) return { ok: false, reason: "missing fal webhook headers" };
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(args.nowSeconds - ts) > TOLERANCE_SECONDS) return { ok: false, reason: "fal webhook timestamp outside the 5-minute window" };
  if (!/^[0-9a-f]{128}$/i.test(signature)) return { ok: false, reason: "fal webhook signature is not 64 hex bytes" };
  const message = Buffer.from([requestId, userId, timestamp, createHash("sha256").update(args.body).digest("hex")].join("\n"));
  const bytes = Buffer.from(signature, "hex");
  return args.keys.some((key) => verify(null, message, key, bytes)) ? { ok: true, requestId } : { ok: false, reason: "fal webhook signature does not verify" };
}
