/**
 * Verifying a Replicate webhook as https://replicate.com/docs/topics/webhooks/verify-webhook
 * describes: headers `webhook-id`, `webhook-timestamp` (seconds) and `webhook-signature` (space-
 * separated `v1,<base64>` entries); the signed content is `<id>.<timestamp>.<raw body>`, HMAC-
 * SHA256 with the account's secret (`whsec_<base64 key>`, from `GET /v1/webhooks/default/secret`);
 * compared in constant time; the timestamp must be within 5 minutes (replays).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { WebhookVerdict } from "../../services/ports/vendor-webhooks.ts";

const TOLERANCE_SECONDS = 300;

export function verifyReplicateWebhook(args: {
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Uint8Array;
  /** `whsec_…` secrets (one per configured token's account). */
  secrets: readonly string[];
  nowSeconds: number;
}): WebhookVerdict {
  const get = (name: string) => {
    const value = args.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = get("webhook-id");
  const timestamp = get("webhook-timestamp");
  const signatures = get("webhook-signature");
  if (!id || !timestamp || !signatures) return { ok: false, reason: "missing Replicate webhook headers" };
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(args.nowSeconds - ts) > TOLERANCE_SECONDS) return { ok: false, reason: "Replicate webhook timestamp outside the 5-minute window" };
  const content = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), Buffer.from(args.body)]);
  const offered = signatures
    .split(" ")
    .slice(0, 10)
    .map((entry) => entry.split(",", 2))
    .filter(([version, sig]) => version === "v1" && sig)
    .map(([, sig]) => Buffer.from(sig!, "base64"));
  for (const secret of args.secrets) {
    const expected = createHmac("sha256", Buffer.from(secret.replace(/^whsec_/, ""), "base64")).update(content).digest();
    if (offered.some((sig) => sig.byteLength === expected.byteLength && timingSafeEqual(sig, expected))) {
      let predictionId = "";
      try {
        predictionId = String((JSON.parse(Buffer.from(args.body).toString("utf8")) as { id?: unknown }).id ?? "");
      } catch {
        return { ok: false, reason: "Replicate webhook body is not JSON" };
      }
      return { ok: true, requestId: predictionId };
    }
  }
  return { ok: false, reason: "Replicate webhook signature does not verify" };
}
