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
 * numbers in a heap (event-heap.ts), tasks live in typed arrays: no object or closure per event.
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
import { SeededRandom } from "./random.ts";
import { percentiles, type KeyDay, type ModelUse, type ReplicationResult, type SimulationTotals } from "./report.ts";
import { expectedRequests, type Workload } from "./workload.ts";

const DAY = 86_400_000;

// Event kinds of the heap, in the order the driver acts within one pass at one instant: attempt
// ends, then accounts coming back, then new requests. The deadlines (refund, hard limit) come
// before all of them; they fall in acceptance order, so they need no heap (see `nextDeadline`).
const ATTEMPT_END = 2;
const UNLOCK = 3;
const ARRIVAL = 4;
const CLIENT_RETRY = 5;

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

export interface Simulation {
  /** Processes at most `maxEvents` events; true when the run is over. */
  step(maxEvents: number): boolean;
  /** The answer (call once `step` returned true). */
  result(): ReplicationResult;
}

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

export function createSimulation(engine: Engine, workload: Workload, prepared: PreparedStreams, seed: number): Simulation {
  const { streams, keys, provider, startAt, horizonMs } = workload;
  const clocks = generationClocks(workload.timeScale);
  const rules = { maxConcurrent: SPEC_LIMITS.maxConcurrent, windowMax: SPEC_LIMITS.windowMax, windowMs: SPEC_LIMITS.windowMs, slotTtlMs: clocks.slotTtlMs };
  const random = new SeededRandom(seed);
  const heap = new EventHeap();
  const endOfArrivals = startAt + horizonMs;
  const nStreams = streams.length;
  const nKeys = keys.length;

  // --- per stream: the request as priced once, the quote against the whole daily limit, the last fit
  const requestedCost = new Float64Array(nStreams);
  const fullQuote: Result<Quote, EngineError>[] = [];
  const fitRemaining = new Float64Array(nStreams).fill(-1);
  const fullCost = new Float64Array(nStreams);
  const fitQuote: (Result<Quote, EngineError> | undefined)[] = new Array(nStreams).fill(undefined);
  const latencyMin = new Float64Array(nStreams);
  const latencySpan = new Float64Array(nStreams);
  const arrivalIndex = new Float64Array(nStreams);
  const streamKey = Int32Array.from(streams, (st) => st.key);
  const streamRetries = Int32Array.from(streams, (st) => (st.onRefusal === "RETRY" ? st.maxRetries : 0));
  const listTimes: (Float64Array | undefined)[] = [];
  for (let s = 0; s < nStreams; s++) {
    const p = prepared[s]!;
    const stream = streams[s]!;
    requestedCost[s] = engine.price(p.profile, p.params);
    const full = engine.quoteNormalized(p, keys[stream.key]!.dailyLimit);
    fullQuote.push(full);
    // Nothing fits the whole limit: never charged as quoted against it.
    fullCost[s] = full.ok ? full.value.cost : Number.POSITIVE_INFINITY;
    const [min, max] = provider.latencySeconds[p.profile.spec.output];
    latencyMin[s] = (min * 1000) / workload.timeScale;
    latencySpan[s] = ((max - min) * 1000) / workload.timeScale;
    const a = stream.arrival;
    if (a.kind === "LIST") listTimes.push(Float64Array.from(a.atSeconds, (t) => startAt + t * 1000).filter((t) => t >= startAt + stream.fromMs && t < startAt + stream.untilMs));
    else if (a.kind === "BURST") {
      const at = startAt + a.atHour * 3_600_000;
      const gap = a.count > 1 ? (a.overSeconds * 1000) / a.count : 0;
      listTimes.push(Float64Array.from({ length: a.count }, (_, i) => at + i * gap).filter((t) => t < endOfArrivals));
    } else listTimes.push(undefined);
  }

  // --- per key: limits, the day's usage (by day index from the first UTC day)
  const firstDay = Math.floor(startAt / DAY);
  // Tasks end at most 40 minutes, and client retries at most a few hours, after the last arrival: a day more covers both.
  const dayCount = Math.floor((endOfArrivals + DAY) / DAY) - firstDay + 1;
  const limits = keys.map(() => new KeyLimits(rules));
  const used = new Float64Array(nKeys * dayCount);
  const keyAccepted = new Float64Array(nKeys * dayCount);
  const keyRefusedBudget = new Float64Array(nKeys * dayCount);
  const exhaustedAt = new Float64Array(nKeys * dayCount).fill(Number.NaN);

  // --- per model (by stream's model id)
  const modelIndex = new Map<string, number>();
  const streamModel = new Int32Array(nStreams);
  for (let s = 0; s < nStreams; s++) {
    const id = prepared[s]!.profile.spec.id;
    if (!modelIndex.has(id)) modelIndex.set(id, modelIndex.size);
    streamModel[s] = modelIndex.get(id)!;
  }
  const nModels = modelIndex.size;
  const mRequests = new Float64Array(nModels);
  const mAccepted = new Float64Array(nModels);
  const mDowngraded = new Float64Array(nModels);
  const mSpend = new Float64Array(nModels);
  const mSaved = new Float64Array(nModels);

  // --- tasks, by acceptance order (so the queue's order is the index's)
  // Room for every expected request from the start (up to 2^16): growing the arrays costs more than the run.
  let capacity = Math.min(1 << 16, Math.max(1024, streams.reduce((n, st) => n + expectedRequests(st), 0) + 64));
  let taskCount = 0;
  let tStream = new Int32Array(capacity);
  let tCost = new Float64Array(capacity);
  let tAcceptedAt = new Float64Array(capacity);
  let tDay = new Int32Array(capacity);
  let tState = new Uint8Array(capacity);
  let tAttempts = new Uint8Array(capacity);
  let tAccount = new Int32Array(capacity);
  let tOutcome = new Uint8Array(capacity);
  let tRefunded = new Uint8Array(capacity);
  const growTasks = () => {
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
  let queue = new Int32Array(256);
  let queueSize = 0;
  let queued = 0;
  const queuePush = (task: number) => {
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
  const queuePop = (): number => {
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
  const poolSize = provider.poolSize;
  const { stallRate, failureRate } = provider;
  const lockedUntil = new Float64Array(poolSize + 1);
  const failuresInARow = new Uint8Array(poolSize + 1);
  const freeBits = new Uint32Array((poolSize >> 5) + 1);
  let freeAccounts = 0;
  const freePush = (a: number) => {
    freeBits[a >> 5]! |= 1 << (a & 31);
    freeAccounts++;
  };
  const lowestBit = (word: number) => 31 - Math.clz32(word & -word);
  /** The lowest free account id at or above `from` (0 when there is none). */
  const freeFrom = (from: number): number => {
    let w = from >> 5;
    if (w >= freeBits.length) return 0;
    let word = freeBits[w]! & (~0 << (from & 31));
    for (;;) {
      if (word !== 0) return (w << 5) + lowestBit(word);
      if (++w >= freeBits.length) return 0;
      word = freeBits[w]!;
    }
  };
  for (let a = 1; a <= poolSize; a++) freePush(a);

  // --- totals
  let requests = 0, calls = 0, accepted = 0, downgraded = 0, saved = 0, refusedConcurrency = 0, refusedWindow = 0, refusedBudget = 0;
  let rateLimitedCalls = 0, finished = 0, failed = 0, timedOut = 0, retriedAttempts = 0, refunded = 0, refundedMicros = 0, spend = 0;
  let inFlight = 0;
  let events = 0;

  // --- durations
  let waits = new Float64Array(capacity);
  let waitCount = 0;
  let completions = new Float64Array(capacity);
  let completionCount = 0;
  const record = (which: 0 | 1, value: number) => {
    if (which === 0) {
      if (waitCount === waits.length) { const b = new Float64Array(waits.length * 2); b.set(waits); waits = b; }
      waits[waitCount++] = value;
    } else {
      if (completionCount === completions.length) { const b = new Float64Array(completions.length * 2); b.set(completions); completions = b; }
      completions[completionCount++] = value;
    }
  };

  // --- series: steps from startAt until the last event
  const stepMs = workload.seriesStep === "HOUR" ? 3_600_000 : 60_000;
  const maxSteps = Math.ceil((horizonMs + DAY) / stepMs) + 1;
  const sSpend = new Float64Array(maxSteps);
  const sAccepted = new Float64Array(maxSteps);
  const sRefused = new Float64Array(maxSteps);
  const sInFlight = new Float64Array(maxSteps);
  const sQueue = new Float64Array(maxSteps);
  let step = 0;
  let lastStep = 0;
  /** Moves the series to the step of `now`, carrying the levels into the steps that had no event. */
  /** Where the current step ends: an event before it stays in the step (the usual case, no division). */
  let stepEndsAt = startAt + stepMs;
  const seriesAt = (now: number) => {
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
  const levels = () => {
    if (inFlight > sInFlight[step]!) sInFlight[step] = inFlight;
    if (queued > sQueue[step]!) sQueue[step] = queued;
  };

  // --- arrivals: one pending event per stream
  const scheduleArrival = (s: number, after: number) => {
    const stream = streams[s]!;
    const from = startAt + stream.fromMs;
    const until = startAt + stream.untilMs;
    const a = stream.arrival;
    let next: number;
    if (a.kind === "FIXED") {
      next = from + arrivalIndex[s]! * (3_600_000 / a.perHour);
      arrivalIndex[s]!++;
    } else if (a.kind === "POISSON") {
      next = (after < from ? from : after) + random.exponential(3_600_000 / a.perHour);
    } else {
      const times = listTimes[s]!;
      const i = arrivalIndex[s]!;
      if (i >= times.length) return;
      next = times[i]!;
      arrivalIndex[s] = i + 1;
      heap.push(next, ARRIVAL, s);
      return;
    }
    if (next < until && next < endOfArrivals) heap.push(next, ARRIVAL, s);
  };

  /** The day index of `now`, recomputed only when a UTC midnight has passed. */
  let currentDay = 0;
  let dayEndsAt = (firstDay + 1) * DAY;
  const dayOf = (now: number) => {
    if (now >= dayEndsAt) {
      currentDay = Math.min(dayCount - 1, Math.floor(now / DAY) - firstDay);
      dayEndsAt = currentDay === dayCount - 1 ? Number.POSITIVE_INFINITY : (firstDay + currentDay + 1) * DAY;
    }
    return currentDay;
  };

  const finalRefusal = (now: number) => {
    seriesAt(now);
    sRefused[step]!++;
  };

  /** One call of a stream's request at `now`; `retries`: the client's retries of it so far. */
  const call = (s: number, retries: number, now: number) => {
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
    const limit = keys[k]!.dailyLimit;
    const usedToday = used[slot]!;
    let quote: Result<Quote, EngineError> = fullQuote[s]!;
    if (usedToday + fullCost[s]! > limit) {
      const remaining = Math.max(0, limit - usedToday);
      if (fitRemaining[s] !== remaining) {
        fitRemaining[s] = remaining;
        fitQuote[s] = engine.quoteNormalized(prepared[s]!, remaining);
      }
      quote = fitQuote[s]!;
    }
    if (!quote.ok) {
      limits[k]!.release(id, true);
      refusedBudget++;
      keyRefusedBudget[slot]!++;
      if (Number.isNaN(exhaustedAt[slot]!)) exhaustedAt[slot] = now;
      finalRefusal(now);
      return;
    }
    const cost: Micros = quote.value.cost;
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
    keyAccepted[slot]!++;
    accepted++;
    spend += cost;
    const m = streamModel[s]!;
    mAccepted[m]!++;
    mSpend[m]! += cost;
    if (!quote.value.fitsInBudget) {
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
    if (queued === 0 && freeAccounts > 0) {
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

  /**
   * Takes the account for a task whose last attempt ran on `last` (0: none), as the driver's
   * statement orders them: the next free one after `last`, round the pool, `last` itself at the
   * end; a first attempt takes the lowest free one.
   */
  const takeAccount = (last: number): number => {
    // The lowest free id after `last`, else the lowest free id: below `last`, or `last` itself when it is the only one.
    let a = freeFrom(last + 1);
    if (a === 0) a = freeFrom(1);
    freeBits[a >> 5]! &= ~(1 << (a & 31));
    freeAccounts--;
    return a;
  };


  /** Starts queued tasks, oldest first, while an account is free. */
  const startQueued = (now: number) => {
    while (queued > 0 && freeAccounts > 0) {
      while (tState[queue[0]!] !== QUEUED) queuePop();
      const t = queue[0]!;
      queuePop();
      queued--;
      start(t, now);
    }
  };

  /** Starts task `t` (not queued any more) on a free account: its next attempt. */
  const start = (t: number, now: number) => {
    const a = takeAccount(tAccount[t]!);
    tState[t] = PROCESSING;
    tAccount[t] = a;
    if (tAttempts[t] === 0) record(0, now - tAcceptedAt[t]!);
    tAttempts[t]!++;
    const s = tStream[t]!;
    const latency = latencyMin[s]! + random.unit() * latencySpan[s]!;
    // Drawn in the simulated provider's order: the stall first, then the failure.
    // A rate of 0 draws nothing: such a run spends no time on chances that cannot happen.
    const outcome = stallRate > 0 && random.unit() < stallRate ? STALL : failureRate > 0 && random.unit() < failureRate ? FAIL : FINISH;
    tOutcome[t] = outcome;
    if (outcome !== STALL) heap.push(now + latency, ATTEMPT_END, t);
  };


  /** An account's task is over: it is free again, unless failures locked it (UNLOCK frees it then). */
  const freeAccount = (a: number, now: number) => {
    if (lockedUntil[a]! <= now) freePush(a);
  };

  const refund = (t: number, now: number) => {
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
  const end = (t: number, state: number, now: number) => {
    tState[t] = state;
    limits[streamKey[tStream[t]!]!]!.release(t, false);
    seriesAt(now);
    inFlight--;
  };

  const attemptEnd = (t: number, now: number) => {
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

  const refundDeadline = (t: number, now: number) => {
    const state = tState[t];
    if (state !== QUEUED && state !== PROCESSING) return;
    refund(t, now);
  };

  const hardLimit = (t: number, now: number) => {
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

  for (let s = 0; s < nStreams; s++) scheduleArrival(s, startAt);

  /** The next task whose refund deadline, and whose hard limit, is still to come (tasks are indexed in acceptance order). */
  let nextRefund = 0;
  let nextHard = 0;
  const unfinished = (t: number) => tState[t] === QUEUED || tState[t] === PROCESSING;

  let done = false;
  return {
    step(maxEvents) {
      if (done) return true;
      for (let n = 0; n < maxEvents; n++) {
        // Deadlines first: every accepted task's refund deadline, then its hard limit, in
        // acceptance order (a task already over is passed by).
        while (nextRefund < taskCount && !unfinished(nextRefund)) nextRefund++;
        while (nextHard < nextRefund && !unfinished(nextHard)) nextHard++;
        const refundAt = nextRefund < taskCount ? tAcceptedAt[nextRefund]! + clocks.refundAfterMs : Number.POSITIVE_INFINITY;
        const hardAt = nextHard < nextRefund ? tAcceptedAt[nextHard]! + clocks.hardLimitMs : Number.POSITIVE_INFINITY;
        const heapAt = heap.size > 0 ? heap.peekTime() : Number.POSITIVE_INFINITY;
        if (refundAt <= hardAt && refundAt <= heapAt && refundAt !== Number.POSITIVE_INFINITY) {
          events++;
          refundDeadline(nextRefund++, refundAt);
          continue;
        }
        if (hardAt <= heapAt && hardAt !== Number.POSITIVE_INFINITY) {
          events++;
          hardLimit(nextHard++, hardAt);
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
        switch (kind) {
          case ARRIVAL:
            call(ref, 0, now);
            scheduleArrival(ref, now);
            break;
          case CLIENT_RETRY:
            call(Math.floor(ref / RETRY_SLOTS), ref % RETRY_SLOTS, now);
            break;
          case ATTEMPT_END:
            attemptEnd(ref, now);
            break;
          case UNLOCK:
            freePush(ref);
            startQueued(now);
            break;
        }
      }
      return false;
    },

    result(): ReplicationResult {
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
      const completionTimes = completions.slice(0, completionCount);
      const steps = lastStep + 1;
      const list = (a: Float64Array) => Array.from(a.subarray(0, steps));
      return {
        seed,
        totals,
        keyDays,
        models,
        queueWait: percentiles(waits.subarray(0, waitCount)),
        completion: percentiles(completionTimes.slice()),
        completionTimes,
        series: {
          step: workload.seriesStep,
          stepMs,
          at: Array.from({ length: steps }, (_, i) => startAt + i * stepMs),
          spendMicros: list(sSpend),
          accepted: list(sAccepted),
          refused: list(sRefused),
          inFlight: list(sInFlight),
          queueDepth: list(sQueue),
        },
        events,
      };
    },
  };
}
