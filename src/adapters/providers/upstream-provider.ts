import { posix } from "node:path";
import { Agent, request, type Dispatcher } from "undici";
import { parseReferenceUrl } from "../../engine/references.ts";
import type { OutputFile, Provider, ProviderJob, ProviderStatus } from "../../services/ports/provider.ts";
import { createGuardedAgent } from "./guarded-dispatcher.ts";
import { resultFileName } from "./result-download.ts";

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
  /** Largest result file downloaded (default 512 MiB). */
  readonly maxDownloadBytes?: number;
}

/** A result the gateway will not download however often it is asked: the attempt fails. */
class RefusedDownload extends Error {}

interface UpstreamTask {
  readonly status?: string;
  readonly result?: readonly string[];
  readonly glb_urls?: readonly string[];
  readonly error?: string;
  readonly progress?: number;
}

const MEDIA_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".glb": "model/gltf-binary",
};

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
  const maxDownloadBytes = options.maxDownloadBytes ?? 512 * 1024 * 1024;

  const call = async (method: "GET" | "POST", path: string, key: string, body?: unknown, headers: Record<string, string> = {}) => {
    // Only the upstream's own API: the account's key goes nowhere else.
    const response = await request(`${base}${path}`, {
      method,
      dispatcher,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return response;
  };

  /**
   * Where a result URL may be fetched from, and with what. The upstream's own origin (relative
   * URLs included) is the operator's choice: fetched as configured, with the account's key.
   * Any other origin is an address the upstream chose: it must be an https URL that passes the
   * reference syntax check, it is fetched through the guarded agent (public addresses only, checked
   * at connection time), and never with the upstream's Authorization.
   */
  const target = (url: string): { href: string; trusted: boolean } => {
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//");
    let resolved: URL;
    try {
      resolved = new URL(absolute ? url : url.startsWith("/") ? `${base}${url}` : `${base}/${url}`);
    } catch {
      throw new RefusedDownload(`the result URL ${JSON.stringify(url.slice(0, 200))} is not a URL`);
    }
    if (resolved.origin === origin) return { href: resolved.href, trusted: true };
    const parsed = parseReferenceUrl(url);
    if (!parsed.ok) throw new RefusedDownload(`the result URL ${JSON.stringify(url.slice(0, 200))} ${parsed.reason.replace(/, a data: URI or an upload id$/, "")}`);
    return { href: parsed.href, trusted: false };
  };


  const download = async (url: string, key: string, index: number): Promise<OutputFile> => {
    const { href, trusted } = target(url);
    const response = await request(href, {
      method: "GET",
      dispatcher: trusted ? dispatcher : downloadDispatcher,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      // Redirects are not followed (undici's request never does): a 3xx is refused below.
      headers: trusted ? { authorization: `Bearer ${key}` } : {},
    }).catch((error: unknown) => {
      if ((error as { code?: string }).code === "EADDRBLOCKED") throw new RefusedDownload(`the result URL ${href} ${(error as Error).message}`);
      throw error;
    });
    if (response.statusCode !== 200) {
      await response.body.dump();
      if (response.statusCode >= 300 && response.statusCode < 400) throw new RefusedDownload(`the result URL ${href} redirects (${response.statusCode}); redirects are not followed`);
      throw new Error(`upstream file ${href} answered ${response.statusCode}`);
    }
    const tooLarge = () => new RefusedDownload(`the result file ${href} is larger than ${maxDownloadBytes} bytes`);
    if (Number(response.headers["content-length"] ?? 0) > maxDownloadBytes) {
      response.body.on("error", () => undefined).destroy();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    // Leaving the loop early (break) closes the body: nothing more is read.
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > maxDownloadBytes) break;
      chunks.push(chunk);
    }
    if (size > maxDownloadBytes) throw tooLarge();
    const data = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      data.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const name = resultFileName(href, index);
    const header = response.headers["content-type"];
    const declared = Array.isArray(header) ? header[0] : header;
    const mediaType = (declared ?? MEDIA_TYPES[posix.extname(name).toLowerCase()] ?? "application/octet-stream").split(";")[0]!.trim().toLowerCase();
    return { name, mediaType, data };
  };

  /**
   * Submits the attempt once: `Idempotency-Key: <task>:<attempt>` makes the upstream answer a
   * repeat (a crash before the task id was stored) with the task it already created.
   */
  const submit = async (job: ProviderJob, key: string): Promise<ProviderStatus> => {
    let submitted: Awaited<ReturnType<typeof call>>;
    try {
      submitted = await call("POST", "/api/generate", key, { model: job.model, params: job.params }, { "idempotency-key": `${job.taskId}:${job.attempt}` });
    } catch {
      // Unreachable upstream: not a failed generation; the next poll tries again (the hard deadline bounds it).
      return { state: "running", progress: 0 };
    }
    const accepted = (await submitted.body.json().catch(() => ({}))) as { task_id?: string; error?: string; code?: string };
    if (submitted.statusCode === 429 || submitted.statusCode === 409 || submitted.statusCode >= 500) return { state: "running", progress: 0 };
    if (submitted.statusCode !== 200 || typeof accepted.task_id !== "string" || !accepted.task_id) {
      // The upstream refused the request itself (budget, params): another account may accept it.
      return { state: "failed", error: `Upstream refused the generation: ${accepted.error ?? submitted.statusCode}`, retryable: submitted.statusCode === 402 };
    }
    return { state: "running", progress: 0, upstream: accepted.task_id };
  };

  return {
    async poll(job: ProviderJob): Promise<ProviderStatus> {
      const key = options.apiKeys[(job.account - 1) % options.apiKeys.length]!;
      // One POST per attempt; every later poll is one GET of the stored upstream task.
      if (!job.upstream) return submit(job, key);
      const accepted = { task_id: job.upstream };

      const polled = await call("GET", `/get/${encodeURIComponent(accepted.task_id)}`, key).catch(() => undefined);
      if (!polled || polled.statusCode !== 200) {
        await polled?.body.dump();
        return { state: "running", progress: 0 };
      }
      const task = (await polled.body.json()) as UpstreamTask;
      if (task.status === "FAILED") return { state: "failed", error: task.error ?? "Upstream generation failed", retryable: true };
      if (task.status !== "FINISHED") {
        const progress = typeof task.progress === "number" ? task.progress / 100 : 0;
        return { state: "running", progress: Math.min(0.99, Math.max(0, progress)) };
      }
      const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
      const resultUrls = list(task.result);
      const urls = [...resultUrls, ...list(task.glb_urls)];
      let downloaded: OutputFile[];
      try {
        downloaded = await Promise.all(urls.map((url, index) => download(url, key, index)));
      } catch (error) {
        // A refused result stays refused: fail the attempt (a network error throws: polled again).
        if (error instanceof RefusedDownload) return { state: "failed", error: `Upstream result refused: ${error.message}`, retryable: false };
        throw error;
      }
      const results = downloaded.slice(0, resultUrls.length);
      const models = downloaded.slice(resultUrls.length);
      return {
        state: "finished",
        files: [...results, ...models],
        result: results.map((f) => f.name),
        glb: models.map((f) => f.name),
      };
    },
  };
}
