// The fake vendors (test/fakes) behind one face, for the lifecycle tests that follow a vendor job
// across a gateway's death (vendor-restart.test.ts) and to its hard deadline
// (vendor-hard-deadline.test.ts): the environment that points a gateway at the fake, what the
// fake saw (submits, status reads of a job, cancels, result reads), and the switch that keeps
// its jobs running or lets them complete at the next status read.
import { startFakeFal } from "../fakes/fal.ts";
import { startFakeReplicate } from "../fakes/replicate.ts";
import type { Cleanup } from "./support.ts";

export interface FakeVendor {
  /** As the tests name it. */
  readonly name: "fal" | "Replicate";
  /** A model the gateway routes to this vendor alone when only its accounts are configured, and its params. */
  readonly model: string;
  readonly params: Record<string, unknown>;
  /** The environment that gives a gateway one account at this fake (and no other vendor). */
  readonly env: Record<string, string>;
  /** Submit calls the fake answered (every POST that creates a job, accepted or not). */
  submits(): number;
  /** The ids of the jobs it created, in order. */
  jobIds(): string[];
  /** Status reads of a job (fal: GET …/status; Replicate: GET /v1/predictions/{id}). */
  statusReads(id: string): number;
  /** The job was asked to stop (fal: PUT …/requests/{id}/cancel; Replicate: POST /v1/predictions/{id}/cancel). */
  cancelled(id: string): boolean;
  /** The job's result was handed out (fal: its result read; Replicate: a get answered `succeeded`). */
  resultServed(id: string): boolean;
  /** Jobs stay running (IN_PROGRESS / processing) at every status read. */
  keepRunning(): void;
  /** Jobs complete at their next status read. */
  completeNow(): void;
}

const NEVER = 1_000_000_000;

/** A fake fal with one key; flux-schnell runs there. */
export async function fakeFal(cleanup: Cleanup): Promise<FakeVendor> {
  const key = "fal-restart";
  const fal = await startFakeFal({ keys: [key] });
  cleanup.add(() => fal.close());
  return {
    name: "fal",
    model: "flux-schnell",
    params: { prompt: "a lighthouse that outlives its gateway", width: 512, height: 512, quantity: 1 },
    env: { FAL_KEYS: key, GATEAI_FAL_URL: fal.url },
    submits: () => fal.calls.submit,
    jobIds: () => [...fal.requests.keys()],
    statusReads: (id) => fal.requests.get(id)?.statusPolls ?? 0,
    cancelled: (id) => fal.requests.get(id)?.cancelled === true,
    resultServed: (id) => fal.requests.get(id)?.resultAt !== undefined,
    keepRunning: () => {
      fal.stepsToComplete = NEVER;
    },
    completeNow: () => {
      fal.stepsToComplete = 0;
    },
  };
}

/** A fake Replicate with one token; recraft-v4 runs only there. */
export async function fakeReplicate(cleanup: Cleanup): Promise<FakeVendor> {
  const token = "r8_restart";
  const replicate = await startFakeReplicate({ tokens: [token] });
  cleanup.add(() => replicate.close());
  return {
    name: "Replicate",
    model: "recraft-v4",
    params: { prompt: "a lighthouse that outlives its gateway", width: 1024, height: 1024, quantity: 1 },
    env: { REPLICATE_TOKENS: token, GATEAI_REPLICATE_URL: replicate.url },
    submits: () => replicate.calls.create,
    jobIds: () => [...replicate.predictions.keys()],
    statusReads: (id) => replicate.predictions.get(id)?.gets ?? 0,
    cancelled: (id) => replicate.predictions.get(id)?.status === "canceled",
    resultServed: (id) => replicate.predictions.get(id)?.status === "succeeded",
    keepRunning: () => {
      replicate.stepsToComplete = NEVER;
    },
    completeNow: () => {
      replicate.stepsToComplete = 0;
    },
  };
}

/** The fakes by the name tests give them. */
export const FAKE_VENDORS = [
  ["fal", fakeFal],
  ["Replicate", fakeReplicate],
] as const;

/**
 * The vendor's own request id in a stored `upstream_ref`: the routed provider writes
 * `<vendor>|<ref>`, and fal's ref is `<app id>#<request id>`.
 */
export const vendorRequestId = (ref: string): string => ref.slice(ref.indexOf("|") + 1).split("#").pop()!;

/** The vendor named in a stored `upstream_ref`. */
export const vendorOfRef = (ref: string): string => ref.slice(0, Math.max(0, ref.indexOf("|")));
