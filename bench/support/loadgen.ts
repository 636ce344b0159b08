// Runs the load generator worker (loadgen-worker.mjs) against one origin and returns its numbers.
import { Worker } from "node:worker_threads";

export interface RequestSpec {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface LoadOptions {
  readonly origin: string;
  readonly requests: readonly RequestSpec[];
  /** Requests in flight at once (one keep-alive connection each). */
  readonly concurrency: number;
  readonly warmup: { readonly requests: number; readonly ms: number };
  readonly measure: { readonly requests: number; readonly ms: number };
  /** Send each spec at most once (warm-up and measurement together), e.g. one-shot generations. */
  readonly once?: boolean;
  /**
   * Open loop for the measurement: this many requests per second, due on a fixed schedule, latency
   * counted from each one's due time (up to `concurrency` connections). Default: closed loop.
   */
  readonly rate?: number;
  /** The HTTP client: "raw" (raw-http-pool.mjs) or "undici" (default). */
  readonly client?: "raw" | "undici";
  /** Also report the slowest answer per 100 ms of the measurement (`slowestPer100ms`). */
  readonly timeline?: boolean;
}

export interface LoadResult {
  readonly completed: number;
  readonly elapsedMs: number;
  readonly rps: number;
  readonly statuses: Record<string, number>;
  readonly errors: number;
  /** Milliseconds. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** With `timeline`: milliseconds, one entry per 100 ms of send (or due) time. */
  readonly slowestPer100ms?: number[];
  /** With `timeline`: the load generator's own event-loop lateness (ms) per 100 ms. */
  readonly loadgenLagPer100ms?: number[];
  /** When the measurement began (performance.timeOrigin + now, comparable across threads). */
  readonly beginEpochMs: number;
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./loadgen-worker.mjs", import.meta.url), {
      workerData: {
        origin: options.origin,
        connections: options.concurrency,
        concurrency: options.concurrency,
        requests: options.requests,
        warmup: options.warmup,
        measure: options.measure,
        once: options.once === true,
        rate: options.rate ?? 0,
        timeline: options.timeline === true,
        client: options.client ?? "undici",
      },
    });
    let settled = false;
    worker.on("message", (message: { type: string; result?: LoadResult; message?: string }) => {
      if (message.type === "log") console.error(`  loadgen: ${message.message}`);
      else if (message.type === "result") {
        settled = true;
        resolve(message.result!);
      } else if (message.type === "error") {
        settled = true;
        reject(new Error(message.message));
      }
    });
    worker.on("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(`load generator exited with code ${code}`));
    });
  });
}

/** The share of answers with `status` (e.g. 200), for "every request succeeded" checks. */
export const share = (result: LoadResult, status: number): number =>
  result.completed === 0 ? 0 : (result.statuses[String(status)] ?? 0) / result.completed;
