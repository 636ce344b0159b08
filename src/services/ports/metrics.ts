import type { Micros } from "../../kernel/money.ts";

/** How a generation request ended, as operations count it. */
export type GenerationOutcome = "accepted" | "downgraded" | "refused";

/**
 * What the gateway tells operations about itself (README "Operations"): services, faces and the
 * request edge report through this port, an adapter (src/adapters/metrics) turns it into
 * Prometheus metrics. Each call is cheap and synchronous; a label is always from a bounded set
 * (a catalog model id, an error code, a route template, a bounded operation name), never raw
 * client input.
 */
export interface MetricsPort {
  /** One answered HTTP request. */
  httpRequest(route: string, status: number, seconds: number): void;
  /** One executed GraphQL query or mutation. */
  graphqlOperation(operationName: string, operationType: string, seconds: number): void;
  /** One generation request's outcome; `reason` is "none" when accepted as asked. */
  generation(outcome: GenerationOutcome, model: string, reason: string): void;
  /** A charge taken when a generation was accepted. */
  charged(amount: Micros): void;
  /** A charge given back (a failed task, or one unfinished at its refund deadline). */
  refunded(amount: Micros): void;
  /** A task reached a final state. */
  taskEnded(status: "FINISHED" | "FAILED"): void;
  /** One pass of the task driver ended, after `seconds`. */
  driverPass(seconds: number): void;
  /** How many running tasks the task driver now drives at once (it yields to requests: services/driver-pace.ts). */
  driverConcurrency(tasks: number): void;
  /** A GraphQL subscription started (+1) or ended (-1). */
  subscriptions(delta: 1 | -1): void;
}

/** The port when metrics are off: every report is dropped. */
export const noMetrics: MetricsPort = {
  httpRequest: () => undefined,
  graphqlOperation: () => undefined,
  generation: () => undefined,
  charged: () => undefined,
  refunded: () => undefined,
  taskEnded: () => undefined,
  driverPass: () => undefined,
  driverConcurrency: () => undefined,
  subscriptions: () => undefined,
};

/** What operations read at scrape time: the state of the pool and the queue, from storage. */
export interface OperationsSnapshot {
  readonly poolAccounts: number;
  readonly poolBusy: number;
  readonly poolLocked: number;
  readonly tasksQueued: number;
  readonly tasksProcessing: number;
}
