// Embedded PGlite on its own worker thread: statements run beside the event loop, and callers see
// what PGlite in process would give them (values, errors, transactions).
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Worker } from "node:worker_threads";
import { messages, PGlite, types } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PGLITE_START_PARAMS } from "../../../src/adapters/postgres/pglite-memory.ts";
import { currentClient, forClient } from "../../../src/http/request-client.ts";
import { openPgliteThread, PgliteUnavailableError, pgliteWorkerEntry, RESTART_MAX_MS, type PgliteThread } from "../../../src/adapters/postgres/pglite-thread.ts";
import { isServiceUnavailable } from "../../../src/http/unavailable.ts";
import { DEFAULT_MIGRATIONS_DIR } from "../../../src/adapters/postgres/migrate.ts";
import { pgliteTemplate } from "../../support/pglite-template.ts";

let thread: PgliteThread;
let inProcess: PGlite;
beforeAll(async () => {
  [thread, inProcess] = await Promise.all([openPgliteThread({ startParams: PGLITE_START_PARAMS }), PGlite.create()]);
  const schema = "CREATE TABLE items (id int PRIMARY KEY, name text UNIQUE NOT NULL)";
  await Promise.all([thread.exec(schema), inProcess.exec(schema)]);
});
afterAll(async () => {
  await Promise.all([thread?.close(), inProcess?.close()]);
});

