import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { workerEntry } from "../../../kernel/worker-entry.ts";
import type { ProviderOutput } from "../../../services/ports/provider.ts";
import type { RenderedOutputs } from "./index.ts";

export type Renderer = (model: string, output: ProviderOutput, params: Readonly<Record<string, unknown>>) => Promise<RenderedOutputs>;

export interface RenderThreadOptions {
  /**
   * Ends the worker (and frees its V8 isolate) after this long without a render; the next render
   * starts a new one. 0 keeps it until close(). Default 60 s.
   */
  readonly idleMs?: number;
}

export interface RenderThread {
  readonly render: Renderer;
  /** The worker's thread id while one runs (started on the first render), otherwise undefined. */
  readonly threadId: number | undefined;
  close(): Promise<void>;
}

/** The render worker's entry file (compiled JavaScript; see kernel/worker-entry.ts). */
export function renderWorkerEntry(moduleUrl: string = import.meta.url): URL {
  return workerEntry(moduleUrl, "render-worker");
}

/**
 * Renders in one worker thread, started on first use, ended after a while without work, and never
 * keeping the process alive. A worker is a whole V8 isolate (several MB of heap and code), so an
 * idle gateway holds none.
 */
export function createRenderThread(options: RenderThreadOptions = {}): RenderThread {
  const idleMs = options.idleMs ?? 60_000;
  type Waiter = { resolve: (r: RenderedOutputs) => void; reject: (e: Error) => void };
  type Running = { thread: Worker; ready: Promise<void>; pending: Map<number, Waiter> };
  let worker: Running | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let next = 0;

  const start = (): Running => {
    const entry = renderWorkerEntry();
    if (!existsSync(entry)) throw new Error(`render worker not built: ${fileURLToPath(entry)} is missing (run \`npm run build\`)`);
    const thread = new Worker(entry);
    thread.unref();
    let markReady!: () => void;
    let failReady!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    ready.catch(() => undefined);
    // Each worker answers only its own requests: one ended for idleness may still report its exit
    // after the next one has started.
    const running: Running = { thread, ready, pending: new Map() };
    thread.on("message", (message: { id: number; ready?: boolean; rendered?: RenderedOutputs; error?: string }) => {
      if (message.ready) return markReady();
      const waiter = running.pending.get(message.id);
      if (!waiter) return;
      running.pending.delete(message.id);
      if (message.rendered) waiter.resolve(message.rendered);
      else waiter.reject(new Error(`rendering failed: ${message.error}`));
      if (running.pending.size === 0 && worker === running) scheduleIdleStop(running);
    });
    const failAll = (error: Error) => {
      if (worker === running) worker = undefined;
      failReady(error);
      for (const waiter of running.pending.values()) waiter.reject(error);
      running.pending.clear();
    };
    thread.on("error", failAll);
    thread.on("exit", (code) => failAll(new Error(`render worker exited with code ${code}`)));
    return running;
  };

  const scheduleIdleStop = (running: Running) => {
    if (idleMs <= 0) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (worker !== running || running.pending.size > 0) return;
      worker = undefined;
      void running.thread.terminate();
    }, idleMs);
    idleTimer.unref();
  };

  return {
    async render(model, output, params) {
      clearTimeout(idleTimer);
      const running = (worker ??= start());
      await running.ready;
      const id = next++;
      return new Promise<RenderedOutputs>((resolve, reject) => {
        running.pending.set(id, { resolve, reject });
        running.thread.postMessage({ id, model, output, params });
      });
    },
    get threadId() {
      return worker?.thread.threadId;
    },
    async close() {
      clearTimeout(idleTimer);
      const running = worker;
      worker = undefined;
      if (running) await running.thread.terminate();
    },
  };
}
