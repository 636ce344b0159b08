/**
 * The simulated upstream. Everything about an attempt — how long it takes, whether it fails or
 * stalls — is drawn from sha256(taskId + ":" + attempt), and where it stands is a function of
 * (job, now) alone: no memory of jobs, no clock, no Math.random. Any process that resumes a task
 * therefore sees exactly what the process before it saw.
 *
 * Latencies follow the spec ("images: ~10-30s, videos: ~1-5 min", 3D in between) divided by
 * `timeScale`; the range is chosen by the model's `output`, so an image model listed among the
 * videos takes an image's time.
 */
import { sha256, unitAt } from "./hash.ts";
import { LATENCY_SECONDS } from "../../domain/provider-latency.ts";
import type { Provider, ProviderJob, ProviderOutput, ProviderStatus } from "../../services/ports/provider.ts";
import { renderOutputs } from "./render/index.ts";
import type { Renderer } from "./render/render-thread.ts";

export interface SimulatedProviderOptions {
  /** Speed-up factor: latencies are divided by it (> 0; 1 = real time). */
  readonly timeScale: number;
  /** Probability in [0, 1] that an attempt fails (retryably) at its latency. */
  readonly failureRate: number;
  /** Probability in [0, 1] that an attempt never finishes. */
  readonly stallRate: number;
  /** Renders finished outputs (default: on this thread; the gateway passes a worker thread). */
  readonly render?: Renderer;
  /** Latency ranges in seconds at time scale 1 replacing LATENCY_SECONDS for some output kinds ([s, s]: a fixed latency), as a workload simulation may set them. */
  readonly latencySeconds?: Partial<Record<ProviderOutput, readonly [number, number]>>;
}

/** Latency ranges in seconds at timeScale 1, by output kind: [min, max) (shared with the workload simulator). */
export { LATENCY_SECONDS };

export const SIMULATED_FAILURE = "Upstream generation failed (simulated)";

/** The progress a stalled attempt creeps towards and never reaches. */
export const STALL_PROGRESS_CAP = 0.99;

export type AttemptOutcome = "finish" | "fail" | "stall";

/** What the hash decides for one attempt. */
export interface AttemptPlan {
  /** Milliseconds from `startedAt` to the finish (or failure); for a stall, its pace. */
  readonly latencyMs: number;
  readonly outcome: AttemptOutcome;
}

/**
 * The plan of an attempt: a pure function of (taskId, attempt, output, options).
 * Bytes 0-3 of the digest draw the latency, 4-7 the stall, 8-11 the failure; a stall wins over
 * a failure when both fire.
 */
export function planAttempt(
  job: Pick<ProviderJob, "taskId" | "attempt" | "output">,
  options: SimulatedProviderOptions,
): AttemptPlan {
  checkOptions(options);
  if (!Number.isInteger(job.attempt) || job.attempt < 1) throw new RangeError(`attempt must be an integer ≥ 1, got ${job.attempt}`);
  const range = options.latencySeconds?.[job.output] ?? LATENCY_SECONDS[job.output];
  if (range === undefined) throw new RangeError(`unknown output kind ${String(job.output)}`);
  const digest = sha256(`${job.taskId}:${job.attempt}`);
  const [min, max] = range;
  const latencyMs = ((min + unitAt(digest, 0) * (max - min)) * 1000) / options.timeScale;
  const outcome: AttemptOutcome =
    unitAt(digest, 4) < options.stallRate ? "stall" : unitAt(digest, 8) < options.failureRate ? "fail" : "finish";
  return { latencyMs, outcome };
}

/** Progress of a still-running attempt at `elapsed` ms: in [0, 1), non-decreasing in time. */
export function progressAt(plan: AttemptPlan, elapsed: number): number {
  if (!(elapsed > 0)) return 0;
  if (plan.outcome === "stall") return STALL_PROGRESS_CAP * (1 - Math.exp(-elapsed / plan.latencyMs));
  // The cap only guards against rounding: elapsed < latencyMs while running.
  return Math.min(elapsed / plan.latencyMs, 1 - Number.EPSILON);
}

export function createSimulatedProvider(options: SimulatedProviderOptions): Provider {
  checkOptions(options);
  const settings: SimulatedProviderOptions = {
    timeScale: options.timeScale,
    failureRate: options.failureRate,
    stallRate: options.stallRate,
    ...(options.latencySeconds ? { latencySeconds: options.latencySeconds } : {}),
  };
  const render = options.render ?? renderOutputs;
  return {
    async poll(job: ProviderJob, now: number): Promise<ProviderStatus> {
      if (!Number.isFinite(now)) throw new RangeError(`now must be finite, got ${now}`);
      if (!Number.isFinite(job.startedAt)) throw new RangeError(`startedAt must be finite, got ${job.startedAt}`);
      const plan = planAttempt(job, settings);
      // The attempt ends at startedAt + latencyMs, computed exactly so (not via now - startedAt),
      // so a caller polling at that very instant sees it ended.
      if (plan.outcome === "stall" || now < job.startedAt + plan.latencyMs) {
        return { state: "running", progress: progressAt(plan, now - job.startedAt) };
      }
      if (plan.outcome === "fail") return { state: "failed", error: SIMULATED_FAILURE, retryable: true };
      const { files, result, glb } = await render(job.model, job.output, job.params);
      return { state: "finished", files, result, glb };
    },
  };
}

function checkOptions(options: SimulatedProviderOptions): void {
  if (!(Number.isFinite(options.timeScale) && options.timeScale > 0)) {
    throw new RangeError(`timeScale must be a finite number > 0, got ${options.timeScale}`);
  }
  for (const name of ["failureRate", "stallRate"] as const) {
    const rate = options[name];
    if (!(Number.isFinite(rate) && rate >= 0 && rate <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${rate}`);
  }
}
