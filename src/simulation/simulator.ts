/**
 * A discrete-event simulation of one replication of a workload through the gateway's own rules:
 * the engine's quote (normalize once per stream, price once, the fit only when the key's
 * remaining budget changes), the per-key limits (key-limits.ts), the daily budget charged to the
 * UTC day of acceptance and given back by refunds, and the task driver's pool and clocks
 * (domain/generation-clocks.ts): one task per account, queued in acceptance order, a retry on
 * another account, accounts locked after failures in a row, the slot freed at 10 minutes, the
 * refund at 20, FAILED at 40.
 *
 * Pure and deterministic: time is the events' own, chance is a seeded generator. Events are
 * numbers in a heap (event-heap.ts), except the Poisson streams' arrivals, one process beside it
 * (poisson-arrivals.ts), and the deadlines, read from the tasks in acceptance order; tasks live in
 * typed arrays: no object or closure per event. The handlers share the run's state as `var`s of
 * `createSimulation` (see there).
 * `step(n)` processes at most n events, so a caller can run it in bounded slices.
 */
import type { Engine, NormalizedGeneration, Quote } from "../engine/engine.ts";
import type { EngineError } from "../engine/errors.ts";
import type { Micros } from "../kernel/money.ts";
import { err, ok, type Result } from "../kernel/result.ts";
import { utcDay } from "../kernel/utc-day.ts";
import { DRIVER_RULES, generationClocks, SPEC_LIMITS } from "../domain/generation-clocks.ts";
import { EventHeap } from "./event-heap.ts";
import { ADMITTED, KeyLimits, REFUSED_CONCURRENCY } from "./key-limits.ts";
import { FreeAccounts } from "./free-accounts.ts";
import { latencyUses, OBSERVED_PROBABILITIES, sampleQuantiles } from "./latency.ts";
import { PoissonArrivals } from "./poisson-arrivals.ts";
import { SeededRandom } from "./random.ts";
import { percentiles, type KeyDay, type ModelUse, type Percentiles, type ReplicationResult, type SimulationTotals, type TimeSeries } from "./report.ts";
import { expectedRequests, type Workload } from "./workload.ts";

const DAY = 86_400_000;

// Event kinds of the heap, in the order the driver acts within one pass at one instant: attempt
// ends, then accounts coming back, then new requests. The deadlines (refund, hard limit) come
// before all of them; they fall in acceptance order, so they need no heap (see `nextDeadline`).
const ATTEMPT_END = 2;
const UNLOCK = 3;
const ARRIVAL = 4;
const CLIENT_RETRY = 5;

// Arrival processes (a burst is a list of instants).
const FIXED_ARRIVALS = 0;
const POISSON_ARRIVALS = 1;
const LISTED_ARRIVALS = 2;
const BURST_ARRIVALS = 3;

// Task states.
const QUEUED = 1;
const PROCESSING = 2;
const FINISHED = 3;
const FAILED = 4;

// Attempt outcomes.
const FINISH = 0;
const FAIL = 1;
const STALL = 2;

/** A client retry's ref: stream × RETRY_SLOTS + retries so far. */
const RETRY_SLOTS = 16;

/**
 * The first task in [from, to) still QUEUED or PROCESSING (`to` when none is): the deadline look
 * passes the tasks already over with it. `step` loops on locals only, as here: a binding of
 * createSimulation that a loop tests is read from the closure's context, and written back when the
 * loop advances it, at every pass (test/simulation/simulator-bindings.test.ts).
 */
function firstOpen(states: Uint8Array, from: number, to: number): number {
  for (; from < to; from++) {
    const state = states[from];
    if (state === QUEUED || state === PROCESSING) break;
  }
  return from;
}

export interface Simulation {
  /** Processes at most `maxEvents` events; true when the run is over. */
  step(maxEvents: number): boolean;
  /** The answer (call once `step` returned true). */
  result(): ReplicationResult;
  /** What the run has done so far beyond its answer: the tests that hold its cost per request read it. */
  work(): SimulationWork;
}

export interface SimulationWork {
  /** Events processed (the result's `events`). */
  readonly events: number;
  /** Of them, the events taken from the heap (Poisson arrivals and deadlines are not). */
  readonly heapEvents: number;
  /** Times a step looked for a due refund deadline or hard limit. */
  readonly deadlineLooks: number;
  /** Queue waits stored for the percentiles (a wait of 0 is counted, not stored). */
  readonly storedWaits: number;
  /** The run took the task arrays a finished simulation gave back instead of allocating its own. */
  readonly reusedTaskArrays: boolean;
}

