/**
 * The webhook verifier port over the vendors' published keys: fal's JWKS (fetched from
 * `FAL_JWKS_URL`, kept an hour: https://docs.fal.ai/model-apis/model-endpoints/webhooks) and
 * Replicate's signing secret of each configured token (`GET /v1/webhooks/default/secret`, kept
 * an hour: https://replicate.com/docs/topics/webhooks/verify-webhook). A key source that cannot
 * be read refuses the webhook (polling still completes the task).
 */
import { Agent, type Dispatcher } from "undici";
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
/** How long keys read with a part missing (a token whose secret could not be read) are kept before they are read again. */
const PARTIAL_CACHE_MS = 60_000;

export function createWebhookVerifier(options: WebhookVerifierOptions): WebhookVerifier {
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 10_000 });
  const cacheMs = options.cacheMs ?? 60 * 60_000;
  /** A load kept `cacheMs`, or the shorter time it says; a failed load is not kept: the next webhook tries again. */
  const cached = <T>(load: () => Promise<{ readonly keys: T; readonly keepMs?: number }>) => {
    let value: { until: number; data: Promise<{ readonly keys: T; readonly keepMs?: number }> } | undefined;
    return async (): Promise<T> => {
      if (!value || Date.now() > value.until) {
        const data = load();
        const entry = { until: Date.now() + cacheMs, data };
        value = entry;
        data.then(
          (loaded) => {
            if (loaded.keepMs !== undefined) entry.until = Math.min(entry.until, Date.now() + loaded.keepMs);
          },
          () => {
            if (value === entry) value = undefined;
          },
        );
      }
      return (await value.data).keys;
    };
  };
  // The keys' sources are read as vendor answers are: at most MAX_BODY_BYTES, within 10 s as a whole.
  const keySource = (url: string) => ({ dispatcher, origin: new URL(url).origin, timeoutMs: 10_000, maxAnswerBytes: MAX_BODY_BYTES });
  const jwksUrl = options.falJwksUrl ?? FAL_JWKS_URL;
  const falKeys = cached(async () => {
    const answer = await callVendor(keySource(jwksUrl), "GET", jwksUrl, {});
    if (answer.status !== 200 || answer.json === undefined) throw new Error(`fal JWKS answered ${answer.status}${answer.json === undefined ? " without a JSON body of at most 1 MiB" : ""}`);
    return { keys: falKeysFromJwks(answer.json) };
  });
  const replicateBase = (options.replicate?.baseUrl ?? "https://api.replicate.com").replace(/\/+$/, "");
  const replicateSecrets = cached(async () => {
    const tokens = options.replicate?.tokens ?? [];
    const secrets = await Promise.all(
      tokens.map(async (token) => {
        const answer = await callVendor(keySource(replicateBase), "GET", `${replicateBase}/v1/webhooks/default/secret`, { authorization: `Bearer ${token}` }).catch(() => undefined);
        const key = (answer?.json as { key?: unknown } | undefined)?.key;
        return answer?.status === 200 && typeof key === "string" ? key : undefined;
      }),
    );
    const read = secrets.filter((s): s is string => s !== undefined);
    // A secret that could not be read is asked for again soon, not in an hour.
    return read.length === tokens.length ? { keys: read } : { keys: read, keepMs: PARTIAL_CACHE_MS };
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
