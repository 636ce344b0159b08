/**
 * A whole simulation: the workload's replications one after the other (replication i seeded from
 * the workload's seed), then the report with every total's p5 / p50 / p95. `step` bounds the work
 * of one call, so the service can run it in slices between other requests.
 */
import type { Engine } from "../engine/engine.ts";
import { invalidParams, type EngineError } from "../engine/errors.ts";
import { err, ok, type Result } from "../kernel/result.ts";
import { SIMULATION_BOUNDS } from "./bounds.ts";
import { latencyUses } from "./latency.ts";
import { replicationSeed } from "./random.ts";
import { bandsOf, type ReplicationResult, type SimulationReport } from "./report.ts";
import { createSimulation, prepareStreams, type Simulation } from "./simulator.ts";
import type { Workload } from "./workload.ts";

export interface WorkloadRun {
  /** Processes at most `maxEvents` events; true when every replication is over, or the run went past its events bound. */
  step(maxEvents: number): boolean;
  /** Why the run stopped short (its events bound, SIMULATION_BOUNDS.events), once it has. */
  stoppedBy(): EngineError | undefined;
  report(): SimulationReport;
}

export function createWorkloadRun(engine: Engine, workload: Workload, maxEvents: number = SIMULATION_BOUNDS.events): Result<WorkloadRun, EngineError> {
  const prepared = prepareStreams(engine, workload);
  if (!prepared.ok) return prepared;
  const results: ReplicationResult[] = [];
  const seedOf = (i: number) => (i === 0 ? workload.seed : replicationSeed(workload.seed, i));
  let current: Simulation | undefined = createSimulation(engine, workload, prepared.value, seedOf(0));
  /** Events of the replications already over. */
  let eventsBefore = 0;
  let stopped: EngineError | undefined;
  return ok({
    step(slice) {
      if (!current || stopped) return true;
      const over = current.step(Math.min(slice, maxEvents - eventsBefore - current.work().events + 1));
      if (eventsBefore + current.work().events > maxEvents) {
        stopped = invalidParams([{ field: "workload", reason: `needs more than ${maxEvents} events (arrivals, client retries, upstream attempts) over its replications; at most ${maxEvents}: fewer requests, retries or replications` }]);
        current = undefined;
        return true;
      }
      if (!over) return false;
      const result = current.result();
      eventsBefore += result.events;
      results.push(result);
      current = results.length < workload.replications ? createSimulation(engine, workload, prepared.value, seedOf(results.length)) : undefined;
      return current === undefined;
    },
    stoppedBy: () => stopped,
    report() {
      if (current || stopped) throw new Error("report: the run is not over, or stopped short");
      const { latencyFrom, latencySeconds, observed } = workload.provider;
      const latency = latencyUses(latencyFrom, latencySeconds, observed);
      return { startAt: workload.startAt, horizonMs: workload.horizonMs, replications: results.length, first: results[0]!, bands: bandsOf(results), latency };
    },
  });
}

/** Runs a workload to the end at once (the CLI, benchmarks and tests). */
export function simulate(engine: Engine, workload: Workload): Result<SimulationReport, EngineError> {
  const run = createWorkloadRun(engine, workload);
  if (!run.ok) return run;
  while (!run.value.step(Number.POSITIVE_INFINITY));
  const stopped = run.value.stoppedBy();
  return stopped ? err(stopped) : ok(run.value.report());
}