/** One simulation's task arrays, by acceptance order. */
interface TaskArrays {
  readonly capacity: number;
  readonly tStream: Int32Array;
  readonly tCost: Float64Array;
  readonly tAcceptedAt: Float64Array;
  readonly tDay: Int32Array;
  readonly tState: Uint8Array;
  readonly tAttempts: Uint8Array;
  readonly tAccount: Int32Array;
  readonly tOutcome: Uint8Array;
  readonly tRefunded: Uint8Array;
}

/**
 * The task arrays of the last finished simulation, for the next one to take. A day's worth (about
 * 32 bytes a task, memory outside the JS heap) allocated afresh for every simulation and every
 * replication costs more than a small run's events: zeroed, faulted in, and counted towards the
 * heap's external memory, which brings garbage collections forward. Taking them empties the slot,
 * so no two simulations share arrays; arrays of more than SPARE_TASKS_MAX tasks are not kept.
 */
let spareTasks: TaskArrays | undefined;
const SPARE_TASKS_MAX = 1 << 16;

/** The streams' requests, normalized by the engine: once per workload, shared by its replications. */
export type PreparedStreams = readonly NormalizedGeneration[];

/** Normalizes every stream's request; the first that fails, as the engine says (field: the stream). */
export function prepareStreams(engine: Engine, workload: Workload): Result<PreparedStreams, EngineError> {
  const prepared: NormalizedGeneration[] = [];
  for (const [i, stream] of workload.streams.entries()) {
    const normalized = engine.normalize(stream.request);
    if (!normalized.ok) {
      const e = normalized.error;
      return err(e.code === "INVALID_PARAMS" ? Object.assign({}, e, { issues: e.issues.map((issue) => ({ field: `streams[${i}].request.params.${issue.field}`, reason: issue.reason })) }) : e);
    }
    prepared.push(normalized.value);
  }
  return ok(prepared);
}

/** The series as the run kept them, one entry per step. */
interface SeriesLevels {
  readonly step: TimeSeries["step"];
  readonly stepMs: number;
  readonly startAt: number;
  readonly spend: Float64Array;
  readonly accepted: Float64Array;
  readonly refused: Float64Array;
  readonly inFlight: Float64Array;
  readonly queue: Float64Array;
}

/**
 * A replication's answer. Its percentiles and its series are made when first read: a caller that
 * asks for neither (a GraphQL query selecting the totals) pays for neither. Built outside
 * `createSimulation` so that the answer holds only what it reads, not the run's task arrays.
 */
function answer(
  seed: number, totals: SimulationTotals, keyDays: readonly KeyDay[], models: readonly ModelUse[], events: number,
  waits: Float64Array, zeroWaits: number, completionTimes: Float64Array, levels: SeriesLevels,
): ReplicationResult {
  let queueWait: Percentiles | undefined;
  let completion: Percentiles | undefined;
  let series: TimeSeries | undefined;
  return {
    seed,
    totals,
    keyDays,
    models,
    get queueWait() {
      return (queueWait ??= percentiles(waits, zeroWaits));
    },
    get completion() {
      // Selection reorders them in place: they are in no order anyway.
      return (completion ??= percentiles(completionTimes));
    },
    completionTimes,
    get series() {
      return (series ??= {
        step: levels.step,
        stepMs: levels.stepMs,
        at: Array.from({ length: levels.spend.length }, (_, i) => levels.startAt + i * levels.stepMs),
        spendMicros: Array.from(levels.spend),
        accepted: Array.from(levels.accepted),
        refused: Array.from(levels.refused),
        inFlight: Array.from(levels.inFlight),
        queueDepth: Array.from(levels.queue),
      });
    },
    events,
  };
}

