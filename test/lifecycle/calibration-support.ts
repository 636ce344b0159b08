// Running one workload both ways for simulation-calibration.test.ts: through the workload
// simulator, and over HTTP against a running gateway (scaled clocks, the simulated provider), then
// reading the gateway's outcome back as the simulator's totals, to the micro-dollar.
import { SeededRandom } from "../../src/simulation/random.ts";
import { createEngine } from "../../src/engine/engine.ts";
import { HARD_LIMIT_ERROR } from "../../src/services/task-driver.ts";
import type { KeyDay, SimulationReport, SimulationTotals } from "../../src/simulation/report.ts";
import { simulate } from "../../src/simulation/run.ts";
import { parseWorkload, type Workload } from "../../src/simulation/workload.ts";
import { call, micros, sleep, usedMicros, type Launched } from "./support.ts";

export const engine = createEngine();

/** What a request costs as asked for (a cheaper charge is a downgrade). */
export const requestedCost = (request: { model: string; params: object }): number => {
  const quote = engine.quote(request, Number.MAX_SAFE_INTEGER);
  if (!quote.ok) throw new Error(quote.error.message);
  return quote.value.cost;
};

/** A workload as the tests write it (the JSON of POST /api/simulate). */
export interface WorkloadJson {
  readonly start: string;
  readonly horizonHours: number;
  readonly timeScale: number;
  readonly replications?: number;
  readonly keys: readonly { readonly id: string; readonly dailyLimitUsd: number }[];
  readonly streams: readonly {
    readonly key: string;
    readonly request: { readonly model: string; readonly params: Record<string, unknown> };
    readonly arrival: { readonly kind: "LIST"; readonly atSeconds: readonly number[] } | { readonly kind: "BURST"; readonly atHour: number; readonly count: number };
  }[];
  readonly provider: Record<string, unknown>;
}

export function parsed(json: WorkloadJson): Workload {
  const workload = parseWorkload(json, { startAt: Date.now(), dailyLimit: 1_000_000_000, poolSize: 12 });
  if (!workload.ok) throw new Error(JSON.stringify(workload.error));
  return workload.value;
}

export function simulated(workload: Workload): SimulationReport {
  const report = simulate(engine, workload);
  if (!report.ok) throw new Error(report.error.message);
  return report.value;
}

/** The totals both sides count; `retriedAttempts` as the gateway's attempts beyond each task's first. */
export const COMPARED = [
  "accepted", "downgraded", "refusedConcurrency", "refusedWindow", "refusedBudget",
  "finished", "failed", "timedOut", "retriedAttempts", "refunded", "refundedMicros", "spendMicros",
] as const satisfies readonly (keyof SimulationTotals)[];
export type Compared = Record<(typeof COMPARED)[number], number>;

export const compared = (totals: SimulationTotals): Compared =>
  Object.fromEntries(COMPARED.map((name) => [name, totals[name]])) as Compared;

/**
 * The same workload's totals when every upstream attempt ends up to `delayMs` later (drawn per
 * attempt) and every listed arrival up to `shiftMs` later (drawn per request, in the order its
 * stream sends them, as a client sending one after another does): what a gateway adds to the simulator's
 * exact instants (a driver pass at most every tick, statements, HTTP). A workload whose compared
 * totals stay the same under them can be held to equal totals against a real gateway.
 */
export function disturbed(workload: Workload, delayMs: number, shiftMs: number, seed: number): Compared {
  const delayS = (delayMs * workload.timeScale) / 1000;
  const latencySeconds = Object.fromEntries(
    Object.entries(workload.provider.latencySeconds).map(([kind, [min, max]]) => [kind, [min, max + delayS] as const]),
  ) as Workload["provider"]["latencySeconds"];
  const random = new SeededRandom(seed);
  const late = () => random.unit();
  const streams = workload.streams.map((s) => {
    if (s.arrival.kind !== "LIST") return s;
    let last = Number.NEGATIVE_INFINITY;
    const atSeconds = s.arrival.atSeconds.map((t) => (last = Math.max(last, t + (late() * shiftMs) / 1000)));
    return Object.assign({}, s, { arrival: { kind: "LIST" as const, atSeconds } });
  });
  return compared(simulated({ ...workload, seed, streams, provider: { ...workload.provider, latencySeconds } }).first.totals);
}

/** Arrival instants (ms from the start) of each stream, in the order the simulator takes them. */
const listed = (json: WorkloadJson): number[][] =>
  json.streams.map((s) => (s.arrival.kind === "LIST" ? s.arrival.atSeconds.map((t) => t * 1000) : new Array<number>(s.arrival.count).fill(s.arrival.atHour * 3_600_000)));

export interface Sent {
  /** Fresh raw keys, by workload key. */
  readonly keys: Map<string, string>;
  readonly accepted: number;
  readonly downgraded: number;
  readonly refusedConcurrency: number;
  readonly refusedWindow: number;
  readonly refusedBudget: number;
  /** What the accepted requests were charged (micro-dollars), by task id. */
  readonly charged: Map<string, number>;
}

