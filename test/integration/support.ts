// Shared by the integration suites: request mixes, firing bursts over real HTTP, and the
// ledger checks that must hold after any burst (no overspend, exact accounting, genuine 402s).
import { expect } from "vitest";
import { createEngine, type GenerationRequest } from "../../src/engine/engine.ts";
import { usdToMicros, type Micros } from "../../src/kernel/money.ts";
import type { Params } from "../../src/engine/normalize.ts";
import type { ModelProfile } from "../../src/engine/profile.ts";
import type { Clock } from "../../src/kernel/clock.ts";

export const engine = createEngine();

/**
 * A mix whose costs do not divide a round limit evenly, most of which can be downgraded, from
 * 0.44 $ (cheapest downgrade 0.11 $) down to 0.002 $ (cheapest 0.000439 $). Costs as asked, in
 * micro-dollars: 440000, 112000, 44000, 30000, 12000, 3000, 2000.
 */
export const BUDGET_MIX: readonly GenerationRequest[] = [
  { model: "gpt-image-2", params: { prompt: "a lighthouse", quality: "high", width: 2048, height: 2048 } },
  { model: "gpt-image-2", params: { prompt: "a lighthouse", quality: "medium", width: 2048, height: 2048 } },
  { model: "hailuo-2_3", params: { prompt: "waves at night" } },
  { model: "kling-2.5", params: { prompt: "waves at night" } },
  { model: "ideogram-v3.0", params: { prompt: "a poster" } },
  { model: "gpt-image-2", params: { prompt: "a lighthouse", quality: "low" } },
  { model: "flux-dev", params: { prompt: "a fox" } },
];

/** A cheap image (0.003 $): for limit tests, where the budget must never be what refuses. */
export const CHEAP_IMAGE: GenerationRequest = { model: "gpt-image-2", params: { prompt: "a cheap test image", quality: "low" } };

/** What the engine makes of a request: its normalized params, full price and cheapest downgrade. */
export interface Priced {
  readonly request: GenerationRequest;
  readonly profile: ModelProfile;
  readonly params: Params;
  readonly cost: Micros;
  readonly cheapest: Micros;
}

export function priced(request: GenerationRequest): Priced {
  const normalized = engine.normalize(request);
  if (!normalized.ok) throw new Error(`test request does not normalize: ${JSON.stringify(normalized.error)}`);
  const { profile, params } = normalized.value;
  const cheapestFit = engine.fit(profile, params, 0);
  const cheapest = cheapestFit.ok ? cheapestFit.value.cost : cheapestFit.error.code === "INSUFFICIENT_BUDGET" ? cheapestFit.error.cheapestCost : NaN;
  return { request, profile, params, cost: engine.price(profile, params), cheapest };
}

/** One answered POST /api/generate. */
export interface Outcome {
  readonly request: GenerationRequest;
  readonly status: number;
  readonly body: any;
  readonly retryAfter: string | null;
  /** Which gateway answered (index into the list of base URLs). */
  readonly via: number;
}

