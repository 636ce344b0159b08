import { Agent, type Dispatcher } from "undici";
import type { Provider, ProviderJob, ProviderStatus, StreamedFiles } from "../../services/ports/provider.ts";
import { createGuardedAgent } from "./guarded-dispatcher.ts";
import { DEFAULT_MAX_DOWNLOAD_BYTES, streamedResults, type DownloadPolicy } from "./result-download.ts";
import { callVendor, garbage, pollFailureOf, rateLimitOf, STATUS_READ_GAP_MS, VendorUnreachable, type VendorCall } from "./vendor-http.ts";

export interface UpstreamProviderOptions {
  /** Base URL of a GateAI-compatible API (POST /api/generate, GET /get/{id}). */
  readonly baseUrl: string;
  /** One API key per pool account: account n uses key n−1 (wrapping around). */
  readonly apiKeys: readonly string[];
  /** Per-request time limit. */
  readonly timeoutMs?: number;
  /** For the upstream's own origin (its API, and result files it serves itself). */
  readonly dispatcher?: Dispatcher;
  /**
   * For result files on any other origin. Default: an agent that refuses non-public addresses
   * when it connects (`createGuardedAgent`).
   */
  readonly downloadDispatcher?: Dispatcher;
  /** The most a result's files may hold together (default 256 MiB). */
  readonly maxDownloadBytes?: number;
}

interface UpstreamTask {
  readonly status?: string;
  readonly result?: readonly string[];
  readonly glb_urls?: readonly string[];
  readonly error?: string;
  readonly progress?: number;
}

/**
 * The real provider: drives a generation on an upstream GateAI-compatible API over HTTP (undici).
 *
 * It keeps no state between polls: the first poll of an attempt submits it (with
 * `Idempotency-Key: <task>:<attempt>`, so a repeat after a crash gets the task already created)
 * and answers the upstream task id, which the driver stores; every later poll is one GET of that
 * task. Finished outputs are downloaded.
 */
export function createUpstreamProvider(options: UpstreamProviderOptions): Provider {
  if (!options.apiKeys.length) throw new Error("upstream provider: at least one API key is needed");
  const base = options.baseUrl.replace(/\/+$/, "");
  const timeout = options.timeoutMs ?? 30_000;
  const origin = new URL(base).origin;
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  const downloadDispatcher = options.downloadDispatcher ?? createGuardedAgent();
  const maxDownloadBytes = options.maxDownloadBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;

  // Calls to the upstream's own API only (callVendor refuses any other origin: the account's key
  // goes nowhere else), each answer read up to callVendor's cap, each call within `timeout`.
  const api: VendorCall = { dispatcher, origin, timeoutMs: timeout };
  /** One call's answer, or undefined when the upstream could not be reached: not a failed generation, the next poll asks again. */
  const reach = (method: "GET" | "POST", path: string, headers: Readonly<Record<string, string>>, body?: unknown) =>
    callVendor(api, method, `${base}${path}`, headers, body).catch((error: unknown) => {
      if (error instanceof VendorUnreachable) return undefined;
      throw error;
    });

  /**
   * Result files are read the way every vendor adapter's are (result-download.ts): the
   * upstream's own origin with the account's key, any other origin an https URL the upstream
   * chose, through the guarded agent and without credentials, no redirects, size-capped. A
   * relative URL is the upstream's, under its base URL.
   */
  const download = (urls: readonly string[], key: string): StreamedFiles => {
    const full = urls.map((url) => (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//") ? url : url.startsWith("/") ? `${base}${url}` : `${base}/${url}`));
    const policy: DownloadPolicy = { label: "Upstream", origin, dispatcher, downloadDispatcher, maxBytes: maxDownloadBytes, timeoutMs: timeout, originHeaders: { authorization: `Bearer ${key}` } };
    return streamedResults(full, policy);
  };

  /**
   * Submits the attempt once: `Idempotency-Key: <task>:<attempt>` makes the upstream answer a
   * repeat (a crash before the task id was stored) with the task it already created.
   */
  const submit = async (job: ProviderJob, key: string): Promise<ProviderStatus> => {
    const headers = { authorization: `Bearer ${key}`, "idempotency-key": `${job.taskId}:${job.attempt}` };
    const submitted = await reach("POST", "/api/generate", headers, { model: job.model, params: job.params });
    // Unreachable upstream: the next poll tries again (the hard deadline bounds it).
    if (!submitted) return { state: "running", progress: 0 };
    const accepted = (submitted.json ?? {}) as { task_id?: unknown; error?: unknown };
    // 409: the same Idempotency-Key is still being answered; 5xx: nothing learned. Asked again at the next poll.
    if (submitted.status === 409 || submitted.status >= 500) return { state: "running", progress: 0 };
    // 429: this account's key is at its limits upstream, another account may run it now.
    if (submitted.status === 429) return { state: "failed", error: "Upstream is rate limiting this account (429)", retryable: true, rateLimited: rateLimitOf(submitted) };
    if (submitted.status !== 200 || typeof accepted.task_id !== "string" || !accepted.task_id) {
      // The upstream refused the request itself (budget, params): another account may accept it.
      return { state: "failed", error: `Upstream refused the generation: ${typeof accepted.error === "string" ? accepted.error.slice(0, 500) : submitted.status}`, retryable: submitted.status === 402 };
    }
    return { state: "running", progress: 0, upstream: accepted.task_id };
  };

  return {
    async poll(job: ProviderJob): Promise<ProviderStatus> {
      const key = options.apiKeys[(job.account - 1) % options.apiKeys.length]!;
      // One POST per attempt; every later poll is one GET of the stored upstream task.
      if (!job.upstream) return submit(job, key);
      const accepted = { task_id: job.upstream };

      const polled = await reach("GET", `/get/${encodeURIComponent(accepted.task_id)}`, { authorization: `Bearer ${key}` });
      // Unreachable: nothing learned, asked again at the next poll.
      if (!polled) return { state: "running", progress: 0 };
      if (polled.status !== 200) {
        // A task the upstream no longer knows (its retention, another upstream behind the URL): this attempt is lost, another may run.
        if (polled.status === 404) return { state: "failed", error: "Upstream no longer knows this task (404)", retryable: true };
        // 401/402/403: this account lost its task; 429 and 5xx: asked again; any other, the upstream's word on it.
        return pollFailureOf("Upstream", polled) ?? { state: "running", progress: 0 };
      }
      // An answer that is not a task (a proxy's maintenance page, over the answer cap): nothing learned, asked again.
      if (typeof polled.json !== "object" || polled.json === null) return { state: "running", progress: 0 };
      const task = polled.json as UpstreamTask;
      if (task.status === "FAILED") return { state: "failed", error: typeof task.error === "string" ? task.error.slice(0, 500) : "Upstream generation failed", retryable: true };
      if (task.status !== "FINISHED") {
        const progress = typeof task.progress === "number" ? task.progress / 100 : 0;
        return { state: "running", progress: Math.min(0.99, Math.max(0, progress)) };
      }
      const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
      const resultUrls = list(task.result);
      const urls = [...resultUrls, ...list(task.glb_urls)];
      // FINISHED with nothing to show is not a result the client can be charged for.
      if (urls.length === 0) return garbage("Upstream", "a finished task with its result");
      const streamed = download(urls, key);
      return {
        state: "finished",
        files: [],
        streamed,
        result: streamed.names.slice(0, resultUrls.length),
        glb: streamed.names.slice(resultUrls.length),
      };
    },
    statusReadGapMs: () => STATUS_READ_GAP_MS,
  };
}
