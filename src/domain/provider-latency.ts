import type { OutputKind } from "../catalog/types.ts";

/**
 * How long one attempt of the simulated upstream takes at time scale 1, in seconds, by what the
 * model makes: [min, max), drawn uniformly. Spec: "images: ~10-30s, videos: ~1-5 min"; 3D in
 * between. The simulated provider (adapters/providers) and the workload simulator both read it.
 */
export const LATENCY_SECONDS: Readonly<Record<OutputKind, readonly [number, number]>> = {
  image: [10, 30],
  video: [60, 300],
  "3d": [30, 120],
};
