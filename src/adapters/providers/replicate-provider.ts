/**
 * Replicate's predictions API as a provider: one create per attempt, then gets on the stored id.
 *
 * Protocol (https://replicate.com/docs/reference/http):
 * - create `POST /v1/models/{owner}/{name}/predictions` (an official model), or
 *   `POST /v1/predictions` with `version` (a route id `owner/name:version`), body `{input,
 *   webhook?, webhook_events_filter?}`, `Authorization: Bearer <token>` → 201 `{id, status, urls}`.
 * - get `GET /v1/predictions/{id}` → `{status: starting | processing | succeeded | failed |
 *   canceled, output, error, logs, metrics: {predict_time}}`; `output` is a URL or a list of URLs.
 * - cancel `POST /v1/predictions/{id}/cancel`.
 * - webhooks are signed as https://replicate.com/docs/topics/webhooks/verify-webhook says
 *   (`replicate-webhook.ts`).
 * Result files are read by `streamedResults` when the driver stores them (streamed, size-capped,
 * SSRF-guarded, no credentials). Replicate's output is a bare list of URLs: a `.glb` one is a 3D
 * model, the others are results (the names are needed before any file is read).
 */
import type { Dispatcher } from "undici";
import type { Provider, ProviderJob, ProviderStatus } from "../../services/ports/provider.ts";
import { finishedStreaming, mediaTypeOf, streamedResults } from "./result-download.ts";
import { vendorConnection, type VendorConnectionOptions } from "./vendor-connection.ts";
import { callVendor, failureOf, garbage, keyFor, pollFailureOf, STATUS_READ_GAP_MS, VendorUnreachable } from "./vendor-http.ts";
import { vendorInputFor, type InputFor } from "./vendor-input.ts";

export interface ReplicateProviderOptions extends VendorConnectionOptions {
  /** One API token per account (account n uses token n−1, wrapping around). */
  readonly tokens: readonly string[];
  /** Default `https://api.replicate.com`. */
  readonly baseUrl?: string;
  /** Where Replicate should POST the completed prediction; none: polling only. */
  readonly webhookUrl?: string;
  readonly inputFor?: InputFor;
}

interface Prediction {
  readonly id?: unknown;
  readonly status?: unknown;
  readonly output?: unknown;
  readonly error?: unknown;
  readonly logs?: unknown;
  readonly metrics?: { readonly predict_time?: unknown };
}

/** The last percentage a model printed in its logs (a progress bar), as 0..1. */
export function progressFromLogs(logs: unknown): number {
  if (typeof logs !== "string") return 0;
  const tail = logs.slice(-2000);
  const matches = [...tail.matchAll(/(\d{1,3})%/g)];
  const last = matches.length ? Number(matches[matches.length - 1]![1]) : 0;
  return Math.min(0.9, Math.max(0, last / 100));
}

const isId = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{1,200}$/.test(value);

export function createReplicateProvider(options: ReplicateProviderOptions): Provider {
  if (!options.tokens.length) throw new Error("replicate provider: at least one token is needed");
  const { base, call, policy } = vendorConnection(options, "https://api.replicate.com", "replicate");
  const inputFor = options.inputFor ?? vendorInputFor("replicate");
  const auth = (job: ProviderJob) => ({ authorization: `Bearer ${keyFor(options.tokens, job.account)}` });

  const submit = async (job: ProviderJob): Promise<ProviderStatus> => {
    const routed = inputFor(job);
    if (!routed.ok) return { state: "failed", error: routed.reason, retryable: false };
    const [name, version] = routed.model.split(":");
    const hook = options.webhookUrl ? { webhook: options.webhookUrl, webhook_events_filter: ["completed"] } : {};
    const answer = version
      ? await callVendor(call, "POST", `${base}/v1/predictions`, auth(job), { version, input: routed.input, ...hook })
      : await callVendor(call, "POST", `${base}/v1/models/${name}/predictions`, auth(job), { input: routed.input, ...hook });
    if (answer.status < 200 || answer.status >= 300) return failureOf("replicate", answer) ?? { state: "running", progress: 0 };
    const id = (answer.json as Prediction | undefined)?.id;
    if (!isId(id)) return garbage("replicate", "a prediction");
    return { state: "running", progress: 0, upstream: id };
  };

  const check = async (job: ProviderJob, id: string): Promise<ProviderStatus> => {
    const answer = await callVendor(call, "GET", `${base}/v1/predictions/${encodeURIComponent(id)}`, auth(job));
    if (answer.status === 404) return { state: "failed", error: "replicate no longer knows this prediction (404)", retryable: true };
    if (answer.status < 200 || answer.status >= 300) return pollFailureOf("replicate", answer) ?? { state: "running", progress: 0 };
    const prediction = answer.json as Prediction | undefined;
    switch (prediction?.status) {
      case "starting":
        return { state: "running", progress: 0 };
      case "processing":
        return { state: "running", progress: progressFromLogs(prediction.logs) };
      case "failed":
        // The model ran and refused or broke on this input: final, with Replicate's words.
        return { state: "failed", error: `replicate: ${String(prediction.error ?? "the prediction failed").slice(0, 500)}`, retryable: false };
      case "canceled":
        return { state: "failed", error: "replicate: the prediction was canceled", retryable: true };
      case "succeeded":
        break;
      default:
        return garbage("replicate", "a prediction status");
    }
    const output = prediction.output;
    const urls = (Array.isArray(output) ? output : [output]).filter((u): u is string => typeof u === "string");
    if (!urls.length) return garbage("replicate", "an output with files");
    const streamed = streamedResults(urls, policy);
    const isModel = (name: string) => mediaTypeOf(undefined, name) === "model/gltf-binary";
    const seconds = prediction.metrics?.predict_time;
    const names = streamed.names;
    return finishedStreaming(streamed, names.filter((name) => !isModel(name)), names.filter(isModel), typeof seconds === "number" ? { vendor: "replicate", usage: { predict_seconds: seconds } } : undefined);
  };

  return {
    async poll(job) {
      try {
        return job.upstream ? await check(job, job.upstream) : await submit(job);
      } catch (error) {
        if (error instanceof VendorUnreachable) return { state: "running", progress: 0 };
        throw error;
      }
    },
    statusReadGapMs: () => STATUS_READ_GAP_MS,
    isAttemptOf: (job, notice) => notice.vendor === "replicate" && (!job.upstream || job.upstream === notice.requestId),
    async cancel(job) {
      if (!job.upstream) return;
      await callVendor(call, "POST", `${base}/v1/predictions/${encodeURIComponent(job.upstream)}/cancel`, auth(job)).catch(() => undefined);
    },
  };
}
