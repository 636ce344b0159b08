/**
 * Workload cost simulation as a use case: parse and bound the workload, then run the pure
 * simulator (src/simulation) in slices of about SLICE_MS of work each, yielding to the event
 * loop between slices, so a large simulation never holds up the requests this process serves.
 * A slice's size in events follows the time the last one took (events cost more on a slow
 * machine, on a cold run before V8 has compiled the simulator, and in a workload of many
 * refusals than in one of plain acceptances), from a small first slice of the process, within
 * SLICE_EVENTS; a simulation starts at the size the last slice of the process came to, so a warm
 * process runs a small workload in one slice, with no turn given up for nothing.
 * Each API key may run a few simulations at once, and the process a few more; one more is
 * RATE_LIMITED (CONCURRENCY): a simulation holds memory for every request it accepts, and the
 * process's CPU, so their number is bounded like any other input.
 *
 * A workload with `provider.latencyFrom: OBSERVED` draws its latencies from this gateway's own
 * FINISHED tasks: the service reads their quantiles per output kind through the TaskRepo (the
 * newest OBSERVED_TASKS of each kind accepted in the last OBSERVED_WINDOW_MS) and hands them to
 * the pure simulator, which keeps the range for a kind with too few (simulation/latency.ts).
 */
import type { Engine } from "../engine/engine.ts";
import type { Clock } from "../kernel/clock.ts";
import { err, ok, type Result } from "../kernel/result.ts";
import type { SimulationReport } from "../simulation/report.ts";
import { createWorkloadRun, type WorkloadRun } from "../simulation/run.ts";
import { OBSERVED_PROBABILITIES, OUTPUT_KINDS, type ObservedLatencies } from "../simulation/latency.ts";
import { parseWorkload, type Workload } from "../simulation/workload.ts";
import { modelUnavailable, type ServiceError } from "./errors.ts";
import type { ModelAvailability } from "./availability.ts";
import type { ApiKeyRecord } from "./keys.ts";
import type { TaskRepo } from "./ports/task-repo.ts";

const DAY = 86_400_000;

export interface SimulationService {
  /** Simulates `workload` (the JSON of POST /api/simulate) for the caller `key`. */
  simulate(key: ApiKeyRecord, workload: unknown): Promise<Result<SimulationReport, ServiceError>>;
}

export interface SimulationServiceOptions {
  readonly engine: Engine;
  readonly clock: Clock;
  /** The gateway's pool size: a workload's default. */
  readonly poolSize: number;
  /** Simulations one key may run at once. */
  readonly perKeyConcurrent?: number;
  /** Simulations this process runs at once, all keys together. */
  readonly processConcurrent?: number;
  /** Events per slice at most (SLICE_EVENTS). */
  readonly sliceEvents?: number;
  /** The work one slice aims at, in milliseconds of `elapsed` (SLICE_MS). */
  readonly sliceMs?: number;
  /** Milliseconds on a clock that only moves forward, for the slices' length (performance.now by default). */
  readonly elapsed?: () => number;
  /** Gives the event loop its turn between slices. */
  readonly yieldToLoop?: () => Promise<void>;
  /** Where observed latencies come from; absent: none is observed (every kind keeps its range). */
  readonly tasks?: Pick<TaskRepo, "finishedLatency">;
  /** The gateway's GATEAI_TIME_SCALE: its tasks ran this many times faster than at scale 1. */
  readonly timeScale?: number;
  /** Which models this gateway runs: a stream of one it refuses (MODEL_UNAVAILABLE) is refused as generate would. */
  readonly availability?: ModelAvailability;
}