describe("PGlite on a worker thread", () => {
  it("runs a long statement while the event loop keeps taking its turns", async () => {
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const result = await thread.query<{ n: number }>("SELECT count(*)::int AS n FROM generate_series(1, 3000000)");
    running = false;
    expect(result.rows).toEqual([{ n: 3_000_000 }]);
    // In process, the statement runs in one synchronous WebAssembly call: no turn at all meanwhile.
    expect(turns).toBeGreaterThan(20);
  });

  it("gives back the values PGlite in process gives, arrays included, with its default parsers and with the caller's", async () => {
    const sql = `SELECT 1::int4 AS i, 9007199254740993::int8 AS big, 1.5::numeric AS num, 2.25::float8 AS f, true AS b, 'x' AS t,
      '{"a":[1,2]}'::jsonb AS j, '\\x0102ff'::bytea AS bytes, '2026-12-05T10:00:00Z'::timestamptz AS at, '2026-12-05'::date AS d,
      ARRAY[1,2,3]::int4[] AS ints, ARRAY['2026-12-05T10:00:00Z', NULL]::timestamptz[] AS ats, NULL::text AS nothing, $1::text AS param, $2::int AS n`;
    const params = ["p", 7];
    expect(await thread.query(sql, params)).toEqual(await inProcess.query(sql, params));
    // As Prisma's adapter does: its own parsers for some scalar types and for some array types (1185: timestamptz[]).
    const options = { rowMode: "array" as const, parsers: { [types.TEXT]: (text: string) => `<${text}>`, [types.INT4]: (text: string) => Number(text) * 10, 1185: (text: string) => `array ${text}` } };
    const [off, on] = [await thread.query(sql, params, options), await inProcess.query(sql, params, options)];
    expect(off).toEqual(on);
    expect(off.rows[0]).toContain("<x>");
    expect(off.rows[0]).toContain('array {"2026-12-05 10:00:00+00",NULL}');
  });

  it("reports PostgreSQL's errors as PGlite's DatabaseError, with every field", async () => {
    await thread.query("INSERT INTO items VALUES (1, 'one')");
    await inProcess.query("INSERT INTO items VALUES (1, 'one')");
    const failed = await thread.query("INSERT INTO items VALUES (2, 'one')").catch((error: unknown) => error);
    const expected = await inProcess.query("INSERT INTO items VALUES (2, 'one')").catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(messages.DatabaseError);
    expect(failed).toMatchObject({ code: "23505", constraint: "items_name_key", table: "items", message: (expected as Error).message });
    expect((failed as messages.DatabaseError).detail).toBe((expected as messages.DatabaseError).detail);
  });

  it("commits a transaction whose callback returns, and rolls back one that throws or calls rollback()", async () => {
    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO items VALUES (10, 'committed')");
    });
    await expect(
      thread.transaction(async (tx) => {
        await tx.query("INSERT INTO items VALUES (11, 'thrown')");
        throw new Error("the caller's own error");
      }),
    ).rejects.toThrow("the caller's own error");
    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO items VALUES (12, 'rolled back')");
      await tx.rollback();
    });
    const names = await thread.query<{ name: string }>("SELECT name FROM items WHERE id >= 10 ORDER BY id");
    expect(names.rows.map((r) => r.name)).toEqual(["committed"]);
  });

  it("holds a statement sent outside an open transaction until the transaction ends", async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let begun!: () => void;
    const inside = new Promise<void>((resolve) => (begun = resolve));
    const tx = thread.transaction(async (t) => {
      await t.query("INSERT INTO items VALUES (20, 'in the transaction')");
      begun();
      await held;
      order.push("transaction ends");
    });
    await inside;
    const outside = thread.query<{ n: number }>("SELECT count(*)::int AS n FROM items WHERE id = 20").then((r) => {
      order.push("outside statement");
      return r.rows[0]!.n;
    });
    release();
    await tx;
    // It ran after the commit: it sees the row.
    expect(await outside).toBe(1);
    expect(order).toEqual(["transaction ends", "outside statement"]);
  });

  it("serves the clients whose statements arrived while a long one ran in rotation, not in the order they were sent", async () => {
    const shared = await openPgliteThread({ startParams: PGLITE_START_PARAMS, clientOf: currentClient });
    try {
      const done: string[] = [];
      const ask = (client: string, name: string, sql = "SELECT 1") => forClient(client, () => shared.query(sql).then(() => void done.push(name)));
      // The worker's thread is busy with the long statement while the others reach its port.
      const long = ask("key:long", "long", "SELECT count(*) FROM generate_series(1, 3000000)");
      const flood = Array.from({ length: 50 }, (_, i) => ask("key:flood", `flood${i}`));
      const victim = ask("key:victim", "victim");
      await Promise.all([long, ...flood, victim]);
      expect(done.slice(0, 3)).toEqual(["long", "flood0", "victim"]);
    } finally {
      await shared.close();
    }
  });

  it("refuses a parameter that cannot be copied to the worker, and keeps serving", async () => {
    await expect(thread.query("SELECT $1::text AS t", [() => "a function"])).rejects.toThrow();
    expect((await thread.query("SELECT 'still here' AS t")).rows).toEqual([{ t: "still here" }]);
  });

  it("does not keep the process alive once no reply is awaited", () => {
    const module = pathToFileURL(pgliteWorkerEntry().pathname.replace(/pglite-worker\.js$/, "pglite-thread.js")).href;
    const params = JSON.stringify(PGLITE_START_PARAMS);
    const script = `import(${JSON.stringify(module)}).then(async (m) => { const db = await m.openPgliteThread({ startParams: ${params} }); await db.query("SELECT 1"); console.log("answered"); });`;
    const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 60_000 });
    // Never closed: the process ends by itself after the answer (a timeout would leave status null).
    expect(child.stdout.trim()).toBe("answered");
    expect(child.status).toBe(0);
  });
});

