/**
 * Worker-thread entry: renders outputs off the main thread, so a video or a large image does not
 * stall the event loop that serves requests and subscriptions.
 */
import { parentPort } from "node:worker_threads";
import type { ProviderOutput } from "../provider.ts";
import { renderOutputs } from "./index.ts";

interface RenderRequest {
  readonly id: number;
  readonly model: string;
  readonly output: ProviderOutput;
  readonly params: Readonly<Record<string, unknown>>;
}

parentPort?.on("message", async (request: RenderRequest) => {
  try {
    const rendered = await renderOutputs(request.model, request.output, request.params);
    const transfer = rendered.files.map((f) => f.data.buffer as ArrayBuffer);
    parentPort!.postMessage({ id: request.id, rendered }, transfer);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});

// Requests sent before this module finished loading would be lost: say when it listens.
parentPort?.postMessage({ ready: true });
