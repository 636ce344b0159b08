// The Simulate page's workload: one `WorkloadInput` object is the truth; the form edits its common
// fields in place and the JSON editor shows (and may replace) the whole of it.
import type { ArrivalKind, WorkloadInput, WorkloadKeyInput, WorkloadStreamInput } from "../gql/graphql.ts";

/**
 * README "What will a day cost?": a launch day of 300 Seedance videos an hour and 2,000 images an
 * hour from 09:00 to 17:00 UTC through one key with a $400 daily limit, on a slightly unreliable
 * upstream. A fixed seed, so running it twice gives the same answer.
 */
export const EXAMPLE_WORKLOAD: WorkloadInput = {
  horizonHours: 24,
  seed: 7,
  replications: 1,
  keys: [{ id: "app", dailyLimitUsd: 400 }],
  streams: [
    {
      name: "launch videos",
      key: "app",
      request: { raw: { model: "seedance-2.0", params: { prompt: "A cat", width: 1280, height: 720, duration: 8 } } },
      arrival: { kind: "POISSON", perHour: 300 },
      fromHour: 9,
      untilHour: 17,
      onRefusal: "RETRY",
      maxRetries: 3,
    },
    {
      name: "thumbnails",
      key: "app",
      request: { raw: { model: "gpt-image-2", params: { prompt: "A dog", width: 1024, height: 1024 } } },
      arrival: { kind: "FIXED", perHour: 2000 },
      fromHour: 9,
      untilHour: 17,
    },
  ],
  provider: { poolSize: 12, failureRate: 0.02 },
};

export const ARRIVAL_KINDS: readonly ArrivalKind[] = ["FIXED", "POISSON", "BURST", "LIST"];

export const workloadJson = (workload: WorkloadInput): string => JSON.stringify(workload, null, 2);

/** The JSON editor's text as a workload, or why it is not one (the gateway checks the rest). */
export function parseWorkloadJson(text: string): { workload: WorkloadInput } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `The JSON does not parse: ${(error as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { problem: "The workload must be a JSON object" };
  const record = value as Record<string, unknown>;
  if (!Array.isArray(record.keys) || !Array.isArray(record.streams)) return { problem: "The workload needs `keys` and `streams` lists" };
  return { workload: value as WorkloadInput };
}

export function withKey(workload: WorkloadInput, index: number, key: WorkloadKeyInput): WorkloadInput {
  return Object.assign({}, workload, { keys: workload.keys.map((k, i) => (i === index ? key : k)) });
}

export function withStream(workload: WorkloadInput, index: number, stream: WorkloadStreamInput): WorkloadInput {
  return Object.assign({}, workload, { streams: workload.streams.map((s, i) => (i === index ? stream : s)) });
}

/** A copy of `record` with `field` set, or left out (the gateway's default) when `value` is undefined. */
export function setOrOmit<T extends object, K extends keyof T>(record: T, field: K, value: T[K] | undefined): T {
  const next = Object.assign({}, record);
  if (value === undefined) delete next[field];
  else next[field] = value;
  return next;
}

/** A number input's text: empty is "not given" (undefined), anything else a number (NaN is kept for the gateway to refuse). */
export const numberOrUndefined = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text));

/** A new stream: the first key, the model's example, 100 an hour over the whole horizon. */
export function newStream(workload: WorkloadInput, model: string, params: unknown): WorkloadStreamInput {
  return {
    name: `stream ${workload.streams.length + 1}`,
    key: workload.keys[0]?.id ?? "app",
    request: { raw: { model, params } },
    arrival: { kind: "POISSON", perHour: 100 },
  };
}
