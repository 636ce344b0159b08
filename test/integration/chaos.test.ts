/**
 * The short chaos trial CI runs (`npm run chaos` runs longer ones): 3 gateway processes on their
 * own PostgreSQL and Redis, 20 s of mixed REST / GraphQL / graphql-ws load from 4 keys with small
 * daily limits, gateways killed (-9) and started again, Redis and PostgreSQL restarted once each;
 * then every invariant of bench/chaos/invariants.ts must hold. The plan is seeded (CHAOS_SEED,
 * default 42) and the seed is printed, so a failure can be replayed with `npm run chaos -- --seed=N`.
 */
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runChaos } from "../../bench/chaos/run.ts";

const available = existsSync("/usr/lib/postgresql/15/bin/initdb") && spawnSync("redis-server", ["--version"]).status === 0;
const seed = Number(process.env.CHAOS_SEED ?? 42);

describe.skipIf(!available)("chaos: gateways killed, Redis and PostgreSQL restarted under load", () => {
  it(`keeps every invariant (seed ${seed})`, async () => {
    const lines: string[] = [];
    const report = await runChaos({ seed, durationMs: 20_000, gateways: 3, keys: 4, timeScale: 120, failureRate: 0.5, stallRate: 0, killEveryMs: 4_000, log: (line) => lines.push(line) });
    console.log(`chaos seed ${seed}: kills ${report.kills}, Redis restarts ${report.redisRestarts}, PostgreSQL restarts ${report.postgresRestarts}, tasks ${report.tasks} (failed ${report.failed}, refunded ${report.refunded}), violations ${report.violations.length}`);
    expect(report.kills).toBeGreaterThan(0);
    expect(report.redisRestarts).toBe(1);
    expect(report.postgresRestarts).toBe(1);
    expect(report.tasks).toBeGreaterThan(0);
    expect(report.violations, lines.join("\n")).toEqual([]);
  }, 150_000);
});