/** Sends each stream's requests at their instants (streams side by side, each in order) to a gateway, with one fresh key per workload key. */
export async function sendAll(gateway: Launched, json: WorkloadJson): Promise<Sent> {
  const keys = new Map<string, string>();
  for (const k of json.keys) keys.set(k.id, (await gateway.createKey(k.dailyLimitUsd)).key);
  const sent = { keys, accepted: 0, downgraded: 0, refusedConcurrency: 0, refusedWindow: 0, refusedBudget: 0, charged: new Map<string, number>() };
  const t0 = Date.now();
  const times = listed(json);
  await Promise.all(
    json.streams.map(async (stream, s) => {
      for (const at of times[s]!) {
        const wait = t0 + at - Date.now();
        if (wait > 0) await sleep(wait);
        const reply = await call(gateway.url, "POST", "/api/generate", { key: keys.get(stream.key)!, body: stream.request });
        if (reply.status === 200) {
          sent.accepted++;
          if (micros(reply.body.cost) < requestedCost(stream.request)) sent.downgraded++;
          sent.charged.set(reply.body.task_id, micros(reply.body.cost));
        } else if (reply.body?.code === "RATE_LIMITED" && reply.body.reason === "CONCURRENCY") sent.refusedConcurrency++;
        else if (reply.body?.code === "RATE_LIMITED" && reply.body.reason === "WINDOW") sent.refusedWindow++;
        else if (reply.body?.code === "INSUFFICIENT_BUDGET") sent.refusedBudget++;
        else throw new Error(`unexpected answer ${reply.status} ${reply.text}`);
      }
    }),
  );
  return sent;
}

export interface RealRun {
  readonly totals: Compared;
  /** Each workload key's usage today, as GET /credits says it (micro-dollars). */
  readonly usage: Map<string, number>;
  /** The gateway's tasks at the end. */
  readonly tasks: readonly TaskRow[];
}

export interface TaskRow {
  readonly id: string;
  readonly status: string;
  readonly error: string | null;
  readonly attempts: number;
  readonly cost: number;
  readonly refunded: boolean;
  /** ms from acceptance to FINISHED or FAILED. */
  readonly ms: number;
}

/**
 * The workload sent to a gateway (sendAll), then, once every accepted task is FINISHED or FAILED
 * (at most `settleMs` after the last request), its outcome as the simulator counts it.
 */
export async function runForReal(gateway: Launched, json: WorkloadJson, settleMs: number): Promise<RealRun> {
  const sent = await sendAll(gateway, json);
  // One statement a few times a second, not a poll per task: the gateways of the file share this thread.
  const deadline = Date.now() + settleMs;
  for (;;) {
    const open = await gateway.prisma.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM tasks WHERE status IN ('QUEUED', 'PROCESSING')");
    if (open[0]!.n === 0) break;
    if (Date.now() > deadline) throw new Error(`${open[0]!.n} tasks still open ${settleMs} ms after the last request`);
    await sleep(250);
  }
  const tasks = await gateway.prisma.$queryRawUnsafe<TaskRow[]>(
    `SELECT id, status::text AS status, error, attempts, cost_micros::float8 AS cost, refunded_at IS NOT NULL AS refunded,
            (extract(epoch FROM finished_at - created_at) * 1000)::float8 AS ms
     FROM tasks ORDER BY created_at`,
  );
  if (tasks.length !== sent.charged.size || tasks.some((t) => sent.charged.get(t.id) !== t.cost)) throw new Error("the gateway's tasks are not the accepted ones");
  const charged = tasks.reduce((sum, t) => sum + t.cost, 0);
  const refundedMicros = tasks.filter((t) => t.refunded).reduce((sum, t) => sum + t.cost, 0);
  const usage = new Map<string, number>();
  for (const [id, key] of sent.keys) usage.set(id, await usedMicros(gateway.url, key));
  return {
    totals: {
      accepted: sent.accepted,
      downgraded: sent.downgraded,
      refusedConcurrency: sent.refusedConcurrency,
      refusedWindow: sent.refusedWindow,
      refusedBudget: sent.refusedBudget,
      finished: tasks.filter((t) => t.status === "FINISHED").length,
      failed: tasks.filter((t) => t.status === "FAILED").length,
      timedOut: tasks.filter((t) => t.status === "FAILED" && t.error === HARD_LIMIT_ERROR).length,
      // The simulator counts each failed attempt queued again. No task of these workloads is
      // queued again and then ends before its next attempt starts (the hard limit ends no task
      // after a failed attempt), so that is each task's attempts beyond its first.
      retriedAttempts: tasks.reduce((sum, t) => sum + Math.max(0, t.attempts - 1), 0),
      refunded: tasks.filter((t) => t.refunded).length,
      refundedMicros,
      spendMicros: charged - refundedMicros,
    },
    usage,
    tasks,
  };
}

/** Each workload key's usage in the simulation (0 for a key that was charged nothing). */
export const simulatedUsage = (json: WorkloadJson, keyDays: readonly KeyDay[]): Map<string, number> =>
  new Map(json.keys.map((k) => [k.id, keyDays.filter((d) => d.key === k.id).reduce((sum, d) => sum + d.spendMicros, 0)]));
