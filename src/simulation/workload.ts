/**
 * A workload to simulate: keys with their daily limits, streams of one generation request each
 * arriving by a process between two instants, what a client does when refused, and how the
 * upstream behaves. `parseWorkload` turns the JSON both faces and the CLI take into a checked
 * `Workload`, or INVALID_PARAMS naming the field and the bound it breaks; every bound is
 * checked before any work that grows with the input.
 */
import type { GenerationRequest } from "../engine/engine.ts";
import { invalidParams, type EngineError, type ParamIssue } from "../engine/errors.ts";
import { suggestClosest } from "../engine/suggest.ts";
import type { OutputKind } from "../catalog/types.ts";
import { LATENCY_SECONDS } from "../domain/provider-latency.ts";
import { DRIVER_RULES } from "../domain/generation-clocks.ts";
import { dailyLimitMicros, DAILY_LIMIT_RULE, type Micros } from "../kernel/money.ts";
import { err, ok, type Result } from "../kernel/result.ts";
import { SIMULATION_BOUNDS as B } from "./bounds.ts";
import type { LatencySource, ObservedLatencies } from "./latency.ts";

const HOUR = 3_600_000;

export type Arrival =
  /** Evenly spaced, `perHour` an hour, the first at the stream's start. */
  | { readonly kind: "FIXED"; readonly perHour: number }
  /** A Poisson process of `perHour` an hour on average. */
  | { readonly kind: "POISSON"; readonly perHour: number }
  /** `count` requests at `atHour` (hours from the workload's start), spread evenly over `overSeconds` (0: all at once). */
  | { readonly kind: "BURST"; readonly atHour: number; readonly count: number; readonly overSeconds: number }
  /** One request at each of these instants (seconds from the workload's start). */
  | { readonly kind: "LIST"; readonly atSeconds: readonly number[] };

export type RefusalBehaviour = "DROP" | "RETRY";

export interface WorkloadKey {
  readonly id: string;
  readonly dailyLimit: Micros;
}

export interface WorkloadStream {
  readonly name: string;
  /** Index into `Workload.keys`. */
  readonly key: number;
  readonly request: GenerationRequest;
  readonly arrival: Arrival;
  /** Ms from the workload's start: arrivals fall in [from, until). */
  readonly fromMs: number;
  readonly untilMs: number;
  /** On RATE_LIMITED: give up, or send again after Retry-After (at most `maxRetries` times). */
  readonly onRefusal: RefusalBehaviour;
  readonly maxRetries: number;
}

export interface ProviderSettings {
  /** Upstream accounts: one task each at a time. */
  readonly poolSize: number;
  /** Probability that an attempt fails (retryably) at its latency. */
  readonly failureRate: number;
  /** Probability that an attempt never finishes (the 20/40-minute clocks end it). */
  readonly stallRate: number;
  /** Seconds per attempt at time scale 1, [min, max], by what the model makes. */
  readonly latencySeconds: Readonly<Record<OutputKind, readonly [number, number]>>;
  /**
   * RANGE: attempts take `latencySeconds`; OBSERVED: what this gateway's FINISHED tasks took
   * (`observed`), `latencySeconds` for a kind with too few of them (latency.ts).
   */
  readonly latencyFrom: LatencySource;
  /** OBSERVED: the gateway's observed latencies, which the caller (the service) fills in after parsing; never read from the input. */
  readonly observed?: ObservedLatencies;
  readonly maxAttempts: number;
}

export type SeriesStep = "MINUTE" | "HOUR";

export interface Workload {
  readonly seed: number;
  /** Epoch ms of the first instant. */
  readonly startAt: number;
  readonly horizonMs: number;
  /** As GATEAI_TIME_SCALE: divides the generation clocks and the latencies (workload times are not scaled). */
  readonly timeScale: number;
  readonly replications: number;
  readonly seriesStep: SeriesStep;
  readonly keys: readonly WorkloadKey[];
  readonly streams: readonly WorkloadStream[];
  readonly provider: ProviderSettings;
}

