/**
 * The provider port: how the task driver asks an upstream (real or simulated) where one
 * attempt of a generation stands. The driver is durable and may resume an attempt in another
 * process, so a provider must answer from the job's own data, never from memory of past calls.
 */

import type { OutputKind } from "../../catalog/types.ts";
import type { IncomingFile } from "./file-store.ts";

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

/** A result file the provider holds in memory (one it made, or one the vendor sent inline). */
export interface OutputFile {
  readonly name: string;
  readonly mediaType: string;
  readonly data: Uint8Array;
}

/** A result file read from the vendor as it arrives: its media type is the one the vendor declared. */
export interface StreamedFile extends IncomingFile {
  readonly name: string;
}

/**
 * Result files still at the vendor. The driver streams them into the file store, so no result is
 * ever held whole in memory. Their names are known before a byte is read.
 */
export interface StreamedFiles {
  readonly names: readonly string[];
  /**
   * Opens every file (together), hands each to `into`, and settles once every `into` has
   * settled; what `into` leaves unread is closed. The first failure stops the others and is
   * thrown: `ResultRefused` for a result that will never be stored (the attempt fails, final),
   * anything else for what a later poll may read (network, a store down). Each call reads anew.
   */
  read(into: (file: StreamedFile) => Promise<void>): Promise<void>;
}

/** Thrown by `StreamedFiles.read` for a result that no later read will store (too large, a redirect, a private address). */
export class ResultRefused extends Error {
  override name = "ResultRefused";
}

export type ProviderStatus =
  /**
   * 0 <= progress < 1. `upstream`: the vendor's handle on the attempt just submitted, for the
   * driver to store before the next poll (given back in `ProviderJob.upstream`). `readAfterMs`:
   * the vendor asked not to be asked again before this long (a 429's Retry-After on a status read).
   */
  | { readonly state: "running"; readonly progress: number; readonly upstream?: string; readonly readAfterMs?: number }
  /** `result` and `glb` are file names (of `files` and `streamed`), in order. */
  | {
      readonly state: "finished";
      readonly files: readonly OutputFile[];
      /** Files the driver streams from the vendor, after `files`. */
      readonly streamed?: StreamedFiles;
      readonly result: readonly string[];
      readonly glb: readonly string[];
      /** What the vendor says the attempt cost, when it says (recorded beside our price). */
      readonly vendorCost?: VendorCost;
    }
  | {
      readonly state: "failed";
      readonly error: string;
      readonly retryable: boolean;
      /** The vendor is rate limiting this account (429): it rests (Retry-After when the vendor gave one) while the task runs on another. */
      readonly rateLimited?: { readonly retryAfterMs?: number };
    };

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
  /**
   * The least time, in ms at time scale 1, between two status reads of an attempt the vendor
   * holds (`job.upstream` set), each read being a request to the vendor. Absent or 0 (the
   * simulation, a call this process holds): the attempt is read at every pass.
   */
  statusReadGapMs?(job: ProviderJob): number;
  /**
   * Whether a vendor's notice of a finished request (a verified webhook: the vendor's name and
   * its request id) may be about this job's attempt: the one the vendor holds under that id
   * (`job.upstream`) or, for a job with no handle yet (its submit in flight, or answered with
   * none), any request of the vendor it is sent to. Absent: no notice is.
   */
  isAttemptOf?(job: ProviderJob, notice: VendorNotice): boolean;
}

/** A vendor's word that one of its requests ended (a verified webhook). */
export interface VendorNotice {
  readonly vendor: string;
  readonly requestId: string;
}
