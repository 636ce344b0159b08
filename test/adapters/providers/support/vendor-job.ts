// A first attempt of a task as the task driver hands it to a vendor adapter, for the adapter tests.
import type { ProviderJob } from "../../../../src/services/ports/provider.ts";

let counter = 0;

/** A new task's first attempt at `model` on account 1 (a fresh task id each call). */
export const vendorJob = (model: string, params: Record<string, unknown> = { prompt: "p", width: 1024, height: 1024, quantity: 1 }): ProviderJob => ({
  taskId: `00000000-0000-4000-9000-${String(++counter).padStart(12, "0")}`,
  model,
  output: "image",
  params,
  attempt: 1,
  account: 1,
  startedAt: Date.now(),
});
