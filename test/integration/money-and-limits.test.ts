/**
 * The money and limit rules under load, through real HTTP, on both setups: PGlite with the
 * in-process limiter, and PostgreSQL + Redis (when TEST_DATABASE_URL and TEST_REDIS_URL are set).
 *
 *  - No overspend, not by one micro-dollar, however many generations of one key race for its
 *    budget; the accounting agrees everywhere; every 402 is genuine.
 *  - Exactly 5 slots per key; a finished task frees exactly one; an expired slot frees at
 *    exactly its TTL.
 *  - Exactly 5 admissions per sliding 30 s, to the millisecond, with a correct Retry-After.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerationRequest } from "../../src/engine/engine.ts";
import { usdToMicros, type Micros } from "../../src/kernel/money.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import { utcDay } from "../../src/kernel/utc-day.ts";
import { gatewaySetups, startGateway, type StartGatewayOptions, type TestGateway } from "../support/gateway.ts";
import {
  BUDGET_MIX,
  CHEAP_IMAGE,
  DAY_MS,
  burst,
  checkLedger,
  count,
  expectRateLimited,
  histogram,
  leapingClock,
  micros,
  priced,
  type Outcome,
  type StoredTask,
} from "./support.ts";

const SECOND = 1000;

async function creditsUsed(gw: TestGateway, key: string): Promise<Micros> {
  const response = await fetch(`${gw.url}/credits`, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { your_budget: { used: number } };
  return micros(body.your_budget.used);
}

async function storedTasks(gw: TestGateway, keyId: string): Promise<StoredTask[]> {
  const rows = await gw.prisma.task.findMany({ where: { keyId }, select: { id: true, costMicros: true, chargeDay: true, refundedAt: true } });
  return rows.map((r) => ({ id: r.id, cost: Number(r.costMicros), chargeDay: r.chargeDay.toISOString().slice(0, 10), refunded: r.refundedAt !== null }));
}

/** Runs a burst for a fresh key with `limitUsd` and checks the ledger; the clock must already be at the day's start. */
async function budgetBurst(gw: TestGateway, limitUsd: number, requests: readonly GenerationRequest[], day: Date) {
  const { key, record } = await gw.createKey({ dailyLimitUsd: limitUsd });
  const outcomes = await burst([gw.url], key, requests);
  const used = await creditsUsed(gw, key);
  const result = checkLedger({
    limit: usdToMicros(limitUsd),
    outcomes,
    creditsUsed: [used],
    ledgerUsed: await gw.gateway.infrastructure.stores.tasks.usedOn(record.id, utcDay(day)),
    tasks: await storedTasks(gw, record.id),
  });
  return { outcomes, ...result };
}

