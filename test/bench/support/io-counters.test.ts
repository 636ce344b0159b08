// The bench's `--count-io` counters (bench/support/io-counters.ts): each statement counted once by
// kind, with the rows its answer reports, whether the answer comes to a callback (pg.Pool) or as a
// promise (a client's query); the query's own answer reaches its caller unchanged.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { installIoCounters, ioPerRequest, snapshotIo } from "../../../bench/support/io-counters.ts";
import { requireService, testDatabaseUrl } from "../../support/services.ts";

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