/** What the caller fills in where the workload says nothing. */
export interface WorkloadDefaults {
  /** Epoch ms: where a workload without `start` begins (the service: today's UTC midnight). */
  readonly startAt: number;
  /** A key without `dailyLimitUsd` has this one (the service: the caller's own). */
  readonly dailyLimit: Micros;
  /** A provider without `poolSize` has this one (the gateway's GATEAI_POOL_SIZE). */
  readonly poolSize: number;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * Collects issues; each reader answers a value (a fallback when the input is wrong) so every issue
 * is found in one pass. Every read of a field goes through `get`, which notes the name as one its
 * object has: `rest` then refuses the names no reader took, so the fields a level has are written
 * once, where they are read.
 */
class Reader {
  readonly issues: ParamIssue[] = [];
  private readonly taken = new WeakMap<Json, Set<string>>();
  issue(field: string, reason: string): void {
    if (this.issues.length < B.issues) this.issues.push({ field, reason });
  }
  /** `o[name]`, the name noted as one of `o`'s fields. */
  get(o: Json, name: string): unknown {
    let names = this.taken.get(o);
    if (!names) this.taken.set(o, (names = new Set()));
    names.add(name);
    return o[name];
  }
  /**
   * The names of `o` no reader took (nor `alsoKnown`): a misspelt field would otherwise fall back
   * to its default without a word (a 2-hour horizon read as 24). Each is an issue, with the name
   * meant; a null says nothing (a typed client's unset field), whatever its name.
   */
  rest(o: Json, field: string, alsoKnown: readonly string[] = []): void {
    const names = [...(this.taken.get(o) ?? []), ...alsoKnown.filter((n) => !this.taken.get(o)?.has(n))];
    for (const name of Object.keys(o)) {
      if (names.includes(name) || o[name] === null || o[name] === undefined) continue;
      const meant = suggestClosest(name, names);
      this.issue(field ? `${field}.${name}` : name, `is not a field here${meant ? ` (did you mean "${meant}"?)` : ""}; the fields are ${names.join(", ")}`);
    }
  }
  number(o: Json, name: string, field: string, fallback: number | undefined, min: number, max: number, integer = false): number {
    const v = this.get(o, name);
    if (v === undefined || v === null) {
      if (fallback !== undefined) return fallback;
      this.issue(field, "required");
      return min;
    }
    if (!isNumber(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      this.issue(field, `must be ${integer ? "an integer" : "a number"} from ${min} to ${max}`);
      return fallback ?? min;
    }
    return v;
  }
  text(o: Json, name: string, field: string, fallback?: string): string {
    const v = this.get(o, name);
    if (v === undefined || v === null) {
      if (fallback !== undefined) return fallback;
      this.issue(field, "required");
      return "";
    }
    if (typeof v !== "string" || v.length === 0 || v.length > B.name) {
      this.issue(field, `must be a string of 1 to ${B.name} characters`);
      return "";
    }
    return v;
  }
  list(o: Json, name: string, field: string, max: number, required: boolean): unknown[] {
    const v = this.get(o, name);
    if (v === undefined || v === null) {
      if (required) this.issue(field, "required");
      return [];
    }
    if (!Array.isArray(v)) {
      this.issue(field, "must be a list");
      return [];
    }
    if (v.length > max) {
      this.issue(field, `has ${v.length} items; at most ${max}`);
      return [];
    }
    return v;
  }
  choice<T extends string>(o: Json, name: string, field: string, choices: readonly T[], fallback: T): T {
    const v = this.get(o, name);
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "string" || !(choices as readonly string[]).includes(v)) {
      this.issue(field, `must be one of ${choices.join(", ")}`);
      return fallback;
    }
    return v as T;
  }
}

/** An ISO 8601 time ending in its zone: Z or an offset. */
const ZONED = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const EARLIEST_START = Date.UTC(2000, 0, 1);
const LATEST_START = Date.UTC(2200, 0, 1) - 1;

/** The expected number of requests a stream sends (before client retries). */
export function expectedRequests(stream: Pick<WorkloadStream, "arrival" | "fromMs" | "untilMs">): number {
  const a = stream.arrival;
  const hours = Math.max(0, stream.untilMs - stream.fromMs) / HOUR;
  switch (a.kind) {
    case "FIXED":
    case "POISSON":
      return Math.ceil(a.perHour * hours);
    case "BURST":
      return a.count;
    case "LIST":
      return a.atSeconds.length;
  }
}

/**
 * The workload JSON (see README "What will a day cost?") → a checked workload. `request` of a
 * stream is `{model, params}` as POST /api/generate takes it; the faces check its model id and
 * params against the request bounds (src/http) before this, the engine checks the rest when the
 * simulation starts.
 */
export function parseWorkload(input: unknown, defaults: WorkloadDefaults): Result<Workload, EngineError> {
  const r = new Reader();
  if (!isObject(input)) return err(invalidParams([{ field: "workload", reason: "must be an object" }]));

  const seed = r.number(input, "seed", "seed", 1, -2_147_483_648, 2_147_483_647, true);
  let startAt = defaults.startAt;
  const start = r.get(input, "start");
  if (start !== undefined && start !== null) {
    // An instant: with its zone (a time without one would be read in the server's), within years
    // every date of the run and its report can be written in.
    const parsed = typeof start === "string" && start.length <= 40 && ZONED.test(start) ? Date.parse(start) : Number.NaN;
    if (Number.isNaN(parsed) || parsed < EARLIEST_START || parsed > LATEST_START) r.issue("start", "must be an ISO 8601 instant with its zone, from 2000 to 2199, e.g. 2026-12-07T00:00:00Z");
    else startAt = parsed;
  }
  const horizonHours = r.number(input, "horizonHours", "horizonHours", 24, 1 / 60, B.horizonHours);
  const horizonMs = horizonHours * HOUR;
  const timeScale = r.number(input, "timeScale", "timeScale", 1, 1, 1_000_000);
  const replications = r.number(input, "replications", "replications", 1, 1, B.replications, true);
  const seriesStep = r.choice<SeriesStep>(input, "seriesStep", "seriesStep", ["MINUTE", "HOUR"], horizonHours > 24 ? "HOUR" : "MINUTE");

  const keys: WorkloadKey[] = [];
  const keyIndex = new Map<string, number>();
  r.list(input, "keys", "keys", B.keys, true).forEach((k, i) => {
    const field = `keys[${i}]`;
    if (!isObject(k)) return r.issue(field, "must be an object");
    const id = r.text(k, "id", `${field}.id`);
    if (keyIndex.has(id)) r.issue(`${field}.id`, "is used by an earlier key");
    let dailyLimit = defaults.dailyLimit;
    const usd = r.get(k, "dailyLimitUsd");
    if (usd !== undefined && usd !== null) {
      const micros = isNumber(usd) ? dailyLimitMicros(usd) : undefined;
      if (micros === undefined) r.issue(`${field}.dailyLimitUsd`, `must be ${DAILY_LIMIT_RULE}`);
      else dailyLimit = micros;
    }
    r.rest(k, field);
    keyIndex.set(id, keys.length);
    keys.push({ id, dailyLimit });
  });

  const streams: WorkloadStream[] = [];
  let requests = 0;
  r.list(input, "streams", "streams", B.streams, true).forEach((s, i) => {
    const field = `streams[${i}]`;
    if (!isObject(s)) return r.issue(field, "must be an object");
    const name = r.text(s, "name", `${field}.name`, `stream ${i + 1}`);
    const keyId = r.text(s, "key", `${field}.key`);
    const key = keyIndex.get(keyId);
    if (keyId !== "" && key === undefined) r.issue(`${field}.key`, "names no key of `keys`");
    const request = r.get(s, "request");
    if (!isObject(request) || typeof request.model !== "string" || request.model === "") r.issue(`${field}.request`, "must be {model, params}: a model id and its params");
    const fromMs = r.number(s, "fromHour", `${field}.fromHour`, 0, 0, horizonHours) * HOUR;
    const untilMs = r.number(s, "untilHour", `${field}.untilHour`, horizonHours, 0, horizonHours) * HOUR;
    if (untilMs < fromMs) r.issue(`${field}.untilHour`, "is before fromHour");
    const arrival = readArrival(r, r.get(s, "arrival"), `${field}.arrival`, horizonHours);
    // A burst is its stream's: it falls within the stream's hours (and so within the horizon).
    if (arrival.kind === "BURST" && (arrival.atHour * HOUR < fromMs || arrival.atHour * HOUR >= untilMs || arrival.atHour * HOUR + arrival.overSeconds * 1000 > untilMs))
      r.issue(`${field}.arrival`, `the burst (hour ${arrival.atHour}, over ${arrival.overSeconds} s) must fall within the stream's hours ${fromMs / HOUR} to ${untilMs / HOUR}`);
    const onRefusal = r.choice<RefusalBehaviour>(s, "onRefusal", `${field}.onRefusal`, ["DROP", "RETRY"], "DROP");
    const maxRetries = r.number(s, "maxRetries", `${field}.maxRetries`, 3, 0, B.clientRetries, true);
    r.rest(s, field);
    const stream: WorkloadStream = {
      name,
      key: key ?? 0,
      request: isObject(request) ? { model: String(request.model), params: request.params ?? {} } : { model: "", params: {} },
      arrival,
      fromMs,
      untilMs,
      onRefusal,
      maxRetries,
    };
    requests += expectedRequests(stream);
    streams.push(stream);
  });
  if (requests > B.requests) r.issue("streams", `send about ${requests} requests per replication; at most ${B.requests}`);
  if (requests * replications > B.requestsTimesReplications)
    r.issue("replications", `${replications} replications of about ${requests} requests are ${requests * replications} simulated requests; at most ${B.requestsTimesReplications}`);

  const provider = readProvider(r, r.get(input, "provider"), defaults.poolSize);
  r.rest(input, "");
  if (r.issues.length > 0) return err(invalidParams(r.issues));
  return ok({ seed, startAt, horizonMs, timeScale, replications, seriesStep, keys, streams, provider });
}

/**
 * Every arrival kind's fields. A field of another kind than the arrival's is left unread without an
 * issue: a form that switched kinds keeps what it had (the console's does); a name of no kind is a
 * typo, refused.
 */
const ARRIVAL_FIELDS = ["perHour", "atHour", "count", "overSeconds", "atSeconds"] as const;

function readArrival(r: Reader, a: unknown, field: string, horizonHours: number): Arrival {
  const fallback: Arrival = { kind: "LIST", atSeconds: [] };
  if (!isObject(a)) {
    r.issue(field, "required: {kind: FIXED | POISSON | BURST | LIST, ...}");
    return fallback;
  }
  const kind = r.choice(a, "kind", `${field}.kind`, ["FIXED", "POISSON", "BURST", "LIST"] as const, "LIST");
  const arrival = readArrivalOf(r, a, kind, field, horizonHours);
  r.rest(a, field, ARRIVAL_FIELDS);
  return arrival;
}

/** The fields of the arrival's kind. */
function readArrivalOf(r: Reader, a: Json, kind: Arrival["kind"], field: string, horizonHours: number): Arrival {
  switch (kind) {
    case "FIXED":
    case "POISSON":
      return { kind, perHour: r.number(a, "perHour", `${field}.perHour`, undefined, 1e-6, B.perHour) };
    case "BURST":
      return {
        kind,
        atHour: r.number(a, "atHour", `${field}.atHour`, 0, 0, horizonHours),
        count: r.number(a, "count", `${field}.count`, undefined, 1, B.requests, true),
        overSeconds: r.number(a, "overSeconds", `${field}.overSeconds`, 0, 0, horizonHours * 3600),
      };
    case "LIST": {
      const times = r.list(a, "atSeconds", `${field}.atSeconds`, B.listTimes, true);
      const atSeconds: number[] = [];
      times.forEach((t, i) => {
        if (!isNumber(t) || t < 0 || t > horizonHours * 3600) r.issue(`${field}.atSeconds[${i}]`, `must be a number of seconds from 0 to ${horizonHours * 3600}`);
        else atSeconds.push(t);
      });
      return { kind, atSeconds: atSeconds.sort((x, y) => x - y) };
    }
  }
}

function readProvider(r: Reader, p: unknown, defaultPool: number): ProviderSettings {
  const o: Json = isObject(p) ? p : {};
  if (p !== undefined && p !== null && !isObject(p)) r.issue("provider", "must be an object");
  const latencySeconds: Record<OutputKind, readonly [number, number]> = { ...LATENCY_SECONDS };
  const given = r.get(o, "latencySeconds");
  if (given !== undefined && given !== null) {
    if (!isObject(given)) r.issue("provider.latencySeconds", "must be an object by output kind: {image, video, 3d}");
    else
      for (const kind of Object.keys(given)) {
        const field = `provider.latencySeconds.${kind}`;
        if (!Object.hasOwn(LATENCY_SECONDS, kind)) {
          r.issue(field, "is not an output kind (image, video, 3d)");
          continue;
        }
        const range = given[kind];
        if (!isObject(range)) {
          r.issue(field, "must be {min, max} in seconds");
          continue;
        }
        const min = r.number(range, "min", `${field}.min`, undefined, 0.001, B.latencySeconds);
        const max = r.number(range, "max", `${field}.max`, min, 0.001, B.latencySeconds);
        r.rest(range, field);
        if (max < min) r.issue(`${field}.max`, "is below min");
        latencySeconds[kind as OutputKind] = [min, Math.max(min, max)];
      }
  }
  const provider: ProviderSettings = {
    poolSize: r.number(o, "poolSize", "provider.poolSize", defaultPool, 1, B.poolSize, true),
    failureRate: r.number(o, "failureRate", "provider.failureRate", 0, 0, 1),
    stallRate: r.number(o, "stallRate", "provider.stallRate", 0, 0, 1),
    latencySeconds,
    latencyFrom: r.choice<LatencySource>(o, "latencyFrom", "provider.latencyFrom", ["RANGE", "OBSERVED"], "RANGE"),
    maxAttempts: r.number(o, "maxAttempts", "provider.maxAttempts", DRIVER_RULES.maxAttempts, 1, B.attempts, true),
  };
  r.rest(o, "provider");
  return provider;
}
