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
  /** The key that owns the task: the upload ids in its params are this key's uploads. */
  readonly keyId?: string;
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
  /**
   * The vendor's handle on this attempt (its request id), as the provider returned it in a
   * `running` status and the driver stored it; absent until then. A provider that has one polls
   * it and never submits the attempt again (a restart resumes from it).
   */
  readonly upstream?: string | null;
}

export interface OutputFile {
  readonly name: string;
  readonly mediaType: string;
  readonly data: Uint8Array;
}

export type ProviderStatus =
  /**
   * 0 <= progress < 1. `upstream`: the vendor's handle on the attempt just submitted, for the
   * driver to store before the next poll (given back in `ProviderJob.upstream`).
   */
  | { readonly state: "running"; readonly progress: number; readonly upstream?: string }
  /** `result` and `glb` are file names (of `files`), in order. */
  | {
      readonly state: "finished";
      readonly files: readonly OutputFile[];
      readonly result: readonly string[];
      readonly glb: readonly string[];
      /** What the vendor says the attempt cost, when it says (recorded beside our price). */
      readonly vendorCost?: VendorCost;
    }
  | { readonly state: "failed"; readonly error: string; readonly retryable: boolean };

/** A vendor's own account of an attempt's cost: an amount in USD, or a measure it bills by. */
export interface VendorCost {
  readonly vendor: string;
  /** USD, when the vendor states a price. */
  readonly usd?: number;
  /** What the vendor bills by when it gives no price (e.g. Replicate's predict_time seconds, OpenAI's tokens). */
  readonly usage?: Readonly<Record<string, number>>;
}

export interface Provider {
  /** Where the attempt stands at `now`. Pure for the simulated provider: same inputs, same answer. */
  poll(job: ProviderJob, now: number): Promise<ProviderStatus>;
  /** Asks the vendor to stop an attempt it holds (`job.upstream`); best effort, never throws. */
  cancel?(job: ProviderJob): Promise<void>;
}
