/**
 * The provider port: how the task driver asks an upstream (real or simulated) where one
 * attempt of a generation stands. The driver is durable and may resume an attempt in another
 * process, so a provider must answer from the job's own data, never from memory of past calls.
 */

import type { OutputKind } from "../../catalog/types.ts";

/** What the model makes. */
export type ProviderOutput = OutputKind;

export interface ProviderJob {
  readonly taskId: string;
  /** Catalog id of the model. */
  readonly model: string;
  /** What the model produces (the catalog's `output`, not the section it is listed under). */
  readonly output: ProviderOutput;
  /** Normalized params (width, height, quantity, duration/durationSeconds, prompt, ...). */
  readonly params: Readonly<Record<string, unknown>>;
  /** 1 for the first try, 2 for the first retry... */
  readonly attempt: number;
  /** Upstream account number (1..poolSize). */
  readonly account: number;
  /** Epoch ms when this attempt was submitted. */
  readonly startedAt: number;
}

export interface OutputFile {
  readonly name: string;
  readonly mediaType: string;
  readonly data: Uint8Array;
}

export type ProviderStatus =
  /** 0 <= progress < 1. */
  | { readonly state: "running"; readonly progress: number }
  /** `result` and `glb` are file names (of `files`), in order. */
  | {
      readonly state: "finished";
      readonly files: readonly OutputFile[];
      readonly result: readonly string[];
      readonly glb: readonly string[];
    }
  | { readonly state: "failed"; readonly error: string; readonly retryable: boolean };

export interface Provider {
  /** Where the attempt stands at `now`. Pure for the simulated provider: same inputs, same answer. */
  poll(job: ProviderJob, now: number): Promise<ProviderStatus>;
}
