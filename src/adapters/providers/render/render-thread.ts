import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ProviderOutput } from "../../../services/ports/provider.ts";
import type { RenderedOutputs } from "./index.ts";

export type Renderer = (model: string, output: ProviderOutput, params: Readonly<Record<string, unknown>>) => Promise<RenderedOutputs>;

/**
 * Renders in one worker thread, started on first use and not keeping the process alive.
 * The worker runs TypeScript through tsx's loader, registered before the worker module is
 * imported (Node 20 does not apply `--import` hooks to a worker's entry file).
 */
export function createRenderThread(): { render: Renderer; close(): Promise<void> } {
  let worker: { thread: Worker; ready: Promise<void> } | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (r: RenderedOutputs) => void; reject: (e: Error) => void }>();

  const start = () => {
    // The ESM build of tsx's API (require.resolve would pick the CommonJS one).
    const tsxApi = new URL("dist/esm/api/index.mjs", pathToFileURL(createRequire(import.meta.url).resolve("tsx/package.json"))).href;
    const entry = new URL("./render-worker.ts", import.meta.url).href;
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    const started = new Worker(bootstrap, { eval: true });
    started.unref();
    let markReady!: () => void;
    let failReady!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    ready.catch(() => undefined);
    started.on("message", (message: { id: number; ready?: boolean; rendered?: RenderedOutputs; error?: string }) => {
      if (message.ready) return markReady();
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.rendered) waiter.resolve(message.rendered);
      else waiter.reject(new Error(`rendering failed: ${message.error}`));
    });
    const failAll = (error: Error) => {
      worker = undefined;
      failReady(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    };
    started.on("error", failAll);
    started.on("exit", (code) => failAll(new Error(`render worker exited with code ${code}`)));
    return { thread: started, ready };
  };

  return {
    async render(model, output, params) {
      worker ??= start();
      const { thread, ready } = worker;
      await ready;
      const id = next++;
      return new Promise<RenderedOutputs>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        thread.postMessage({ id, model, output, params });
      });
    },
    async close() {
      const running = worker;
      worker = undefined;
      if (running) await running.thread.terminate();
    },
  };
}
