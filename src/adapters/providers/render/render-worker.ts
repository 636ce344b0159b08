/**
 * Worker-thread entry: renders outputs off the main thread, so a video or a large image does not
 * stall the event loop that serves requests and subscriptions.
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import type { ProviderOutput } from "../../../services/ports/provider.ts";
import { renderOutputs } from "./index.ts";

// Rendering the simulation's files is background work: on a busy machine the threads that answer
// requests should get the CPU first. Linux lets one thread lower its own priority (by its thread
// id, from /proc/thread-self); elsewhere, or if refused, it keeps the normal priority.
try {
  const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, 10);
} catch {
  /* not Linux, or not allowed: render at the normal priority */
}

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
