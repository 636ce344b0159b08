import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { microsToUsd } from "../../kernel/money.ts";
import type { MetricsPort, OperationsSnapshot } from "../../services/ports/metrics.ts";

/**
 * The metrics port as Prometheus metrics (prom-client), in a registry of this gateway's own (two
 * gateways in one process, as tests run them, keep separate figures). Counters and histograms
 * move as the gateway reports; the pool and queue gauges are read from storage when scraped.
 *
 * prom-client: https://github.com/siimots/prom-client#readme (Registry, Counter, Gauge, Histogram,
 * collectDefaultMetrics); naming: https://prometheus.io/docs/practices/naming/ (base units:
 * seconds; `_total` counters; dollars are the unit of money here, as in the API).
 */
export interface PrometheusMetrics {
  readonly port: MetricsPort;
  /** The text exposition format: its content type and body, after reading the live gauges. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** Request and operation latencies: 1 ms to 10 s (a generation is accepted in milliseconds). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

export function createPrometheusMetrics(options: {
  /** The live state read at scrape time. */
  readonly snapshot: () => Promise<OperationsSnapshot>;
  /** Milliseconds now (the driver-lag gauge). */
  readonly now: () => number;
  /** Node's process metrics (CPU, memory, event-loop lag, GC) besides the gateway's. */
  readonly processMetrics?: boolean;
}): PrometheusMetrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const httpDuration = new Histogram({
    name: "gateai_http_request_duration_seconds", help: "HTTP requests by route (a path template) and status code, from arrival to the answer's end.",
    labelNames: ["route", "status"] as const, buckets: LATENCY_BUCKETS, registers,
  });
  const graphqlDuration = new Histogram({
    name: "gateai_graphql_operation_duration_seconds", help: "GraphQL queries and mutations executed, by operation name and type.",
    labelNames: ["operation", "type"] as const, buckets: LATENCY_BUCKETS, registers,
  });
  const generations = new Counter({
    name: "gateai_generations_total", help: "Generation requests by outcome (accepted, downgraded, refused), model and reason (an error code; none when accepted as asked).",
    labelNames: ["outcome", "model", "reason"] as const, registers,
  });
  const charged = new Counter({ name: "gateai_charged_dollars_total", help: "Dollars charged to keys' daily budgets for accepted generations.", registers });
  const refunded = new Counter({ name: "gateai_refunded_dollars_total", help: "Dollars given back (failed generations, and ones unfinished at their refund deadline).", registers });
  const tasksEnded = new Counter({ name: "gateai_tasks_ended_total", help: "Tasks that reached a final state in this process, by state.", labelNames: ["state"] as const, registers });
  const tasks = new Gauge({ name: "gateai_tasks", help: "Tasks waiting (QUEUED) and running (PROCESSING) now, across all processes.", labelNames: ["state"] as const, registers });
  const queueDepth = new Gauge({ name: "gateai_queue_depth", help: "Tasks waiting for a pool account (QUEUED).", registers });
  const pool = new Gauge({ name: "gateai_pool_accounts", help: "Upstream pool accounts: total, busy (running a task) and locked (after repeated failures).", labelNames: ["state"] as const, registers });
  const subscriptions = new Gauge({ name: "gateai_subscriptions_open", help: "GraphQL subscriptions open on this process.", registers });
  const driverPass = new Histogram({
    name: "gateai_driver_pass_duration_seconds", help: "Passes of the task driver: full passes (deadlines, refunds, polls, starts) and start passes (starts only).", buckets: LATENCY_BUCKETS, registers,
  });
  const driverLag = new Gauge({
    name: "gateai_driver_lag_seconds", help: "Seconds since the task driver of this process last finished a pass (grows when it is stuck or stopped).", registers,
  });
  const driverConcurrency = new Gauge({
    name: "gateai_driver_concurrency", help: "Running tasks the task driver of this process polls and moves on at once: 32 at most, fewer while requests feel its work.", registers,
  });
  let lastPassAt: number | undefined;

  const port: MetricsPort = {
    httpRequest: (route, status, seconds) => httpDuration.observe({ route, status: String(status) }, seconds),
    graphqlOperation: (operation, type, seconds) => graphqlDuration.observe({ operation, type }, seconds),
    generation: (outcome, model, reason) => generations.inc({ outcome, model, reason }),
    charged: (amount) => charged.inc(microsToUsd(amount)),
    refunded: (amount) => refunded.inc(microsToUsd(amount)),
    taskEnded: (state) => tasksEnded.inc({ state }),
    driverPass: (seconds) => {
      driverPass.observe(seconds);
      lastPassAt = options.now();
    },
    driverConcurrency: (tasks) => driverConcurrency.set(tasks),
    subscriptions: (delta) => subscriptions.inc(delta),
  };

  return {
    port,
    async render() {
      const live = await options.snapshot();
      tasks.set({ state: "QUEUED" }, live.tasksQueued);
      tasks.set({ state: "PROCESSING" }, live.tasksProcessing);
      queueDepth.set(live.tasksQueued);
      pool.set({ state: "total" }, live.poolAccounts);
      pool.set({ state: "busy" }, live.poolBusy);
      pool.set({ state: "locked" }, live.poolLocked);
      if (lastPassAt !== undefined) driverLag.set(Math.max(0, options.now() - lastPassAt) / 1000);
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
