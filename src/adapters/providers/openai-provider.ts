/**
 * OpenAI's Images API as a provider: a synchronous `POST /v1/images/generations` per attempt
 * (https://platform.openai.com/docs/api-reference/images/create): `{model, prompt, n, size,
 * quality, output_format, background}` with `Authorization: Bearer <key>` → `{created, data:
 * [{b64_json} | {url}], usage}`. GPT Image models answer base64; a `url` answer is read by
 * `streamedResults` when the driver stores it (streamed, size-capped, SSRF-guarded, no credentials).
 *
 * The call can take minutes, and the driver's pass must not wait for it: the first poll starts it
 * in this process and answers `running` with a handle; later polls collect the outcome. OpenAI
 * keeps no job to come back to, so a handle whose call this process does not hold (a restart, or
 * another process took the task over) is a lost attempt: a retryable failure, and the driver runs
 * the task again on an account (the spec's attempt limit and refund rules apply).
 */
import { randomUUID } from "node:crypto";
import { Agent, type Dispatcher } from "undici";
import type { OutputFile, Provider, ProviderJob, ProviderStatus } from "../../services/ports/provider.ts";
import { createGuardedAgent } from "./guarded-dispatcher.ts";
import { DEFAULT_MAX_DOWNLOAD_BYTES, MEDIA_TYPES, streamedResults, type DownloadPolicy } from "./result-download.ts";
import { callVendor, failureOf, garbage, keyFor, VendorUnreachable, type VendorCall } from "./vendor-http.ts";
import type { VendorConnectionOptions } from "./vendor-connection.ts";
import { vendorInputFor, type InputFor } from "./vendor-input.ts";

export interface OpenAIProviderOptions extends VendorConnectionOptions {
  readonly keys: readonly string[];
  /** Default `https://api.openai.com`. */
  readonly baseUrl?: string;
  /** Per call; default 10 minutes (a high-quality image can take a few). */
  readonly timeoutMs?: number;
  readonly inputFor?: InputFor;
}

interface ImagesResponse {
  readonly data?: readonly { readonly b64_json?: unknown; readonly url?: unknown }[];
  readonly usage?: Readonly<Record<string, unknown>>;
  readonly output_format?: unknown;
}

