/**
 * fal's queue API as a provider: one submit per attempt, then status polls on the stored request id.
 *
 * Protocol (https://docs.fal.ai/model-apis/model-endpoints/queue):
 * - submit `POST {queue}/{app_id}` with `Authorization: Key <key>` and the model input as JSON →
 *   `{request_id, status_url, response_url, cancel_url}`; with `?fal_webhook=<url>` fal also
 *   POSTs the result there when done (https://docs.fal.ai/model-apis/model-endpoints/webhooks).
 * - status `GET {queue}/{owner}/{app}/requests/{id}/status` → `{status: IN_QUEUE | IN_PROGRESS |
 *   COMPLETED, queue_position?, metrics?}` (the app id without its sub-path, as the page says).
 * - result `GET {queue}/{owner}/{app}/requests/{id}` → the model's output (`images`, `image`,
 *   `video`, `model_mesh`: file objects with a `url`); an error answer when the request failed:
 *   a 4xx with the model's validation errors, or, once fal's own retries gave up, a 5xx
 *   `{detail, error_type}` (https://docs.fal.ai/documentation/model-apis/request-errors).
 * - cancel `PUT {queue}/{owner}/{app}/requests/{id}/cancel` (https://fal.ai/docs/inference-api/queue/cancel).
 * Result files are read by `streamedResults` when the driver stores them (streamed, size-capped,
 * SSRF-guarded, no credentials).
 */
import type { Dispatcher } from "undici";
import type { Provider, ProviderJob, ProviderStatus } from "../../services/ports/provider.ts";
import { finishedStreaming, streamedResults } from "./result-download.ts";
import { vendorConnection, type VendorConnectionOptions } from "./vendor-connection.ts";
import { callVendor, failureOf, garbage, keyFor, pollFailureOf, STATUS_READ_GAP_MS, vendorMessage, VendorUnreachable, type VendorAnswer } from "./vendor-http.ts";
import { vendorInputFor, type InputFor } from "./vendor-input.ts";

export interface FalProviderOptions extends VendorConnectionOptions {
  /** One key per account (account n uses key n−1, wrapping around). */
  readonly keys: readonly string[];
  /** Default `https://queue.fal.run`. */
  readonly baseUrl?: string;
  /** Where fal should POST completions (`GATEAI_PUBLIC_URL` + the webhook path); none: polling only. */
  readonly webhookUrl?: string;
  /** Our job → fal app id and input (default: the routing table). */
  readonly inputFor?: InputFor;
}

interface FalFile {
  readonly url?: unknown;
}

/** `owner/app/sub/path` → `owner/app`: the queue's request paths use the app id without sub-path. */
export const falAppBase = (appId: string): string => appId.split("/").slice(0, 2).join("/");

/** The result URLs of a fal output: previews/images/videos in `result`, meshes in `models`. */
export function falOutputUrls(output: unknown): { results: string[]; models: string[] } {
  const o = (output ?? {}) as Record<string, unknown>;
  const urls = (value: unknown): string[] =>
    (Array.isArray(value) ? value : value ? [value] : [])
      .map((f) => (typeof f === "string" ? f : (f as FalFile)?.url))
      .filter((u): u is string => typeof u === "string");
  return {
    results: [...urls(o.images), ...urls(o.image), ...urls(o.videos), ...urls(o.video)],
    models: [...urls(o.model_mesh), ...urls(o.model_glb)],
  };
}

/**
 * A COMPLETED request's result that is an error. A 5xx with fal's `error_type` is the request's
 * own failure (a timeout, a runner lost), fal's retries already spent: the same answer at every
 * read, so this attempt failed, and another account may run it. A 5xx without one is the result
 * endpoint's trouble: read again at the next poll. A 4xx is the vendor's final word on the
 * request, unless this account lost its access (pollFailureOf).
 */
export function resultFailureOf(result: VendorAnswer): ProviderStatus {
  const errorType = (result.json as { error_type?: unknown } | undefined)?.error_type;
  if (result.status >= 500 && typeof errorType === "string") {
    return { state: "failed", error: `fal could not run the request (${errorType.slice(0, 100)}): ${vendorMessage(result)}`, retryable: true };
  }
  return pollFailureOf("fal", result) ?? { state: "running", progress: 0.9 };
}

