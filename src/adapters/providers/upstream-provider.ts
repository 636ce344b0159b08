import { posix } from "node:path";
import { Agent, request, type Dispatcher } from "undici";
import type { OutputFile, Provider, ProviderJob, ProviderStatus } from "../../services/ports/provider.ts";

export interface UpstreamProviderOptions {
  /** Base URL of a GateAI-compatible API (POST /api/generate, GET /get/{id}). */
  readonly baseUrl: string;
  /** One API key per pool account: account n uses key n−1 (wrapping around). */
  readonly apiKeys: readonly string[];
  /** Per-request time limit. */
  readonly timeoutMs?: number;
  readonly dispatcher?: Dispatcher;
}

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
 * It keeps no state between polls, like the simulated provider: each poll submits the attempt
 * with `Idempotency-Key: <task>:<attempt>` — the upstream answers a repeat with the task it
 * already created, so a poll after a crash or from another process never starts a second
 * upstream generation — and then reads that task's status. Finished outputs are downloaded.
 */
export function createUpstreamProvider(options: UpstreamProviderOptions): Provider {
  if (!options.apiKeys.length) throw new Error("upstream provider: at least one API key is needed");
  const base = options.baseUrl.replace(/\/+$/, "");
  const timeout = options.timeoutMs ?? 30_000;
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 64 });

  const call = async (method: "GET" | "POST", path: string, key: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await request(path.startsWith("http") ? path : `${base}${path}`, {
      method,
      dispatcher,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return response;
  };

  const download = async (url: string, key: string): Promise<OutputFile> => {
    const response = await call("GET", url, key);
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new Error(`upstream file ${url} answered ${response.statusCode}`);
    }
    const data = new Uint8Array(await response.body.arrayBuffer());
    const name = decodeURIComponent(posix.basename(new URL(url, base).pathname));
    const mediaType = String(response.headers["content-type"] ?? MEDIA_TYPES[posix.extname(name).toLowerCase()] ?? "application/octet-stream").split(";")[0]!;
    return { name, mediaType, data };
  };

  return {
    async poll(job: ProviderJob): Promise<ProviderStatus> {
      const key = options.apiKeys[(job.account - 1) % options.apiKeys.length]!;
      let submitted: Awaited<ReturnType<typeof call>>;
      try {
        submitted = await call("POST", "/api/generate", key, { model: job.model, params: job.params }, { "idempotency-key": `${job.taskId}:${job.attempt}` });
      } catch {
        // Unreachable upstream: not a failed generation; the next poll tries again (the hard deadline bounds it).
        return { state: "running", progress: 0 };
      }
      const accepted = (await submitted.body.json().catch(() => ({}))) as { task_id?: string; error?: string; code?: string };
      if (submitted.statusCode === 429 || submitted.statusCode === 409 || submitted.statusCode >= 500) return { state: "running", progress: 0 };
      if (submitted.statusCode !== 200 || !accepted.task_id) {
        // The upstream refused the request itself (budget, params): another account may accept it.
        return { state: "failed", error: `Upstream refused the generation: ${accepted.error ?? submitted.statusCode}`, retryable: submitted.statusCode === 402 };
      }

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
      const results = await Promise.all((task.result ?? []).map((url) => download(url, key)));
      const models = await Promise.all((task.glb_urls ?? []).map((url) => download(url, key)));
      return {
        state: "finished",
        files: [...results, ...models],
        result: results.map((f) => f.name),
        glb: models.map((f) => f.name),
      };
    },
  };
}
