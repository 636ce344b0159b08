/**
 * The webhook verifier port over the vendors' published keys: fal's JWKS (fetched from
 * `FAL_JWKS_URL`, kept an hour: https://docs.fal.ai/model-apis/model-endpoints/webhooks) and
 * Replicate's signing secret of each configured token (`GET /v1/webhooks/default/secret`, kept
 * an hour: https://replicate.com/docs/topics/webhooks/verify-webhook). A key source that cannot
 * be read refuses the webhook (polling still completes the task).
 */
import { Agent, request, type Dispatcher } from "undici";
import type { WebhookVerifier } from "../../services/ports/vendor-webhooks.ts";
import { FAL_JWKS_URL, falKeysFromJwks, verifyFalWebhook } from "./fal-webhook.ts";
import { verifyReplicateWebhook } from "./replicate-webhook.ts";
import { callVendor } from "./vendor-http.ts";

export interface WebhookVerifierOptions {
  readonly falJwksUrl?: string;
  /** Replicate's API (default https://api.replicate.com) and the tokens whose secrets sign webhooks. */
  readonly replicate?: { readonly baseUrl?: string; readonly tokens: readonly string[] };
  readonly dispatcher?: Dispatcher;
  readonly cacheMs?: number;
}

const MAX_BODY_BYTES = 1024 * 1024;

export function createWebhookVerifier(options: WebhookVerifierOptions): WebhookVerifier {
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 10_000 });
  const cacheMs = options.cacheMs ?? 60 * 60_000;
  const cached = <T>(load: () => Promise<T>) => {
    let value: { at: number; data: Promise<T> } | undefined;
    return (): Promise<T> => {
      if (!value || Date.now() - value.at > cacheMs) {
        const data = load();
        value = { at: Date.now(), data };
        // A failed load is not kept: the next webhook tries again.
        data.catch(() => (value = undefined));
      }
      return value.data;
    };
  };
  const jwksUrl = options.falJwksUrl ?? FAL_JWKS_URL;
  const falKeys = cached(async () => {
    const response = await request(jwksUrl, { dispatcher, headersTimeout: 10_000, bodyTimeout: 10_000 });
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new Error(`fal JWKS answered ${response.statusCode}`);
    }
    const text = await response.body.text();
    if (text.length > MAX_BODY_BYTES) throw new Error("fal JWKS too large");
    return falKeysFromJwks(JSON.parse(text));
  });
  const replicateBase = (options.replicate?.baseUrl ?? "https://api.replicate.com").replace(/\/+$/, "");
  const replicateSecrets = cached(async () => {
    const secrets = await Promise.all(
      (options.replicate?.tokens ?? []).map(async (token) => {
        const answer = await callVendor({ dispatcher, origin: new URL(replicateBase).origin, timeoutMs: 10_000 }, "GET", `${replicateBase}/v1/webhooks/default/secret`, { authorization: `Bearer ${token}` });
        const key = (answer.json as { key?: unknown } | undefined)?.key;
        return answer.status === 200 && typeof key === "string" ? key : undefined;
      }),
    );
    return secrets.filter((s): s is string => s !== undefined);
  });

  return {
    async verify(vendor, headers, body, nowSeconds) {
      try {
        if (vendor === "fal") return verifyFalWebhook({ headers, body, keys: await falKeys(), nowSeconds });
        return verifyReplicateWebhook({ headers, body, secrets: await replicateSecrets(), nowSeconds });
      } catch (error) {
        return { ok: false, reason: `the ${vendor} signing keys could not be read: ${(error as Error).message}` };
      }
    },
  };
}