export const SIMULATIONS_PER_KEY = 2;
export const SIMULATIONS_PER_PROCESS = 4;
const SLICE_EVENTS = 20_000;
const SLICE_MS = 5;
/** The process's first slice's events, before any was timed: small, as events run slowest before V8 has compiled the simulator. */
const FIRST_SLICE_EVENTS = 1_000;
/** The fewest events a slice is given: a turn of the event loop costs far less than these. */
const MIN_SLICE_EVENTS = 100;
/** Observed latencies: the newest this many FINISHED tasks of each output kind... */
export const OBSERVED_TASKS = 2_000;
/** ...accepted within this long before the simulation. */
export const OBSERVED_WINDOW_MS = 7 * DAY;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createSimulationService(options: SimulationServiceOptions): SimulationService {
  const { engine, clock, poolSize } = options;
  const perKey = options.perKeyConcurrent ?? SIMULATIONS_PER_KEY;
  const perProcess = options.processConcurrent ?? SIMULATIONS_PER_PROCESS;
  let runningInProcess = 0;
  // A slice of no events would never end a run: the options are held to at least one event and some time.
  const maxSlice = Math.max(1, Math.floor(options.sliceEvents ?? SLICE_EVENTS) || SLICE_EVENTS);
  const sliceMs = options.sliceMs !== undefined && options.sliceMs > 0 ? options.sliceMs : SLICE_MS;
  const elapsed = options.elapsed ?? (() => performance.now());
  const yieldToLoop = options.yieldToLoop ?? nextTurn;
  /** The events of the next slice, as the last slice of any simulation here measured them. */
  let slice = Math.min(maxSlice, FIRST_SLICE_EVENTS);
  /** Runs `run` to its end in slices of about sliceMs each, the event loop having its turn between them. */
  const runInSlices = async (run: WorkloadRun): Promise<void> => {
    for (;;) {
      const started = elapsed();
      if (run.step(slice)) return;
      const took = elapsed() - started;
      // The next slice at the rate this one ran: at least MIN_SLICE_EVENTS, at most 4× this one and maxSlice.
      const fit = took > 0 ? Math.floor((slice * sliceMs) / took) : Number.POSITIVE_INFINITY;
      slice = Math.min(maxSlice, 4 * slice, Math.max(MIN_SLICE_EVENTS, fit));
      await yieldToLoop();
    }
  };
  const running = new Map<string, number>();

  const observe = async (): Promise<ObservedLatencies> => {
    if (!options.tasks) return {};
    const now = clock.now();
    const found = await options.tasks.finishedLatency({ outputs: OUTPUT_KINDS, since: now - OBSERVED_WINDOW_MS, until: now, perOutput: OBSERVED_TASKS, probabilities: OBSERVED_PROBABILITIES });
    // Observed on this gateway's clock: seconds at its time scale, reported at scale 1 (as a workload's latencies are).
    const scale = options.timeScale ?? 1;
    return Object.fromEntries(found.map((f) => [f.output, { tasks: f.tasks, seconds: f.seconds.map((seconds) => seconds * scale) }]));
  };
  const withObserved = async (workload: Workload): Promise<Workload> =>
    workload.provider.latencyFrom === "OBSERVED" ? Object.assign({}, workload, { provider: Object.assign({}, workload.provider, { observed: await observe() }) }) : workload;

  return {
    async simulate(key, input) {
      // A workload without `start` begins at today's UTC midnight; a key without a limit has the caller's.
      const today = Math.floor(clock.now() / DAY) * DAY;
      const workload = parseWorkload(input, { startAt: today, dailyLimit: key.dailyLimit, poolSize });
      if (!workload.ok) return workload;
      // A day this gateway would refuse at every request is no day to simulate as accepted.
      const unavailable = options.availability && workload.value.streams.find((stream) => !options.availability!(stream.request.model).available);
      if (unavailable) return err(modelUnavailable(unavailable.request.model));
      const held = running.get(key.id) ?? 0;
      if (held >= perKey)
        return err({ code: "RATE_LIMITED", reason: "CONCURRENCY", retryAfterMs: 1_000, message: `At most ${perKey} simulations may run at once per key` });
      if (runningInProcess >= perProcess)
        return err({ code: "RATE_LIMITED", reason: "CONCURRENCY", retryAfterMs: 1_000, message: `The gateway runs at most ${perProcess} simulations at once; retry shortly` });
      // Counted from here: the observation below awaits the database, and another call may start meanwhile.
      running.set(key.id, held + 1);
      runningInProcess++;
      try {
        const run = createWorkloadRun(engine, await withObserved(workload.value));
        if (!run.ok) return run;
        await runInSlices(run.value);
        const stopped = run.value.stoppedBy();
        return stopped ? err(stopped) : ok(run.value.report());
      } finally {
        runningInProcess--;
        const left = (running.get(key.id) ?? 1) - 1;
        if (left === 0) running.delete(key.id);
        else running.set(key.id, left);
      }
    },
  };
}