export function createSimulation(engine: Engine, workload: Workload, prepared: PreparedStreams, seed: number): Simulation {
  // The run's state is this function's bindings, shared by its handlers (call, start, attemptEnd,
  // step, ...), and every one of them is a `var`: V8 checks a `let` or `const` that a closure
  // reads or writes for its temporal dead zone at each access, and the handlers make dozens of
  // such accesses an event. A binding local to one handler is a `const` or `let` as usual.
  // test/simulation/simulator-bindings.test.ts holds it.
  var { streams, keys, provider, startAt, horizonMs } = workload;
  var clocks = generationClocks(workload.timeScale);
  var rules = { maxConcurrent: SPEC_LIMITS.maxConcurrent, windowMax: SPEC_LIMITS.windowMax, windowMs: SPEC_LIMITS.windowMs, slotTtlMs: clocks.slotTtlMs };
  var random = new SeededRandom(seed);
  var heap = new EventHeap();
  var endOfArrivals = startAt + horizonMs;
  var nStreams = streams.length;
  var nKeys = keys.length;

  // --- per stream: the request as priced once, the quote against the whole daily limit, the last fit
  var requestedCost = new Float64Array(nStreams);
  var fitRemaining = new Float64Array(nStreams).fill(-1);
  var fullCost = new Float64Array(nStreams);
  var fullFits = new Uint8Array(nStreams);
  var fitQuote: (Result<Quote, EngineError> | undefined)[] = new Array(nStreams).fill(undefined);
  var latencyMin = new Float64Array(nStreams);
  var latencySpan = new Float64Array(nStreams);
  // A stream whose kind draws from observed latencies: the quantiles in ms at this time scale (undefined: the range).
  var observedMs: (Float64Array | undefined)[] = new Array(nStreams).fill(undefined);
  var uses = new Map(latencyUses(provider.latencyFrom, provider.latencySeconds, provider.observed).map((use) => [use.output, use]));
  var arrivalIndex = new Float64Array(nStreams);
  // Each stream's arrival process as numbers, read per arrival without touching the workload's objects.
  var arrivalKind = new Uint8Array(nStreams);
  var arrivalGap = new Float64Array(nStreams);
  var arrivalFrom = new Float64Array(nStreams);
  var arrivalUntil = new Float64Array(nStreams);
  var streamKey = Int32Array.from(streams, (st) => st.key);
  var streamRetries = Int32Array.from(streams, (st) => (st.onRefusal === "RETRY" ? st.maxRetries : 0));
  var listTimes: (Float64Array | undefined)[] = [];
  var arrivalCount = new Float64Array(nStreams);
  for (let s = 0; s < nStreams; s++) {
    const p = prepared[s]!;
    const stream = streams[s]!;
    requestedCost[s] = engine.price(p.profile, p.params);
    const full = engine.quoteNormalized(p, keys[stream.key]!.dailyLimit);
    // Nothing fits the whole limit: never charged as quoted against it.
    fullCost[s] = full.ok ? full.value.cost : Number.POSITIVE_INFINITY;
    fullFits[s] = full.ok && full.value.fitsInBudget ? 1 : 0;
    const [min, max] = provider.latencySeconds[p.profile.spec.output];
    latencyMin[s] = (min * 1000) / workload.timeScale;
    latencySpan[s] = ((max - min) * 1000) / workload.timeScale;
    const quantiles = uses.get(p.profile.spec.output)?.quantiles;
    if (quantiles) observedMs[s] = Float64Array.from(quantiles.seconds, (v) => (v * 1000) / workload.timeScale);
    const a = stream.arrival;
    arrivalKind[s] = a.kind === "FIXED" ? FIXED_ARRIVALS : a.kind === "POISSON" ? POISSON_ARRIVALS : a.kind === "BURST" ? BURST_ARRIVALS : LISTED_ARRIVALS;
    arrivalGap[s] = a.kind === "FIXED" || a.kind === "POISSON" ? 3_600_000 / a.perHour : 0;
    arrivalFrom[s] = startAt + stream.fromMs;
    arrivalUntil[s] = Math.min(startAt + stream.untilMs, endOfArrivals);
    if (a.kind === "LIST") listTimes.push(Float64Array.from(a.atSeconds, (t) => startAt + t * 1000).filter((t) => t >= startAt + stream.fromMs && t < startAt + stream.untilMs));
    else listTimes.push(undefined);
    // A burst's instants are counted, not listed: a million of them cost nothing before they come.
    if (a.kind === "BURST") {
      arrivalFrom[s] = startAt + a.atHour * 3_600_000;
      arrivalGap[s] = a.count > 1 ? (a.overSeconds * 1000) / a.count : 0;
      arrivalCount[s] = a.count;
    }
  }

  // --- per key: limits, the day's usage (by day index from the first UTC day)
  var firstDay = Math.floor(startAt / DAY);
  // Tasks end at most 40 minutes, and client retries at most a few hours, after the last arrival: a day more covers both.
  var dayCount = Math.floor((endOfArrivals + DAY) / DAY) - firstDay + 1;
  var limits = keys.map(() => new KeyLimits(rules));
  var keyLimit = Float64Array.from(keys, (key) => key.dailyLimit);
  var used = new Float64Array(nKeys * dayCount);
  var keyAccepted = new Float64Array(nKeys * dayCount);
  var keyRefusedBudget = new Float64Array(nKeys * dayCount);
  var exhaustedAt = new Float64Array(nKeys * dayCount).fill(Number.NaN);

  // --- per model (by stream's model id)
  var modelIndex = new Map<string, number>();
  var streamModel = new Int32Array(nStreams);
  for (let s = 0; s < nStreams; s++) {
    const id = prepared[s]!.profile.spec.id;
    if (!modelIndex.has(id)) modelIndex.set(id, modelIndex.size);
    streamModel[s] = modelIndex.get(id)!;
  }
  var nModels = modelIndex.size;
  var mRequests = new Float64Array(nModels);
  var mAccepted = new Float64Array(nModels);
  var mDowngraded = new Float64Array(nModels);
  var mSpend = new Float64Array(nModels);
  var mSaved = new Float64Array(nModels);

  // --- tasks, by acceptance order (so the queue's order is the index's)
  // Room for every expected request from the start (up to 2^16): growing the arrays costs more than the run.
  var wanted = Math.min(1 << 16, Math.max(1024, streams.reduce((n, st) => n + expectedRequests(st), 0) + 64));
  // The arrays the last finished simulation gave back, when large enough: a task's entries are
  // all written when it is accepted, before any is read, so they need no clearing.
  var reused = spareTasks !== undefined && spareTasks.capacity >= wanted ? spareTasks : undefined;
  if (reused) spareTasks = undefined;
  var capacity = reused?.capacity ?? wanted;
  var taskCount = 0;
  var tStream = reused?.tStream ?? new Int32Array(capacity);
  var tCost = reused?.tCost ?? new Float64Array(capacity);
  var tAcceptedAt = reused?.tAcceptedAt ?? new Float64Array(capacity);
  var tDay = reused?.tDay ?? new Int32Array(capacity);
  var tState = reused?.tState ?? new Uint8Array(capacity);
  var tAttempts = reused?.tAttempts ?? new Uint8Array(capacity);
  var tAccount = reused?.tAccount ?? new Int32Array(capacity);
  var tOutcome = reused?.tOutcome ?? new Uint8Array(capacity);
  var tRefunded = reused?.tRefunded ?? new Uint8Array(capacity);
  var tasksGivenBack = false;
  var growTasks = () => {
    capacity *= 2;
    const f64 = (a: Float64Array) => { const b = new Float64Array(capacity); b.set(a); return b; };
    const i32 = (a: Int32Array) => { const b = new Int32Array(capacity); b.set(a); return b; };
    const u8 = (a: Uint8Array) => { const b = new Uint8Array(capacity); b.set(a); return b; };
    tStream = i32(tStream);
    tCost = f64(tCost);
    tAcceptedAt = f64(tAcceptedAt);
    tDay = i32(tDay);
    tState = u8(tState);
    tAttempts = u8(tAttempts);
    tAccount = i32(tAccount);
    tOutcome = u8(tOutcome);
    tRefunded = u8(tRefunded);
  };

  // --- the queue: a min-heap of task indices (acceptance order); entries of tasks no longer QUEUED are skipped
  var queue = new Int32Array(256);
  var queueSize = 0;
  var queued = 0;
  var queuePush = (task: number) => {
    if (queueSize === queue.length) {
      const bigger = new Int32Array(queue.length * 2);
      bigger.set(queue);
      queue = bigger;
    }
    let i = queueSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (queue[parent]! <= task) break;
      queue[i] = queue[parent]!;
      i = parent;
    }
    queue[i] = task;
  };
  var queuePop = (): number => {
    const top = queue[0]!;
    const last = queue[--queueSize]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= queueSize) break;
      const right = left + 1;
      const child = right < queueSize && queue[right]! < queue[left]! ? right : left;
      if (queue[child]! >= last) break;
      queue[i] = queue[child]!;
      i = child;
    }
    if (queueSize > 0) queue[i] = last;
    return top;
  };

  // --- the pool: accounts 1..poolSize; the free ones (neither busy nor locked) as set bits, 32 to a word
  var poolSize = provider.poolSize;
  var { stallRate, failureRate } = provider;
  var lockedUntil = new Float64Array(poolSize + 1);
  var failuresInARow = new Uint8Array(poolSize + 1);
  var freeAccounts = new FreeAccounts(poolSize);

  // --- totals
  var requests = 0, calls = 0, accepted = 0, downgraded = 0, saved = 0, refusedConcurrency = 0, refusedWindow = 0, refusedBudget = 0;
  var rateLimitedCalls = 0, finished = 0, failed = 0, timedOut = 0, retriedAttempts = 0, refunded = 0, refundedMicros = 0, spend = 0;
  var inFlight = 0;
  var events = 0;
  var heapEvents = 0;
  /**
   * No refund deadline or hard limit falls before this instant. A task that ends, or a deadline
   * that passes, can only move the next deadline later; only an accepted task can bring one
   * sooner (its refund deadline, when no other task's is pending).
   */
  var deadlinesFrom = Number.POSITIVE_INFINITY;
  /** How often the step looked for a due deadline (the test of `deadlinesFrom` reads it). */
  var deadlineLooks = 0;

  // --- durations; a wait of 0 (an account was free at acceptance: most tasks while the pool keeps up) is counted, not stored
  var waits = new Float64Array(256);
  var waitCount = 0;
  var zeroWaits = 0;
  var completions = new Float64Array(capacity);
  var completionCount = 0;
  var record = (which: 0 | 1, value: number) => {
    if (which === 0) {
      if (waitCount === waits.length) { const b = new Float64Array(waits.length * 2); b.set(waits); waits = b; }
      waits[waitCount++] = value;
    } else {
      if (completionCount === completions.length) { const b = new Float64Array(completions.length * 2); b.set(completions); completions = b; }
      completions[completionCount++] = value;
    }
  };

  // --- series: steps from startAt until the last event
  var stepMs = workload.seriesStep === "HOUR" ? 3_600_000 : 60_000;
  var maxSteps = Math.ceil((horizonMs + DAY) / stepMs) + 1;
  var sSpend = new Float64Array(maxSteps);
  var sAccepted = new Float64Array(maxSteps);
  var sRefused = new Float64Array(maxSteps);
  var sInFlight = new Float64Array(maxSteps);
  var sQueue = new Float64Array(maxSteps);
  var step = 0;
  var lastStep = 0;
  /** Moves the series to the step of `now`, carrying the levels into the steps that had no event. */
  /** Where the current step ends: an event before it stays in the step (the usual case, no division). */
  var stepEndsAt = startAt + stepMs;
  var seriesAt = (now: number) => {
    if (now < stepEndsAt) return;
    const s = Math.min(maxSteps - 1, Math.floor((now - startAt) / stepMs));
    stepEndsAt = s === maxSteps - 1 ? Number.POSITIVE_INFINITY : startAt + (s + 1) * stepMs;
    while (step < s) {
      step++;
      sInFlight[step] = inFlight;
      sQueue[step] = queued;
    }
    if (s > lastStep) lastStep = s;
  };
  var levels = () => {
    if (inFlight > sInFlight[step]!) sInFlight[step] = inFlight;
    if (queued > sQueue[step]!) sQueue[step] = queued;
  };

  // --- arrivals of FIXED and listed streams: one pending heap event per stream (Poisson streams: see `poisson` below)
  var scheduleArrival = (s: number) => {
    const kind = arrivalKind[s];
    if (kind === FIXED_ARRIVALS || kind === BURST_ARRIVALS) {
      const i = arrivalIndex[s]!;
      if (kind === BURST_ARRIVALS && i >= arrivalCount[s]!) return;
      const next = arrivalFrom[s]! + i * arrivalGap[s]!;
      arrivalIndex[s] = i + 1;
      if (next < arrivalUntil[s]!) heap.push(next, ARRIVAL, s);
      return;
    }
    const times = listTimes[s]!;
    const i = arrivalIndex[s]!;
    if (i >= times.length) return;
    arrivalIndex[s] = i + 1;
    heap.push(times[i]!, ARRIVAL, s);
  };

  /** The day index of `now`, recomputed only when a UTC midnight has passed. */
  var currentDay = 0;
  var dayEndsAt = (firstDay + 1) * DAY;
  var dayOf = (now: number) => {
    if (now >= dayEndsAt) {
      currentDay = Math.min(dayCount - 1, Math.floor(now / DAY) - firstDay);
      dayEndsAt = currentDay === dayCount - 1 ? Number.POSITIVE_INFINITY : (firstDay + currentDay + 1) * DAY;
    }
    return currentDay;
  };

  var finalRefusal = (now: number) => {
    seriesAt(now);
    sRefused[step]!++;
  };

  /** One call of a stream's request at `now`; `retries`: the client's retries of it so far. */
  var call = (s: number, retries: number, now: number) => {
    const k = streamKey[s]!;
    calls++;
    if (retries === 0) {
      requests++;
      mRequests[streamModel[s]!]!++;
    }
    const id = taskCount;
    const admission = limits[k]!.admit(id, now);
    if (admission !== ADMITTED) {
      rateLimitedCalls++;
      if (retries < streamRetries[s]!) {
        // A client waits the Retry-After header's whole seconds.
        const wait = Math.max(1, Math.ceil(limits[k]!.retryAfterMs / 1000)) * 1000;
        heap.push(now + wait, CLIENT_RETRY, s * RETRY_SLOTS + retries + 1);
        return;
      }
      if (admission === REFUSED_CONCURRENCY) refusedConcurrency++;
      else refusedWindow++;
      finalRefusal(now);
      return;
    }
    // The charge, as the accepting statement makes it: the quote against the whole daily limit
    // first; when it does not fit what is left today, the quote against what is left.
    const day = dayOf(now);
    const slot = k * dayCount + day;
    const limit = keyLimit[k]!;
    const usedToday = used[slot]!;
    // The quote against the whole limit, as numbers (the usual case); else the last fit's.
    let cost: Micros = fullCost[s]!;
    let fits = fullFits[s] === 1;
    if (usedToday + cost > limit) {
      const remaining = Math.max(0, limit - usedToday);
      if (fitRemaining[s] !== remaining) {
        fitRemaining[s] = remaining;
        fitQuote[s] = engine.quoteNormalized(prepared[s]!, remaining);
      }
      const quote = fitQuote[s]!;
      if (!quote.ok) {
        limits[k]!.release(id, true);
        refusedBudget++;
        keyRefusedBudget[slot]!++;
        if (Number.isNaN(exhaustedAt[slot]!)) exhaustedAt[slot] = now;
        finalRefusal(now);
        return;
      }
      cost = quote.value.cost;
      fits = quote.value.fitsInBudget;
    }
    if (taskCount === capacity) growTasks();
    const t = taskCount++;
    tStream[t] = s;
    tCost[t] = cost;
    tAcceptedAt[t] = now;
    tDay[t] = day;
    tState[t] = QUEUED;
    tAttempts[t] = 0;
    tAccount[t] = 0;
    tRefunded[t] = 0;
    used[slot] = usedToday + cost;
    if (now + clocks.refundAfterMs < deadlinesFrom) deadlinesFrom = now + clocks.refundAfterMs;
    keyAccepted[slot]!++;
    accepted++;
    spend += cost;
    const m = streamModel[s]!;
    mAccepted[m]!++;
    mSpend[m]! += cost;
    if (!fits) {
      downgraded++;
      mDowngraded[m]!++;
      const cut = requestedCost[s]! - cost;
      saved += cut;
      mSaved[m]! += cut;
    }
    seriesAt(now);
    sAccepted[step]!++;
    sSpend[step]! += cost;
    inFlight++;
    if (queued === 0 && freeAccounts.count > 0) {
      // Nothing waits and an account is free: the task starts at once (the queue would hand it over as it is).
      levels();
      start(t, now);
      return;
    }
    queued++;
    queuePush(t);
    levels();
    startQueued(now);
  };

  /** Starts queued tasks, oldest first, while an account is free. */
  var startQueued = (now: number) => {
    while (queued > 0 && freeAccounts.count > 0) {
      while (tState[queue[0]!] !== QUEUED) queuePop();
      const t = queue[0]!;
      queuePop();
      queued--;
      start(t, now);
    }
  };

  /** Starts task `t` (not queued any more) on a free account: its next attempt. */
  var start = (t: number, now: number) => {
    const a = freeAccounts.take(tAccount[t]!);
    tState[t] = PROCESSING;
    tAccount[t] = a;
    if (tAttempts[t] === 0) {
      const wait = now - tAcceptedAt[t]!;
      if (wait === 0) zeroWaits++;
      else record(0, wait);
    }
    tAttempts[t]!++;
    const s = tStream[t]!;
    const observed = observedMs[s];
    const latency = observed === undefined ? latencyMin[s]! + random.unit() * latencySpan[s]! : sampleQuantiles(OBSERVED_PROBABILITIES, observed, random.unit());
    // Drawn in the simulated provider's order: the stall first, then the failure.
    // A rate of 0 draws nothing: such a run spends no time on chances that cannot happen.
    const outcome = stallRate > 0 && random.unit() < stallRate ? STALL : failureRate > 0 && random.unit() < failureRate ? FAIL : FINISH;
    tOutcome[t] = outcome;
    if (outcome !== STALL) heap.push(now + latency, ATTEMPT_END, t);
  };


  /** An account's task is over: it is free again, unless failures locked it (UNLOCK frees it then). */
  var freeAccount = (a: number, now: number) => {
    if (lockedUntil[a]! <= now) freeAccounts.free(a);
  };

  var refund = (t: number, now: number) => {
    if (tRefunded[t] === 1) return;
    tRefunded[t] = 1;
    const cost = tCost[t]!;
    const s = tStream[t]!;
    used[streamKey[s]! * dayCount + tDay[t]!]! -= cost;
    refunded++;
    refundedMicros += cost;
    spend -= cost;
    mSpend[streamModel[s]!]! -= cost;
    seriesAt(now);
    sSpend[step]! -= cost;
  };

  /** FINISHED or FAILED: the slot goes back to the key. */
  var end = (t: number, state: number, now: number) => {
    tState[t] = state;
    limits[streamKey[tStream[t]!]!]!.release(t, false);
    seriesAt(now);
    inFlight--;
  };

  var attemptEnd = (t: number, now: number) => {
    if (tState[t] !== PROCESSING) return;
    const a = tAccount[t]!;
    if (tOutcome[t] === FINISH) {
      freeAccount(a, now);
      failuresInARow[a] = 0;
      finished++;
      record(1, now - tAcceptedAt[t]!);
      end(t, FINISHED, now);
    } else {
      failuresInARow[a]!++;
      if (failuresInARow[a]! >= DRIVER_RULES.accountFailureThreshold) {
        failuresInARow[a] = 0;
        lockedUntil[a] = now + clocks.accountCooldownMs;
        heap.push(lockedUntil[a]!, UNLOCK, a);
      }
      freeAccount(a, now);
      if (tAttempts[t]! < provider.maxAttempts) {
        retriedAttempts++;
        tState[t] = QUEUED;
        queued++;
        queuePush(t);
        seriesAt(now);
        levels();
      } else {
        failed++;
        refund(t, now);
        end(t, FAILED, now);
      }
    }
    startQueued(now);
  };

  var refundDeadline = (t: number, now: number) => {
    const state = tState[t];
    if (state !== QUEUED && state !== PROCESSING) return;
    refund(t, now);
  };

  var hardLimit = (t: number, now: number) => {
    const state = tState[t];
    if (state !== QUEUED && state !== PROCESSING) return;
    if (state === PROCESSING) freeAccount(tAccount[t]!, now);
    else queued--;
    failed++;
    timedOut++;
    refund(t, now);
    end(t, FAILED, now);
    startQueued(now);
  };

  // Poisson streams arrive as one process (poisson-arrivals.ts), outside the heap; the others one heap event each.
  var poissonIds: number[] = [];
  for (let s = 0; s < nStreams; s++) {
    if (arrivalKind[s] === POISSON_ARRIVALS) poissonIds.push(s);
    else scheduleArrival(s);
  }
  var poisson = new PoissonArrivals(
    random,
    poissonIds,
    poissonIds.map((s) => 1 / arrivalGap[s]!),
    poissonIds.map((s) => arrivalFrom[s]!),
    poissonIds.map((s) => arrivalUntil[s]!),
  );

  /** The next task whose refund deadline, and whose hard limit, is still to come (tasks are indexed in acceptance order). */
  var nextRefund = 0;
  var nextHard = 0;

  var done = false;
  return {
    step(maxEvents) {
      if (done) return true;
      for (let n = 0; n < maxEvents; n++) {
        const heapAt = heap.size > 0 ? heap.peekTime() : Number.POSITIVE_INFINITY;
        // A Poisson arrival goes before the heap's next event, but after one at the same instant
        // of a kind the driver acts on first.
        const poissonAt = poisson.at;
        const poissonFirst = poissonAt < heapAt || (poissonAt === heapAt && poissonAt !== Number.POSITIVE_INFINITY && heap.peekKind() > ARRIVAL);
        const nextAt = poissonFirst ? poissonAt : heapAt;
        // Deadlines first: every accepted task's refund deadline, then its hard limit, in
        // acceptance order (a task already over is passed by). Looked for only once the next event
        // (the heap's or a Poisson arrival) is not before `deadlinesFrom`, the earliest instant one
        // could fall at.
        if (deadlinesFrom <= nextAt) {
          deadlineLooks++;
          nextRefund = firstOpen(tState, nextRefund, taskCount);
          nextHard = firstOpen(tState, nextHard, nextRefund);
          const refundAt = nextRefund < taskCount ? tAcceptedAt[nextRefund]! + clocks.refundAfterMs : Number.POSITIVE_INFINITY;
          const hardAt = nextHard < nextRefund ? tAcceptedAt[nextHard]! + clocks.hardLimitMs : Number.POSITIVE_INFINITY;
          if (refundAt <= hardAt && refundAt <= nextAt && refundAt !== Number.POSITIVE_INFINITY) {
            events++;
            refundDeadline(nextRefund++, refundAt);
            continue;
          }
          if (hardAt <= nextAt && hardAt !== Number.POSITIVE_INFINITY) {
            events++;
            hardLimit(nextHard++, hardAt);
            continue;
          }
          deadlinesFrom = refundAt < hardAt ? refundAt : hardAt;
        }
        if (poissonFirst) {
          events++;
          const s = poisson.stream;
          call(s, 0, poissonAt);
          poisson.next();
          continue;
        }
        if (heap.size === 0) {
          done = true;
          return true;
        }
        const now = heapAt;
        const kind = heap.peekKind();
        const ref = heap.peekRef();
        heap.pop();
        events++;
        heapEvents++;
        switch (kind) {
          case ARRIVAL:
            call(ref, 0, now);
            scheduleArrival(ref);
            break;
          case CLIENT_RETRY:
            call(Math.floor(ref / RETRY_SLOTS), ref % RETRY_SLOTS, now);
            break;
          case ATTEMPT_END:
            attemptEnd(ref, now);
            break;
          case UNLOCK:
            freeAccounts.free(ref);
            startQueued(now);
            break;
        }
      }
      return false;
    },

    work: () => ({ events, heapEvents, deadlineLooks, storedWaits: waitCount, reusedTaskArrays: reused !== undefined }),

    result(): ReplicationResult {
      // The run is over and its answer reads no task array: they go to the next simulation, once.
      if (done && !tasksGivenBack && capacity <= SPARE_TASKS_MAX) spareTasks = { capacity, tStream, tCost, tAcceptedAt, tDay, tState, tAttempts, tAccount, tOutcome, tRefunded };
      tasksGivenBack = true;
      const totals: SimulationTotals = {
        requests, calls, accepted, downgraded, savedMicros: saved, refusedConcurrency, refusedWindow, refusedBudget,
        rateLimitedCalls, finished, failed, timedOut, retriedAttempts, refunded, refundedMicros, spendMicros: spend,
      };
      const keyDays: KeyDay[] = [];
      for (let k = 0; k < nKeys; k++) {
        for (let d = 0; d < dayCount; d++) {
          const slot = k * dayCount + d;
          if (keyAccepted[slot] === 0 && keyRefusedBudget[slot] === 0) continue;
          keyDays.push({
            key: keys[k]!.id,
            day: utcDay(new Date((firstDay + d) * DAY)),
            dailyLimitMicros: keys[k]!.dailyLimit,
            spendMicros: used[slot]!,
            accepted: keyAccepted[slot]!,
            refusedBudget: keyRefusedBudget[slot]!,
            exhaustedAt: Number.isNaN(exhaustedAt[slot]!) ? null : exhaustedAt[slot]!,
          });
        }
      }
      const models: ModelUse[] = [...modelIndex].map(([model, m]) => ({
        model,
        requests: mRequests[m]!,
        accepted: mAccepted[m]!,
        downgraded: mDowngraded[m]!,
        spendMicros: mSpend[m]!,
        savedMicros: mSaved[m]!,
      }));
      const steps = lastStep + 1;
      const levels: SeriesLevels = {
        step: workload.seriesStep, stepMs, startAt,
        spend: sSpend.subarray(0, steps), accepted: sAccepted.subarray(0, steps), refused: sRefused.subarray(0, steps),
        inFlight: sInFlight.subarray(0, steps), queue: sQueue.subarray(0, steps),
      };
      return answer(seed, totals, keyDays, models, events, waits.subarray(0, waitCount), zeroWaits, completions.subarray(0, completionCount), levels);
    },
  };
}
