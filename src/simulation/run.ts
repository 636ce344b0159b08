/**
 * A whole simulation: the workload's replications one after the other (replication i seeded from
 * the workload's seed), then the report with every total's p5 / p50 / p95. `step` bounds the work
 * of one call, so the service can run it in slices between other requests.
 */
import type { Engine } from "../engine/engine.ts";
import type { EngineError } from "../engine/errors.ts";
import { ok, type Result } from "../kernel/result.ts";
import { latencyUses } from "./latency.ts";
import { replicationSeed } from "./random.ts";
import { bandsOf, type ReplicationResult, type SimulationReport } from "./report.ts";
import { createSimulation, prepareStreams, type Simulation } from "./simulator.ts";
import type { Workload } from "./workload.ts";

export interface WorkloadRun {
  /** Processes at most `maxEvents` events; true when every replication is over. */
  step(maxEvents: number): boolean;
  report(): SimulationReport;
}

export function createWorkloadRun(engine: Engine, workload: Workload): Result<WorkloadRun, EngineError> {
  const prepared = prepareStreams(engine, workload);
  if (!prepared.ok) return prepared;
  const results: ReplicationResult[] = [];
  const seedOf = (i: number) => (i === 0 ? workload.seed : replicationSeed(workload.seed, i));
  let current: Simulation | undefined = createSimulation(engine, workload, prepared.value, seedOf(0));
  return ok({
    step(maxEvents) {
      if (!current) return true;
      if (!current.step(maxEvents)) return false;
      results.push(current.result());
      current = results.length < workload.replications ? createSimulation(engine, workload, prepared.value, seedOf(results.length)) : undefined;
      return current === undefined;
    },
    report() {
      if (current) throw new Error("report: the run is not over");
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
  return ok(run.value.report());
}