describe("PGlite on a worker thread, when the worker dies", () => {
  /** Opens a thread that reports its workers; `kill` ends the current one as a crash would, and resolves once it is gone. */
  async function openWatched(dataDir: string | undefined) {
    const workers: Worker[] = [];
    const db = await openPgliteThread({ dataDir, startParams: PGLITE_START_PARAMS, setup: "SET TIME ZONE 'Pacific/Auckland'", onWorker: (w) => workers.push(w) });
    const kill = async () => {
      const worker = workers.at(-1)!;
      const gone = once(worker, "exit");
      await worker.terminate();
      await gone;
    };
    return { db, workers, kill };
  }

  it("fails what waited and what follows as unavailable, then opens the data directory again with what was committed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gateai-pglite-restart-"));
    const { db, workers, kill } = await openWatched(dir);
    const reopened = () => db.query("SELECT 1").then(() => "open", () => "unavailable");
    try {
      await db.exec("CREATE TABLE kept (id int PRIMARY KEY)");
      await db.query("INSERT INTO kept VALUES (1)");
      let waiting: Promise<unknown> | undefined;
      let afterKill: unknown;
      const ended = await db
        .transaction(async (tx) => {
          await tx.query("INSERT INTO kept VALUES (2)");
          // Held in the worker behind the open transaction when the worker dies.
          waiting = db.query("SELECT 1").catch((error: unknown) => error);
          await kill();
          afterKill = await db.query("SELECT 1").catch((error: unknown) => error);
          // The transaction began on the dead worker: once a new one is open, it is still over.
          await expect.poll(reopened, { timeout: 30_000, interval: 50 }).toBe("open");
          return tx.query("INSERT INTO kept VALUES (3)");
        })
        .catch((error: unknown) => error);
      const waited = await waiting;
      expect(waited).toBeInstanceOf(PgliteUnavailableError);
      expect(afterKill).toBeInstanceOf(PgliteUnavailableError);
      expect(ended).toBeInstanceOf(PgliteUnavailableError);
      expect((ended as Error).message).toMatch(/restarted: the transaction is over/);
      // The faces answer it 503 SERVICE_UNAVAILABLE, as they do PostgreSQL that cannot be reached.
      expect(isServiceUnavailable(waited)).toBe(true);

      // The committed row is there, the transaction's are not, the setup ran again.
      expect((await db.query<{ id: number }>("SELECT id FROM kept ORDER BY id")).rows).toEqual([{ id: 1 }]);
      expect(workers).toHaveLength(2);
      expect((await db.query<{ TimeZone: string }>("SHOW TimeZone")).rows).toEqual([{ TimeZone: "Pacific/Auckland" }]);
      await db.transaction(async (tx) => {
        await tx.query("INSERT INTO kept VALUES (4)");
      });
      expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM kept")).rows).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("starts one new worker for a crash that emits 'error' and then 'exit'", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gateai-pglite-crash-"));
    const { db, workers, kill } = await openWatched(dir);
    try {
      workers[0]!.emit("error", new Error("an uncaught error in the worker"));
      await kill();
      const failed = await db.query("SELECT 1").catch((error: unknown) => error);
      expect((failed as Error).message).toMatch(/unavailable: an uncaught error in the worker/);
      await expect.poll(() => db.query("SELECT 1").then(() => "open", () => "unavailable"), { timeout: 30_000, interval: 50 }).toBe("open");
      expect(workers).toHaveLength(2);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps an in-memory database unavailable: there is nothing to open again", async () => {
    const { db, workers, kill } = await openWatched(undefined);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      await kill();
      // Past every restart a data directory would get: none is started.
      vi.advanceTimersByTime(10 * RESTART_MAX_MS);
      expect(workers).toHaveLength(1);
      const failed = await db.query("SELECT 1").catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(PgliteUnavailableError);
      expect((failed as Error).message).toMatch(/the embedded database \(PGlite\) is unavailable: the PGlite worker exited/);
    } finally {
      vi.useRealTimers();
      await db.close();
    }
  });
});

describe("PGlite on a worker thread, in memory from a template", () => {
  it("starts from a data-directory dump instead of initdb: the dump's tables and rows are there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gateai-pglite-template-test-"));
    const source = await PGlite.create();
    try {
      await source.exec("CREATE TABLE from_template (id int PRIMARY KEY); INSERT INTO from_template VALUES (7)");
      const file = join(dir, "dump.tar");
      writeFileSync(file, new Uint8Array(await (await source.dumpDataDir("none")).arrayBuffer()));
      const db = await openPgliteThread({ template: file, startParams: PGLITE_START_PARAMS });
      try {
        expect((await db.query("SELECT id FROM from_template")).rows).toEqual([{ id: 7 }]);
      } finally {
        await db.close();
      }
    } finally {
      await source.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is given, in this test run, a template with every migration applied (test/support/pglite-template.ts)", async () => {
    expect(pgliteTemplate).toBeDefined();
    const db = await openPgliteThread({ template: pgliteTemplate, startParams: PGLITE_START_PARAMS });
    try {
      const applied = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
      const migrations = readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory());
      expect(applied.rows).toEqual([{ n: migrations.length }]);
    } finally {
      await db.close();
    }
  });
});
