import { pino } from "pino";
import { createTaskDriver, type TaskDriver, type TaskDriverOptions } from "../../src/services/task-driver.ts";
import { timingFor } from "../../src/services/timing.ts";
import { DISCARDED_RESULTS } from "./file-store.ts";
import type { TestGateway } from "./gateway.ts";

/**
 * A task driver beside a test gateway's own, as another process's would be: over the gateway's
 * database, limiter and pub/sub, under its own owner name; results not stored, real time, quiet,
 * a pass every 20 ms. `options` replace any of these.
 */
export function driverBeside(gw: TestGateway, options: Partial<TaskDriverOptions> & Pick<TaskDriverOptions, "provider" | "owner">): TaskDriver {
  const { stores, pubsub, limiter } = gw.gateway.infrastructure;
  const defaults: Omit<TaskDriverOptions, "provider" | "owner"> = {
    tasks: stores.tasks, accounts: stores.pool, files: DISCARDED_RESULTS, pubsub, limiter,
    clock: { now: () => Date.now() }, timing: timingFor(1), logger: pino({ level: "silent" }), poolSize: gw.config.poolSize, tickMs: 20,
  };
  return createTaskDriver(Object.assign(defaults, options));
}