export function createFalProvider(options: FalProviderOptions): Provider {
  if (!options.keys.length) throw new Error("fal provider: at least one key is needed");
  const { base, call, policy } = vendorConnection(options, "https://queue.fal.run", "fal");
  const inputFor = options.inputFor ?? vendorInputFor("fal");
  const auth = (job: ProviderJob) => ({ authorization: `Key ${keyFor(options.keys, job.account)}` });

  const submit = async (job: ProviderJob): Promise<ProviderStatus> => {
    const routed = inputFor(job);
    if (!routed.ok) return { state: "failed", error: routed.reason, retryable: false };
    const query = options.webhookUrl ? `?fal_webhook=${encodeURIComponent(options.webhookUrl)}` : "";
    const answer = await callVendor(call, "POST", `${base}/${routed.model}${query}`, auth(job), routed.input);
    if (answer.status < 200 || answer.status >= 300) return failureOf("fal", answer) ?? { state: "running", progress: 0 };
    const id = (answer.json as { request_id?: unknown } | undefined)?.request_id;
    if (typeof id !== "string" || !/^[A-Za-z0-9._-]{1,200}$/.test(id)) return garbage("fal", "a queued request");
    // The app id is stored with the request id: status and result paths need it.
    return { state: "running", progress: 0, upstream: `${routed.model}#${id}` };
  };

  const paths = (ref: string) => {
    const cut = ref.lastIndexOf("#");
    const app = falAppBase(ref.slice(0, cut));
    const id = encodeURIComponent(ref.slice(cut + 1));
    return { request: `${base}/${app}/requests/${id}`, app };
  };

  const check = async (job: ProviderJob, ref: string, now: number): Promise<ProviderStatus> => {
    const { request: requestUrl } = paths(ref);
    const status = await callVendor(call, "GET", `${requestUrl}/status`, auth(job));
    if (status.status < 200 || status.status >= 300) {
      // A request fal no longer knows: this attempt is lost, another one may run it.
      if (status.status === 404) return { state: "failed", error: "fal no longer knows this request (404)", retryable: true };
      return pollFailureOf("fal", status) ?? { state: "running", progress: 0 };
    }
    const body = status.json as { status?: unknown } | undefined;
    if (body?.status === "IN_QUEUE") return { state: "running", progress: 0 };
    if (body?.status === "IN_PROGRESS") {
      // fal reports no percentage: progress grows with time spent running, never reaching 1.
      const elapsed = Math.max(0, now - job.startedAt) / 1000;
      return { state: "running", progress: Math.min(0.9, 1 - Math.exp(-elapsed / 60)) };
    }
    if (body?.status !== "COMPLETED") return garbage("fal", "a queue status");
    const result = await callVendor(call, "GET", requestUrl, auth(job));
    if (result.status < 200 || result.status >= 300) return resultFailureOf(result);
    const { results, models } = falOutputUrls(result.json);
    if (!results.length && !models.length) return garbage("fal", "an output with files");
    const streamed = streamedResults([...results, ...models], policy);
    const metrics = (body as { metrics?: { inference_time?: unknown } }).metrics;
    const seconds = typeof metrics?.inference_time === "number" ? metrics.inference_time : undefined;
    const names = streamed.names;
    return finishedStreaming(streamed, names.slice(0, results.length), names.slice(results.length), seconds !== undefined ? { vendor: "fal", usage: { inference_seconds: seconds } } : undefined);
  };

  return {
    async poll(job, now) {
      try {
        return job.upstream ? await check(job, job.upstream, now) : await submit(job);
      } catch (error) {
        if (error instanceof VendorUnreachable) return { state: "running", progress: 0 };
        throw error;
      }
    },
    statusReadGapMs: () => STATUS_READ_GAP_MS,
    isAttemptOf: (job, notice) => notice.vendor === "fal" && (!job.upstream || job.upstream.slice(job.upstream.lastIndexOf("#") + 1) === notice.requestId),
    async cancel(job) {
      if (!job.upstream) return;
      await callVendor(call, "PUT", `${paths(job.upstream).request}/cancel`, auth(job)).catch(() => undefined);
    },
  };
}
