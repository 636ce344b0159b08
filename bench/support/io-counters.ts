// Opt-in (`--count-io`): counts the PostgreSQL statements and Redis commands this process sends,
// by kind, so a phase can report its database round trips per request, and the rows each kind of
// statement returned or changed as pg's rowCount says (a statement with CTEs: its outer
// statement's rows only; a submittable query: none), which tells a statement that touches one row
// from one that touches hundreds. Wraps pg.Client#query and ioredis' Redis#sendCommand in this
// process (the gateway under test uses the same modules). Rows are counted when the answer comes:
// read a snapshot once the statements sent are answered. Each round trip is also timed, from the
// gateway's call (see `calledAt`) to its answer (roundTripsBetween).
import pg from "pg";
import { Pipeline, Redis } from "ioredis";

const counts = new Map<string, number>();
/**
 * Round trips by kind since the last clearRoundTrips: when each was called (epoch ms, comparable
 * with the load generator's `beginEpochMs`) and how long its answer took (ms), so a window of a
 * run (the sustained run's measurement, without its warm-up) can be read apart. At most
 * ROUND_TRIPS_MAX of each kind are kept; `capped` says some were not.
 */
const roundTrips = new Map<string, { at: number[]; ms: number[] }>();
const ROUND_TRIPS_MAX = 500_000;
let capped = false;
const epochNow = () => performance.timeOrigin + performance.now();
function timed(kind: string, calledAtMs: number): void {
  let trips = roundTrips.get(kind);
  if (!trips) roundTrips.set(kind, (trips = { at: [], ms: [] }));
  if (trips.at.length >= ROUND_TRIPS_MAX) {
    capped = true;
    return;
  }
  trips.at.push(calledAtMs);
  trips.ms.push(epochNow() - calledAtMs);
}
/**
 * When the gateway's code asked, for what reaches the wrapped methods later: a statement given to
 * pg.Pool#query as a config object (the gateway's `sql.query`) waits there for a connection (and
 * its client's turn, database.ts) before the pool hands it to Client#query; a Redis command of an
 * auto-pipelining client is queued in a pipeline (Pipeline#sendCommand, at the call) and reaches
 * Redis#sendCommand when the pipeline is sent, a turn of the event loop or a pipeline later.
 */
const calledAt = new WeakMap<object, number>();
/** Rows returned or changed, by statement kind (pg's rowCount), as the answers come back. */
const rowCounts = new Map<string, number>();
let installed = false;

/** A short name for a statement: the function it comes from when recognizable, else its start. */
function kindOf(text: string): string {
  const sql = text.replace(/\s+/g, " ").trim();
  const known: [RegExp, string][] = [
    [/WITH input AS .* INSERT INTO tasks/, "charge+create tasks (accept, one statement a tick's batch)"],
    [/^SELECT .* FROM "public"\."tasks" WHERE \("public"\."tasks"\."id" = \$1/, "read task by id (findTask)"],
    [/^SELECT .* FROM "public"\."api_keys"/, "read api key (authenticate)"],
    [/^SELECT used_micros FROM daily_usage/, "read usage (usedOn)"],
    [/^UPDATE tasks SET status = 'FAILED'/, "driver: hard deadlines"],
    [/refund_at <=|refund_at<=/, "driver: due refunds"],
    [/^UPDATE tasks SET lease_owner/, "driver: claim processing"],
    [/^WITH next AS/, "driver: start next queued"],
  ];
  for (const [pattern, name] of known) if (pattern.test(sql)) return `pg: ${name}`;
  return `pg: ${sql.slice(0, 70)}`;
}

export function installIoCounters(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === "string" ? first : (first as { text?: string } | undefined)?.text ?? "?";
    const kind = kindOf(text);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    // Read once: a config object used again later starts its own clock.
    const pooled = first !== null && typeof first === "object" ? calledAt.get(first) : undefined;
    if (pooled !== undefined) calledAt.delete(first as object);
    const asked = pooled ?? epochNow();
    const countRows = (result: { rowCount?: number | null } | undefined) => {
      timed(kind, asked);
      rowCounts.set(kind, (rowCounts.get(kind) ?? 0) + (result?.rowCount ?? 0));
    };
    // The answer comes to a callback (pg.Pool#query gives one), else as a promise.
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (error: unknown, result: { rowCount?: number | null } | undefined) => {
        if (!error) countRows(result);
        return (callback as (...a: unknown[]) => unknown)(error, result);
      };
    }
    const answer = query.apply(this, args);
    if (answer instanceof Promise) answer.then(countRows, () => undefined);
    return answer;
  };
  const poolProto = pg.Pool.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const poolQuery = poolProto.query;
  poolProto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    if (first !== null && typeof first === "object") calledAt.set(first, epochNow());
    return poolQuery.apply(this, args);
  };
  const pipelineProto = Pipeline.prototype as unknown as { sendCommand: (...args: unknown[]) => unknown };
  const queue = pipelineProto.sendCommand;
  pipelineProto.sendCommand = function (this: unknown, ...args: unknown[]) {
    const command = args[0];
    if (command !== null && typeof command === "object" && !calledAt.has(command)) calledAt.set(command, epochNow());
    return queue.apply(this, args);
  };
  const redisProto = Redis.prototype as unknown as { sendCommand: (...args: unknown[]) => unknown };
  const send = redisProto.sendCommand;
  redisProto.sendCommand = function (this: unknown, ...args: unknown[]) {
    const command = args[0] as { name?: string; promise?: Promise<unknown> } | undefined;
    const kind = `redis: ${command?.name ?? "?"}`;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    // Its own reply ends it (an auto-pipelined caller's promise settles with its pipeline's last reply).
    const asked = (command && calledAt.get(command)) ?? epochNow();
    command?.promise?.then(() => timed(kind, asked), () => undefined);
    return send.apply(this, args);
  };
}