/** POSTs /api/generate; a transport failure is an outcome too (status 0), never an exception. */
export async function generate(baseUrl: string, key: string, request: GenerationRequest, via = 0): Promise<Outcome> {
  try {
    const response = await fetch(`${baseUrl}/api/generate`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify(request),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { request, status: response.status, body, retryAfter: response.headers.get("retry-after"), via };
  } catch (error) {
    return { request, status: 0, body: String(error), retryAfter: null, via };
  }
}

/** Fires all requests at once (request i goes to baseUrls[i % n]) and waits for every answer. */
export function burst(baseUrls: readonly string[], key: string, requests: readonly GenerationRequest[]): Promise<Outcome[]> {
  return Promise.all(requests.map((request, i) => generate(baseUrls[i % baseUrls.length]!, key, request, i % baseUrls.length)));
}

export const count = (outcomes: readonly Outcome[], status: number) => outcomes.filter((o) => o.status === status).length;

/** Status histogram, for failure messages. */
export const histogram = (outcomes: readonly Outcome[]): Record<number, number> =>
  outcomes.reduce<Record<number, number>>((h, o) => ({ ...h, [o.status]: (h[o.status] ?? 0) + 1 }), {});

export const micros = (usd: unknown): Micros => {
  expect(typeof usd).toBe("number");
  return usdToMicros(usd as number);
};

/** The stored tasks of one key, as the database has them. */
export interface StoredTask {
  readonly id: string;
  readonly cost: Micros;
  readonly chargeDay: string;
  readonly refunded: boolean;
}

/**
 * Everything that must hold after a burst against one key whose usage only grew during it (no
 * refunds: tasks were not driven, or not long enough to reach the refund deadline):
 *  - every answer is 200, 402 or 429 (nothing failed, nothing hung);
 *  - sum of accepted costs (from the answers) == `used` (from /credits) == sum of the stored
 *    tasks' costs == the ledger's usage, and <= the limit: not one micro-dollar overspent;
 *  - the answers and the tasks are the same set, cost for cost, all charged to one day;
 *  - each accepted cost is the price of the params that run, never above the price as asked;
 *  - charges are serializable: ordered by the `remaining` each answer reported, the running sum
 *    of costs gives exactly `limit - remaining` at every step (no lost or double-counted charge);
 *  - a downgrade happened only when the request as asked did not fit in what was left before it;
 *  - every 402 is genuine: its cheapest downgrade costs more than the `remaining` it reports,
 *    and more than what is left at the end (usage only grew, so nothing fitted at any time).
 */
export function checkLedger(args: {
  readonly limit: Micros;
  readonly outcomes: readonly Outcome[];
  /** `used` as GET /credits reported it after the burst (one value per gateway asked). */
  readonly creditsUsed: readonly Micros[];
  readonly ledgerUsed: Micros;
  readonly tasks: readonly StoredTask[];
}): { accepted: number; refused402: number; refused429: number; used: Micros } {
  const { limit, outcomes, creditsUsed, ledgerUsed, tasks } = args;
  const unexpected = outcomes.filter((o) => ![200, 402, 429].includes(o.status));
  expect(unexpected.map((o) => ({ status: o.status, body: o.body }))).toEqual([]);

  const accepted = outcomes.filter((o) => o.status === 200);
  const acceptedSum = accepted.reduce((sum, o) => sum + micros(o.body.cost), 0);
  const taskSum = tasks.reduce((sum, t) => sum + t.cost, 0);

  expect(acceptedSum).toBeLessThanOrEqual(limit);
  for (const used of creditsUsed) expect(used).toBe(acceptedSum);
  expect(ledgerUsed).toBe(acceptedSum);
  expect(taskSum).toBe(acceptedSum);

  // The answers and the stored tasks are the same set.
  const byId = new Map(tasks.map((t) => [t.id, t]));
  expect(new Set(accepted.map((o) => o.body.task_id)).size).toBe(accepted.length);
  expect(tasks.length).toBe(accepted.length);
  for (const o of accepted) {
    const task = byId.get(o.body.task_id);
    expect(task, `accepted task ${o.body.task_id} is not stored`).toBeDefined();
    expect(task!.cost).toBe(micros(o.body.cost));
    expect(task!.refunded).toBe(false);
  }
  expect(new Set(tasks.map((t) => t.chargeDay)).size).toBeLessThanOrEqual(1);

  // Each charge as the ledger saw it: [cost, used after it].
  const charges = accepted.map((o) => {
    const p = priced(o.request);
    const cost = micros(o.body.cost);
    const usedAfter = limit - micros(o.body.remaining);
    const runs = engine.price(p.profile, o.body.params as Params);
    expect(cost, `${o.request.model}: the accepted cost is the price of the params that run`).toBe(runs);
    expect(cost).toBeLessThanOrEqual(p.cost);
    expect(cost).toBeGreaterThan(0);
    if (cost < p.cost) {
      // Usage only grew, so what was left before this charge is at most what the first (as-asked) attempt saw.
      expect(p.cost, `${o.request.model} was downgraded although it fitted`).toBeGreaterThan(limit - (usedAfter - cost));
      expect(o.body.adjustments.some((a: { reason: string }) => a.reason === "BUDGET_DOWNGRADE")).toBe(true);
    } else {
      expect(o.body.adjustments.some((a: { reason: string }) => a.reason === "BUDGET_DOWNGRADE")).toBe(false);
    }
    return { cost, usedAfter };
  });
  charges.sort((a, b) => a.usedAfter - b.usedAfter);
  let running = 0;
  for (const charge of charges) {
    running += charge.cost;
    expect(charge.usedAfter, "charges are not serializable: a charge was lost or counted twice").toBe(running);
  }

  const finalRemaining = limit - acceptedSum;
  for (const o of outcomes.filter((x) => x.status === 402)) {
    const p = priced(o.request);
    expect(o.body.code).toBe("INSUFFICIENT_BUDGET");
    expect(micros(o.body.cheapest_cost)).toBe(p.cheapest);
    expect(micros(o.body.cheapest_cost), "a 402 whose cheapest downgrade fitted in the remaining it reported").toBeGreaterThan(micros(o.body.remaining));
    expect(micros(o.body.remaining)).toBeGreaterThanOrEqual(finalRemaining);
    const fit = engine.fit(p.profile, p.params, finalRemaining);
    expect(fit.ok, `${o.request.model}: refused with 402 but a downgrade fits in what is left at the end (${finalRemaining} µ$)`).toBe(false);
  }
  for (const o of outcomes.filter((x) => x.status === 429)) expectRateLimited(o);
  return { accepted: accepted.length, refused402: count(outcomes, 402), refused429: count(outcomes, 429), used: acceptedSum };
}

/** A 429 as the spec and the REST face define it; returns the Retry-After seconds. */
export function expectRateLimited(o: Outcome, reason?: "CONCURRENCY" | "WINDOW"): number {
  expect(o.status).toBe(429);
  expect(o.body).toMatchObject({ code: "RATE_LIMITED", error: expect.any(String) });
  if (reason) expect(o.body.reason).toBe(reason);
  expect(o.retryAfter).toMatch(/^[1-9][0-9]*$/);
  expect(o.body.retry_after).toBe(Number(o.retryAfter));
  return Number(o.retryAfter);
}

/**
 * A clock that leaps `stepMs` every time it is read. Given to a gateway whose slot TTL is shorter
 * than the step (a high GATEAI_TIME_SCALE) and with `stepMs` > the 30 s window, every limiter
 * decision finds all earlier slots and window entries expired: the per-key limits admit every
 * request, so a burst of N requests reaches the budget charge N-way concurrently. The budget
 * rules do not depend on time within a day, and `set` puts the clock at the start of a UTC day,
 * so the whole burst charges one day (checked: all tasks have one charge day).
 */
export function leapingClock(stepMs: number, start = Date.UTC(2030, 0, 1)): Clock & { set(ms: number): void; reads(): number } {
  let current = start;
  let reads = 0;
  return {
    now() {
      reads++;
      const value = current;
      current += stepMs;
      return value;
    },
    set(ms: number) {
      current = ms;
    },
    reads: () => reads,
  };
}

export const DAY_MS = 24 * 60 * 60_000;
