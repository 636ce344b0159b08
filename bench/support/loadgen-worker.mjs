// The load generator, in a worker thread so it does not share the server's event loop.
// Plain JavaScript: worker threads do not inherit tsx's loader.
//
// workerData: { origin, connections, concurrency, requests: [{ method, path, headers, body }],
//               warmup: { requests, ms }, measure: { requests, ms }, rate? }
// Closed loop by default (`concurrency` lanes, each sends its next request when the last is
// answered). With `rate` (requests/s) the measurement is an open loop instead: request i is due
// at start + i / rate whatever the answers, and its latency counts from that due time, so a
// server that falls behind shows it in the latency (no coordinated omission).
// Requests are taken round-robin from `requests` (warm-up first, then the measurement continues
// where the warm-up stopped, so a list of one-shot requests is never replayed). Every request
// runs to completion; latency is measured per request with hrtime.
import { parentPort, workerData } from "node:worker_threads";
import { Pool } from "undici";
import { RawHttpPool } from "./raw-http-pool.mjs";
import { startLoopLag } from "./loop-lag.mjs";

const { origin, connections, concurrency, requests, warmup, measure } = workerData;
// workerData.client: "raw" (raw-http-pool.mjs: the least client work per request) or "undici".
const raw = workerData.client === "raw";
let refusalsLogged = 0;
const logRefusal = (status, answer) => {
  if (refusalsLogged++ < 3) parentPort.postMessage({ type: "log", message: `answered ${status}: ${answer.replace(/\r\n/g, " | ")}` });
};
const pool = raw ? new RawHttpPool(origin, connections, logRefusal) : new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
const send = raw
  ? (spec) => pool.request(spec)
  : async (spec) => {
      const response = await pool.request({ method: spec.method, path: spec.path, headers: spec.headers, body: spec.body });
      await response.body.text();
      return response.statusCode;
    };

// When the list is one-shot (each request must be sent once), stop when it is used up.
const measureOnce = workerData.once === true;
let next = 0;
const take = () => {
  if (next >= requests.length && measureOnce) return undefined;
  const spec = requests[next % requests.length];
  next++;
  return spec;
};

/** Answers and latencies of one phase; `send` runs one request and records it. */
function tally(capacity) {
  const statuses = {};
  const latencies = capacity > 0 ? new Float64Array(capacity) : undefined;
  // With workerData.timeline: the slowest answer per 100 ms of send (or due) time, to tell a
  // start-up stall or a periodic pause from steady queueing.
  const windows = workerData.timeline ? [] : undefined;
  const t = { statuses, errors: 0, done: 0, begin: performance.now() };
  const lag = workerData.timeline ? startLoopLag() : undefined;
  t.send = async (spec, since) => {
    try {
      const statusCode = await send(spec);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    } catch (error) {
      t.errors++;
      if (t.errors <= 3) parentPort.postMessage({ type: "log", message: String(error) });
    }
    const latency = performance.now() - since;
    if (latencies && t.done < latencies.length) latencies[t.done] = latency;
    if (windows && latencies) {
      const window = Math.max(0, Math.floor((since - t.begin) / 100));
      windows[window] = Math.max(windows[window] ?? 0, latency);
    }
    t.done++;
  };
  t.result = (elapsedMs) => {
    let p50 = NaN;
    let p99 = NaN;
    let max = NaN;
    if (latencies && t.done > 0) {
      const sorted = latencies.subarray(0, Math.min(t.done, latencies.length)).sort();
      const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
      p50 = at(0.5);
      p99 = at(0.99);
      max = sorted[sorted.length - 1];
    }
    const slowestPer100ms = windows ? Array.from(windows, (ms) => ms ?? 0) : undefined;
    const beginEpochMs = performance.timeOrigin + t.begin;
    const loadgenLagPer100ms = lag?.stop(beginEpochMs);
    return { completed: t.done, elapsedMs, rps: (t.done / elapsedMs) * 1000, statuses, errors: t.errors, p50, p99, max, slowestPer100ms, beginEpochMs, loadgenLagPer100ms };
  };
  return t;
}

async function phase({ requests: maxRequests, ms }, record) {
  const deadline = performance.now() + ms;
  let started = 0;
  const t = tally(record ? Math.min(maxRequests, 5_000_000) : 0);
  const begin = performance.now();
  const lane = async () => {
    for (;;) {
      if (started >= maxRequests || performance.now() >= deadline) return;
      const spec = take();
      if (!spec) return;
      started++;
      await t.send(spec, performance.now());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return t.result(performance.now() - begin);
}

async function openLoop({ requests: maxRequests, ms }, rate) {
  const total = Math.min(maxRequests, Math.ceil((ms / 1000) * rate) + 1);
  const t = tally(total);
  const inFlight = new Set();
  const begin = performance.now();
  const interval = 1000 / rate;
  let issued = 0;
  while (issued < total) {
    const nowMs = performance.now();
    // Everything due by now goes out (timers fire late by up to a millisecond or so); latency
    // counts from the due time.
    while (issued < total && begin + issued * interval <= nowMs) {
      const spec = take();
      if (!spec) break;
      const promise = t.send(spec, begin + issued * interval);
      inFlight.add(promise);
      void promise.finally(() => inFlight.delete(promise));
      issued++;
    }
    if (next >= requests.length && measureOnce) break;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, begin + issued * interval - performance.now())));
  }
  await Promise.all(inFlight);
  return t.result(performance.now() - begin);
}

try {
  if (warmup.requests > 0 && warmup.ms > 0) await phase(warmup, false);
  const result = workerData.rate > 0 ? await openLoop(measure, workerData.rate) : await phase(measure, true);
  parentPort.postMessage({ type: "result", result });
} catch (error) {
  parentPort.postMessage({ type: "error", message: String(error?.stack ?? error) });
} finally {
  await pool.close();
}