export interface IoSnapshot {
  readonly counts: Map<string, number>;
  readonly rows: Map<string, number>;
}

export const snapshotIo = (): IoSnapshot => ({ counts: new Map(counts), rows: new Map(rowCounts) });

/** Lines "n per request  (rows r per request)  kind" of what was sent between two snapshots. */
export function ioPerRequest(before: IoSnapshot, after: IoSnapshot, requests: number): string[] {
  const rows: [string, number][] = [];
  for (const [kind, n] of after.counts) {
    const delta = n - (before.counts.get(kind) ?? 0);
    if (delta > 0) rows.push([kind, delta]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  const total = (prefix: string) => rows.filter(([k]) => k.startsWith(prefix)).reduce((s, [, n]) => s + n, 0);
  const rowsOf = (kind: string) => (after.rows.get(kind) ?? 0) - (before.rows.get(kind) ?? 0);
  return [
    `PostgreSQL statements per request: ${(total("pg:") / requests).toFixed(2)}, Redis commands per request: ${(total("redis:") / requests).toFixed(2)}; beside each statement, the rows it returned or changed per request`,
    ...rows.slice(0, 14).map(([kind, n]) => `  ${(n / requests).toFixed(3).padStart(7)}  ${kind.startsWith("pg:") ? `(rows ${(rowsOf(kind) / requests).toFixed(3)})  ` : ""}${kind}`),
  ];
}

/** Forgets the round trips timed so far (each run's window then starts with the arrays empty). */
export function clearRoundTrips(): void {
  roundTrips.clear();
  capped = false;
}

/**
 * Lines "n  p50 / p99 ms  kind" of the round trips called within [fromEpochMs, toEpochMs], the
 * `top` most frequent kinds: from the gateway's call to the answer, so a wait for a connection, for
 * a pipeline, at PostgreSQL or Redis, and for this thread's event loop to read the answer all
 * count. `--driver=off` beside it shows what the driver adds to them.
 */
export function roundTripsBetween(fromEpochMs: number, toEpochMs: number, label: string, top = 8): string[] {
  const rows: { kind: string; ms: number[] }[] = [];
  for (const [kind, trips] of roundTrips) {
    const ms = trips.ms.filter((_, i) => trips.at[i]! >= fromEpochMs && trips.at[i]! <= toEpochMs).sort((a, b) => a - b);
    if (ms.length > 0) rows.push({ kind, ms });
  }
  rows.sort((a, b) => b.ms.length - a.ms.length);
  // Nearest rank, as the load generator reads its percentiles.
  const at = (ms: number[], q: number) => ms[Math.max(0, Math.ceil(q * ms.length) - 1)]!.toFixed(2);
  return [
    `round trips (call to answer, ms) ${label}, the ${top} most frequent kinds: count, p50 / p99${capped ? ` (over ${ROUND_TRIPS_MAX} of a kind: the later ones not kept)` : ""}`,
    ...rows.slice(0, top).map(({ kind, ms }) => `  ${String(ms.length).padStart(7)}  ${at(ms, 0.5).padStart(6)} / ${at(ms, 0.99).padStart(6)}  ${kind}`),
  ];
}
