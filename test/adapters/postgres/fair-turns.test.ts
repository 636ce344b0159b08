// The database shared fairly, on PGlite (one connection) and PostgreSQL (a pool, here of one
// connection): one client's backlog of queries does not hold another client's query behind all
// of it, and a transaction keeps its turn until it ends. On PGlite (its own worker thread, whose
// turns are taken there), the event loop gets its turns (sockets are read) while a backlog is served.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../../src/adapters/postgres/database.ts";
import { currentClient, forClient } from "../../../src/http/request-client.ts";
import { withTestDatabases } from "../../support/databases.ts";
import { pgliteTemplate } from "../../support/pglite-template.ts";

const targets = await withTestDatabases();

describe.each(targets)("the database with fair turns on $name", (target) => {
  let db: Database;
  beforeAll(async () => {
    if (target.name === "pglite") db = await openDatabase({ memory: true, pgliteTemplate, clientOf: currentClient });
    else db = await openDatabase({ databaseUrl: (await target.openEmpty()).url!, poolSize: 1, clientOf: currentClient });
  });
  afterAll(async () => {
    await db.close();
  });

  const query = (client: string, done: string[], name: string) => forClient(client, () => db.sql.query("SELECT 1 AS one", []).then(() => void done.push(name)));

  /**
   * Runs `ask` while another client's transaction holds the database (the one connection, or
   * PGlite), so that what it asks waits in the clients' lines; the transaction ends once a turn of
   * the event loop has let every request reach them (on PGlite, the worker's port).
   */
  const whileHeld = async (ask: () => Promise<unknown>[]) => {
    let asked!: Promise<unknown>[];
    await forClient("key:holder", () =>
      db.prisma.$transaction(async (t) => {
        await t.$queryRaw`SELECT 1`;
        asked = ask();
        await new Promise((resolve) => setImmediate(resolve));
      }),
    );
    await Promise.all(asked);
  };

  it("answers another client's query after at most one of a flooding client's queued queries", async () => {
    const done: string[] = [];
    await whileHeld(() => [...Array.from({ length: 50 }, (_, i) => query("key:flood", done, `flood${i}`)), query("key:victim", done, "victim")]);
    expect(done.indexOf("victim")).toBeLessThanOrEqual(1);
  });

  it("answers another client's query through Prisma after at most one of a flooding client's", async () => {
    const done: string[] = [];
    const ask = (client: string, name: string) => forClient(client, () => db.prisma.$queryRaw`SELECT 1`.then(() => void done.push(name)));
    await whileHeld(() => [...Array.from({ length: 50 }, (_, i) => ask("key:flood", `flood${i}`)), ask("key:victim", "victim")]);
    expect(done.indexOf("victim")).toBeLessThanOrEqual(1);
  });

  it("holds a transaction's turn until it commits: another client's query waits for the commit", async () => {
    const done: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let begun!: () => void;
    const inside = new Promise<void>((resolve) => (begun = resolve));
    const tx = forClient("key:tx", () =>
      db.prisma.$transaction(async (t) => {
        await t.$queryRaw`SELECT 1`;
        done.push("tx: first statement");
        begun();
        await held;
        await t.$queryRaw`SELECT 2`;
        done.push("tx: second statement");
      }),
    );
    await inside;
    const other = query("key:other", done, "other client");
    release();
    await Promise.all([tx, other]);
    expect(done).toEqual(["tx: first statement", "tx: second statement", "other client"]);
  });

  it.runIf(target.name === "pglite")("lets the event loop take its turns while a backlog of queries is served", async () => {
    const done: string[] = [];
    const flood = Array.from({ length: 2_000 }, (_, i) => query(`key:${i % 4}`, done, "q"));
    // What a socket read would see: the number of queries answered when the loop's turn comes.
    let answeredAtLoopTurn = -1;
    setImmediate(() => (answeredAtLoopTurn = done.length));
    await Promise.all(flood);
    expect(answeredAtLoopTurn).toBeGreaterThanOrEqual(0);
    expect(answeredAtLoopTurn).toBeLessThan(2_000);
  });
});