for (const setup of gatewaySetups()) {
  const base: StartGatewayOptions = setup.options;

  describe.skipIf(!setup.available)(`money under load [${setup.name}]`, () => {
    // Budget is isolated from the rate limits by a clock that leaps 31 s at every reading while a
    // slot lives 0.6 s (GATEAI_TIME_SCALE=1000): each limiter decision sees every earlier slot and
    // window entry expired, so all N requests of a burst are admitted and race N-way for the one
    // key's budget (checked: no 429 at all). The driver is off, so no task finishes, fails or is
    // refunded: usage only grows during a burst, which is what makes "every 402 is genuine"
    // checkable afterwards (see checkLedger).
    const clock = leapingClock(31 * SECOND);
    let gw: TestGateway;
    let day = Date.UTC(2030, 0, 1);
    const nextDay = () => {
      day += DAY_MS;
      clock.set(day);
      return new Date(day);
    };

    beforeAll(async () => {
      gw = await startGateway({ ...base, clock, driver: { enabled: false }, env: { GATEAI_TIME_SCALE: "1000" } });
    });
    afterAll(async () => {
      await gw?.close();
    });

    it("60 simultaneous generations against a $1.00 limit: not one micro-dollar overspent, every 402 genuine", async () => {
      const requests = Array.from({ length: 60 }, (_, i) => BUDGET_MIX[i % BUDGET_MIX.length]!);
      const readsBefore = clock.reads();
      const result = await budgetBurst(gw, 1.0, requests, nextDay());
      // The burst stayed well inside its UTC day (31 s per reading).
      expect((clock.reads() - readsBefore) * 31 * SECOND).toBeLessThan(DAY_MS);
      expect(result.refused429, `429s: the rate limits were not isolated ${JSON.stringify(histogram(result.outcomes))}`).toBe(0);
      // The mix asks for ~5.5 $: the budget must have bound, with downgrades and refusals.
      // (Whatever order the charges land in: even 0.44 + 0.44 + 0.11 first still leaves room for a few cheap ones.)
      expect(result.refused402).toBeGreaterThan(0);
      expect(result.accepted).toBeGreaterThan(5);
      // Whether a downgrade happens in this mix depends on the order the charges land in (the
      // next test makes one certain). How close to the limit it got is checked by checkLedger:
      // each 402's cheapest downgrade exceeds the leftover.
    });

    it("20 simultaneous requests that each cost more than the whole limit: every accepted one is downgraded, none overspends", async () => {
      // No request can be charged as asked, so the first charge to land was fitted to the whole
      // limit: at least one is accepted, and every acceptance carries a BUDGET_DOWNGRADE.
      const request = BUDGET_MIX[0]!;
      const { cost, cheapest } = priced(request);
      expect(cheapest).toBeLessThan(cost);
      const limitUsd = Math.round((cost + cheapest) / 2) / 1_000_000;
      const result = await budgetBurst(gw, limitUsd, Array.from({ length: 20 }, () => request), nextDay());
      expect(result.refused429).toBe(0);
      expect(result.accepted).toBeGreaterThan(0);
      const accepted = result.outcomes.filter((o) => o.status === 200);
      expect(accepted.every((o) => o.body.adjustments.some((a: { reason: string }) => a.reason === "BUDGET_DOWNGRADE"))).toBe(true);
    });

    it("property: any small burst of random requests against any small limit: used <= limit and == the sum of accepted costs", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1_000, max: 600_000 }),
          fc.array(fc.constantFrom(...BUDGET_MIX), { minLength: 2, maxLength: 24 }),
          async (limitMicros, requests) => {
            await budgetBurst(gw, limitMicros / 1_000_000, requests, nextDay());
          },
        ),
        { numRuns: 8 },
      );
    });
  });

  describe.skipIf(!setup.available)(`exact slot limit [${setup.name}]`, () => {
    // Time is frozen (manual clock) and the driver only runs when the test ticks it, at real-time
    // scale (slot TTL 10 min) with one upstream account, so one tick finishes exactly one task.
    const clock = manualClock(Date.UTC(2030, 5, 1, 12));
    const t0 = clock.now();
    let gw: TestGateway;
    let key: string;
    let keyId: string;

    beforeAll(async () => {
      gw = await startGateway({ ...base, clock, driver: { enabled: false }, env: { GATEAI_TIME_SCALE: "1", GATEAI_POOL_SIZE: "1" } });
      ({ key, record: { id: keyId } } = await gw.createKey());
    });
    afterAll(async () => {
      await gw?.close();
    });

    const fire20 = () => burst([gw.url], key, Array.from({ length: 20 }, () => CHEAP_IMAGE));
    const accepted = (outcomes: Outcome[]) => outcomes.filter((o) => o.status === 200).map((o) => o.body.task_id as string);
    const refusedFor = (outcomes: Outcome[], reason: "CONCURRENCY" | "WINDOW") => outcomes.filter((o) => o.status === 429).map((o) => expectRateLimited(o, reason));

    it("20 simultaneous generations: exactly 5 accepted, 15 x 429 RATE_LIMITED (Retry-After: the slots' 600 s)", async () => {
      const outcomes = await fire20();
      expect(histogram(outcomes)).toEqual({ 200: 5, 429: 15 });
      expect(new Set(refusedFor(outcomes, "CONCURRENCY"))).toEqual(new Set([600]));
      const me = await (await fetch(`${gw.url}/api/me?key=${key}`)).json();
      expect(me.concurrency).toMatchObject({ used: 5, max: 5, available: 0 });
      expect(new Set(me.concurrency.active_slots.map((s: { taskId: string }) => s.taskId))).toEqual(new Set(accepted(outcomes)));
    });

    it("30 s later the window has room but the slots are full: none admitted (Retry-After 570 s)", async () => {
      await gw.gateway.driver.tick(); // starts one task (one account) at t0
      clock.set(t0 + 30 * SECOND);
      const outcomes = await fire20();
      expect(histogram(outcomes)).toEqual({ 429: 20 });
      expect(new Set(refusedFor(outcomes, "CONCURRENCY"))).toEqual(new Set([570]));
    });

    it("one task finishes: exactly one more is admitted", async () => {
      // An image takes 10-30 s at real-time scale: the task started at t0 is done at t0 + 30 s.
      await gw.gateway.driver.tick();
      const finished = await gw.prisma.task.count({ where: { keyId, status: "FINISHED" } });
      expect(finished).toBe(1);
      const outcomes = await fire20();
      expect(histogram(outcomes)).toEqual({ 200: 1, 429: 19 });
      refusedFor(outcomes, "CONCURRENCY");
    });

    it("the other slots free themselves at exactly their TTL (10 min after they were taken), not 1 ms before", async () => {
      clock.set(t0 + 600 * SECOND - 1);
      const early = await fire20();
      expect(histogram(early)).toEqual({ 429: 20 });
      expect(new Set(refusedFor(early, "CONCURRENCY"))).toEqual(new Set([1]));

      // The 4 slots taken at t0 (never finished) expire; the one taken at t0 + 30 s does not.
      clock.set(t0 + 600 * SECOND);
      const onTime = await fire20();
      expect(histogram(onTime)).toEqual({ 200: 4, 429: 16 });
      expect(new Set(refusedFor(onTime, "CONCURRENCY"))).toEqual(new Set([30]));
      const me = await (await fetch(`${gw.url}/api/me?key=${key}`)).json();
      expect(me.concurrency.used).toBe(5);
    });

    it("no refused request was charged", async () => {
      const tasks = await storedTasks(gw, keyId);
      expect(tasks.length).toBe(5 + 1 + 4);
      expect(await creditsUsed(gw, key)).toBe(tasks.reduce((s, t) => s + t.cost, 0));
    });
  });

  describe.skipIf(!setup.available)(`exact sliding window [${setup.name}]`, () => {
    // Slots live 0.6 s here (GATEAI_TIME_SCALE=1000; the 30 s window does not scale), so moving
    // the manual clock by more than that frees them: only the window can refuse. The driver is
    // off; slots are freed by their TTL, which is what the clock controls to the millisecond.
    const clock = manualClock(Date.UTC(2030, 5, 2, 12));
    const t = clock.now();
    let gw: TestGateway;
    let key: string;

    beforeAll(async () => {
      gw = await startGateway({ ...base, clock, driver: { enabled: false }, env: { GATEAI_TIME_SCALE: "1000" } });
      ({ key } = await gw.createKey());
    });
    afterAll(async () => {
      await gw?.close();
    });

    const fire = (n: number) => burst([gw.url], key, Array.from({ length: n }, () => CHEAP_IMAGE));
    const at = async (offsetMs: number, n: number) => {
      clock.set(t + offsetMs);
      return fire(n);
    };

    it("5 admitted at t; the 6th is refused until exactly t + 30 s, with Retry-After rounded up", async () => {
      expect(histogram(await at(0, 5))).toEqual({ 200: 5 });

      // Slots still held (0.6 s): the concurrency limit speaks first.
      const [busy] = await at(0, 1);
      expect(expectRateLimited(busy!, "CONCURRENCY")).toBe(1);

      const [first] = await at(700, 1);
      expect(expectRateLimited(first!, "WINDOW")).toBe(30); // 29.3 s rounded up
      const [later] = await at(1_000, 1);
      expect(expectRateLimited(later!, "WINDOW")).toBe(29);
      const [last] = await at(30 * SECOND - 1, 1);
      expect(expectRateLimited(last!, "WINDOW")).toBe(1); // 1 ms rounded up

      const admitted = await at(30 * SECOND, 1);
      expect(histogram(admitted)).toEqual({ 200: 1 });
    });

    it("the window slides (it is not a fixed 30 s bucket)", async () => {
      // The window now holds one admission, at t + 30 s.
      const t40 = await at(40 * SECOND, 6);
      expect(histogram(t40)).toEqual({ 200: 4, 429: 2 });
      for (const o of t40.filter((x) => x.status === 429)) expect(expectRateLimited(o, "WINDOW")).toBe(20);

      // A fixed bucket starting at t + 30 s would reset at t + 60 s and admit 5; a sliding window
      // admits exactly the one whose admission (t + 30 s) has left it.
      const t59 = await at(60 * SECOND - 1, 3);
      expect(histogram(t59)).toEqual({ 429: 3 });
      const t60 = await at(60 * SECOND, 3);
      expect(histogram(t60)).toEqual({ 200: 1, 429: 2 });
      for (const o of t60.filter((x) => x.status === 429)) expect(expectRateLimited(o, "WINDOW")).toBe(10);

      const t70 = await at(70 * SECOND, 6);
      expect(histogram(t70)).toEqual({ 200: 4, 429: 2 });
    });

    it("refused requests are neither charged nor counted", async () => {
      // 5 + 1 + 4 + 1 + 4 accepted; had a refusal been counted in the window, later waves would have admitted fewer.
      const response = await fetch(`${gw.url}/credits`, { headers: { authorization: `Bearer ${key}` } });
      const body = (await response.json()) as { your_budget: { used: number } };
      expect(micros(body.your_budget.used)).toBe(15 * 3_000);
      expect(count(await at(70 * SECOND, 1), 429)).toBe(1);
    });
  });
}