export function createOpenAIProvider(options: OpenAIProviderOptions): Provider {
  if (!options.keys.length) throw new Error("openai provider: at least one key is needed");
  const base = (options.baseUrl ?? "https://api.openai.com").replace(/\/+$/, "");
  const origin = new URL(base).origin;
  const timeoutMs = options.timeoutMs ?? 600_000;
  const maxBytes = options.maxDownloadBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  // The answer carries the images in base64 (4 bytes per 3): bounded by the download cap.
  const call: VendorCall = { dispatcher, origin, timeoutMs, maxAnswerBytes: Math.ceil((maxBytes * 4) / 3) + 64 * 1024 };
  const policy: DownloadPolicy = { label: "openai", origin, dispatcher, downloadDispatcher: options.downloadDispatcher ?? createGuardedAgent(), maxBytes, timeoutMs };
  const inputFor = options.inputFor ?? vendorInputFor("openai");
  /** Calls this process started and has not given up, by handle, until their outcome is in: how to end each. */
  const inFlight = new Map<string, AbortController>();
  /**
   * Outcomes by handle, with when their attempt started and when they were first answered: an
   * answered one is kept a while for a repeated poll (a storage failure makes the driver ask
   * again); one never asked for goes once its attempt is past the spec's hard limit, when no
   * driver polls it any more.
   */
  const outcomes = new Map<string, { status: ProviderStatus; startedAt: number; answeredAt?: number }>();
  const KEEP_ANSWERED_MS = 10 * 60_000;
  const KEEP_UNREAD_MS = 60 * 60_000;
  const forget = (now: number) => {
    for (const [handle, o] of outcomes) {
      if ((o.answeredAt !== undefined && now - o.answeredAt > KEEP_ANSWERED_MS) || now - o.startedAt > KEEP_UNREAD_MS) outcomes.delete(handle);
    }
  };

  const generate = async (job: ProviderJob, model: string, input: Record<string, unknown>, stop: AbortSignal): Promise<ProviderStatus> => {
    const key = keyFor(options.keys, job.account);
    let answer;
    try {
      answer = await callVendor(call, "POST", `${base}/v1/images/generations`, { authorization: `Bearer ${key}` }, { model, ...input }, stop);
    } catch (error) {
      if (error instanceof VendorUnreachable) return { state: "failed", error: `openai: ${error.message}`, retryable: true };
      throw error;
    }
    // A 429 of type `insufficient_quota` is the account's billing (no credit left, a spend limit),
    // not a rate: resting it a few seconds changes nothing, so it counts as the account refused,
    // towards its lock (https://platform.openai.com/docs/guides/error-codes).
    if (answer.status === 429 && (answer.json as { error?: { type?: unknown } } | undefined)?.error?.type === "insufficient_quota") {
      return { state: "failed", error: "openai refused this account (429: its quota is spent)", retryable: true };
    }
    if (answer.status < 200 || answer.status >= 300) return failureOf("openai", answer) ?? { state: "failed", error: `openai answered ${answer.status}`, retryable: true };
    const body = answer.json as ImagesResponse | undefined;
    if (!body || !Array.isArray(body.data) || !body.data.length) return garbage("openai", "an images response");
    const format = typeof input.output_format === "string" ? input.output_format : typeof body.output_format === "string" ? body.output_format : "png";
    const extension = format === "jpeg" ? "jpg" : format;
    const files: OutputFile[] = [];
    const urls: string[] = [];
    for (const [index, item] of body.data.entries()) {
      if (typeof item.b64_json === "string") {
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(item.b64_json)) return garbage("openai", "base64 image data");
        const data = Buffer.from(item.b64_json, "base64");
        if (data.byteLength > maxBytes) return { state: "failed", error: `openai: an image larger than ${maxBytes} bytes`, retryable: false };
        const name = `image-${index + 1}.${extension}`;
        files.push({ name, mediaType: MEDIA_TYPES[`.${extension}`] ?? "image/png", data });
      } else if (typeof item.url === "string") {
        urls.push(item.url);
      } else {
        return garbage("openai", "an image (b64_json or url)");
      }
    }
    // One cap for the whole result: what came inline counts against what may be downloaded.
    const inline = files.reduce((sum, f) => sum + f.data.byteLength, 0);
    if (urls.length && inline >= maxBytes) return { state: "failed", error: `openai: a result larger than ${maxBytes} bytes`, retryable: false };
    const names = files.map((f) => f.name);
    const streamed = urls.length ? streamedResults(urls, Object.assign({}, policy, { maxBytes: maxBytes - inline }), names) : undefined;
    const usage = Object.fromEntries(Object.entries(body.usage ?? {}).filter((e): e is [string, number] => typeof e[1] === "number"));
    return {
      state: "finished",
      files,
      ...(streamed ? { streamed } : {}),
      result: [...names, ...(streamed?.names ?? [])],
      glb: [],
      ...(Object.keys(usage).length ? { vendorCost: { vendor: "openai", usage } } : {}),
    };
  };

  return {
    async poll(job, now) {
      if (!job.upstream) {
        const routed = inputFor(job);
        if (!routed.ok) return { state: "failed", error: routed.reason, retryable: false };
        const handle = `${job.taskId}:${job.attempt}:${randomUUID()}`;
        const stop = new AbortController();
        const running = generate(job, routed.model, routed.input, stop.signal).catch(
          (error: unknown): ProviderStatus => ({ state: "failed", error: `openai: ${(error as Error).message}`, retryable: true }),
        );
        inFlight.set(handle, stop);
        void running.then((status) => {
          // A call given up (cancel) keeps nothing.
          if (inFlight.delete(handle)) outcomes.set(handle, { status, startedAt: job.startedAt });
        });
        return { state: "running", progress: 0, upstream: handle };
      }
      forget(now);
      const outcome = outcomes.get(job.upstream);
      if (outcome) {
        outcome.answeredAt ??= now;
        return outcome.status;
      }
      if (inFlight.has(job.upstream)) {
        const elapsed = Math.max(0, now - job.startedAt) / 1000;
        return { state: "running", progress: Math.min(0.9, 1 - Math.exp(-elapsed / 40)) };
      }
      return { state: "failed", error: "openai: the synchronous request was lost with the process that made it", retryable: true };
    },
    async cancel(job) {
      if (!job.upstream) return;
      // The call still running is ended, and nothing of it is kept.
      inFlight.get(job.upstream)?.abort();
      inFlight.delete(job.upstream);
      outcomes.delete(job.upstream);
    },
  };
}
