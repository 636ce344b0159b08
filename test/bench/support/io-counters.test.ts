// The bench's `--count-io` counters (bench/support/io-counters.ts): each statement counted once by
// kind, with the rows its answer reports, whether the answer comes to a callback (pg.Pool) or as a
// promise (a client's query); the query's own answer reaches its caller unchanged; the round trips
// called within a window are timed from the call (a wait for a connection or a pipeline included),
// and those called outside it are left out.
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { clearRoundTrips, installIoCounters, ioPerRequest, roundTripsBetween, snapshotIo } from "../../../bench/support/io-counters.ts";
import { requireService, testDatabaseUrl, testRedisUrl } from "../../support/services.ts";

describe.skipIf(!requireService("postgres"))("the bench's statement and row counters", () => {
  installIoCounters();
  const pool = new pg.Pool({ connectionString: testDatabaseUrl, max: 2 });
  afterAll(() => pool.end());

  it("counts the statements of each kind and the rows their answers report, by pool and by client alike", async () => {
    const before = snapshotIo();
    const viaPool = await pool.query("SELECT generate_series(1, 3) AS n");
    expect(viaPool.rows.map((r) => r.n)).toEqual([1, 2, 3]);
    const client = await pool.connect();
    try {
      await client.query("SELECT generate_series(1, 3) AS n");
      await new Promise<void>((resolve, reject) => client.query("SELECT generate_series(1, 3) AS n", (error) => (error ? reject(error) : resolve())));
      await expect(client.query("SELECT no_such_column FROM generate_series(1, 3)")).rejects.toThrow(/no_such_column/);
    } finally {
      client.release();
    }
    const lines = ioPerRequest(before, snapshotIo(), 1);
    expect(lines).toContain("    3.000  (rows 9.000)  pg: SELECT generate_series(1, 3) AS n");
    // A refused statement is sent (counted) and returns no rows.
    expect(lines).toContain("    1.000  (rows 0.000)  pg: SELECT no_such_column FROM generate_series(1, 3)");
  });
});

const epochNow = () => performance.timeOrigin + performance.now();
/** The count and the p50 / p99 of a kind's line in roundTripsBetween's answer. */
const tripsOf = (lines: readonly string[], kind: string) => {
  const line = lines.find((l) => l.endsWith(`  ${kind}`));
  const match = line?.match(/^\s+(\d+)\s+([\d.]+) \/\s+([\d.]+)  /);
  return match ? { count: Number(match[1]), p50: Number(match[2]), p99: Number(match[3]) } : undefined;
};
/** Holds this thread for `ms`, as a busy event loop holds an answer that has arrived. */
const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe.skipIf(!requireService("postgres") || !requireService("redis"))("the bench's round trip timings", () => {
  installIoCounters();
  const pool = new pg.Pool({ connectionString: testDatabaseUrl, max: 1 });
  const redis = new Redis(testRedisUrl!);
  const pipelining = new Redis(testRedisUrl!, { enableAutoPipelining: true });
  afterAll(async () => {
    await pool.end();
    redis.disconnect();
    pipelining.disconnect();
  });

  it("times the statements and Redis commands called within the window, and only those", async () => {
    clearRoundTrips();
    await pool.query({ text: "SELECT 'before the window' AS w" });
    await redis.echo("before");
    const from = epochNow();
    for (let i = 0; i < 3; i++) await pool.query({ text: "SELECT pg_sleep(0.02), 'in the window' AS w" });
    await redis.echo("inside");
    await redis.echo("inside");
    const to = epochNow();
    await pool.query({ text: "SELECT pg_sleep(0.02), 'in the window' AS w" });
    await redis.echo("after");

    const lines = roundTripsBetween(from, to, "in the test's window");
    const statement = tripsOf(lines, "pg: SELECT pg_sleep(0.02), 'in the window' AS w");
    expect(statement?.count).toBe(3);
    // Each waited for PostgreSQL's 20 ms sleep.
    expect(statement!.p50).toBeGreaterThanOrEqual(19);
    expect(tripsOf(lines, "redis: echo")?.count).toBe(2);
    expect(tripsOf(lines, "pg: SELECT 'before the window' AS w")).toBeUndefined();
  });

  it("counts a statement's wait for a pooled connection, and a command's wait for its pipeline, from the call", async () => {
    clearRoundTrips();
    const from = epochNow();
    // One connection: the second statement waits for the first one's 50 ms.
    await Promise.all([pool.query({ text: "SELECT pg_sleep(0.05), 'queued' AS w" }), pool.query({ text: "SELECT pg_sleep(0.05), 'queued' AS w" })]);
    // The pipeline goes out once this turn of the event loop ends, 30 ms after the call.
    const echoed = pipelining.echo("pipelined");
    busyFor(30);
    await echoed;
    const lines = roundTripsBetween(from, epochNow(), "in the test's window");
    expect(tripsOf(lines, "pg: SELECT pg_sleep(0.05), 'queued' AS w")!.p99).toBeGreaterThanOrEqual(99);
    expect(tripsOf(lines, "redis: echo")!.p50).toBeGreaterThanOrEqual(29);
  });

  it("times a client's statements answered as promises, leaves out the statements refused, and starts a config object's clock at each call", async () => {
    clearRoundTrips();
    const from = epochNow();
    const reused = { text: "SELECT 'used twice' AS w" };
    await pool.query(reused);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const client = await pool.connect();
    try {
      await client.query("SELECT pg_sleep(0.02), 'as a promise' AS w");
      await expect(client.query("SELECT no_such_column, 'refused' FROM generate_series(1, 3)")).rejects.toThrow(/no_such_column/);
      await client.query(reused);
    } finally {
      client.release();
    }
    const lines = roundTripsBetween(from, epochNow(), "in the test's window");
    expect(tripsOf(lines, "pg: SELECT pg_sleep(0.02), 'as a promise' AS w")?.count).toBe(1);
    expect(lines.some((line) => line.includes("'refused'"))).toBe(false);
    // Its second use is timed from its own call, not from the pool call 60 ms before.
    const twice = tripsOf(lines, "pg: SELECT 'used twice' AS w")!;
    expect(twice.count).toBe(2);
    expect(twice.p99).toBeLessThan(50);
  });
});
