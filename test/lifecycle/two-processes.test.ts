// Two gateway processes on one PostgreSQL and one Redis: A is a child process running src/main.ts,
// B a gateway in this process (same database, same Redis namespace). Subscribers on either see
// the same transitions of a task, wherever it was accepted; when A is killed while driving tasks,
// B takes them over once their leases expire and finishes each exactly once.
import { afterAll, beforeAll, describe, test } from "vitest";
import { openDatabase } from "../../src/adapters/postgres/database.ts";
import type pg from "pg";
import {
  Cleanup,
  auditViolations,
  fetchBytes,
  generate,
  get,
  installAudit,
  launch,
  postgresAndRedis,
  postgresDatabase,
  randomKey,
  readAudit,
  sleep,
  spawnGateway,
  sqlPool,
  usedMicros,
  waitFor,
  watchMyTasks,
  watchTask,
  whenLive,
  type ChildGateway,
  type Launched,
  type TaskEventSeen,
  type Watch,
} from "./support.ts";
import { testRedisUrl } from "../support/services.ts";
import type { TaskEvent } from "../../src/domain/task-events.ts";

const cleanup = new Cleanup();
afterAll(() => cleanup.run(), 60_000);

/** Scale 4: an image takes 2.5-7.5 s, long enough to kill its driver mid-way. */
const SCALE = "4";
const LEASE_MS = 1_000;

/** What a subscriber can compare across processes: the transition and the state it led to. */
const state = (e: TaskEventSeen) => `${e.type}:${e.status}:${e.progress}:${e.refunded ? "refunded" : "charged"}`;
const sameState = (a: TaskEventSeen, b: TaskEventSeen) => a.status === b.status && a.progress === b.progress && a.refunded === b.refunded;
/** Result URLs are absolute with each process's own origin: compare their paths. */
const paths = (urls: readonly string[]) => urls.map((u) => new URL(u).pathname);

describe.skipIf(!postgresAndRedis())("two gateway processes [PostgreSQL + Redis]", () => {
  let url: string;
  let sql: pg.Pool;
  let a: ChildGateway;
  let b: Launched;

  beforeAll(async () => {
    url = await postgresDatabase(cleanup);
    sql = sqlPool(cleanup, url);
    const migrated = await openDatabase({ databaseUrl: url });
    await migrated.close();
    await installAudit(sql);
    // src/main.ts uses the default Redis namespace "gateai:"; B joins it.
    a = await spawnGateway(cleanup, {
      DATABASE_URL: url,
      REDIS_URL: testRedisUrl!,
      GATEAI_API_KEYS: randomKey(),
      GATEAI_TIME_SCALE: SCALE,
      GATEAI_LEASE_MS: String(LEASE_MS),
    });
    b = await launch(cleanup, { databaseUrl: url, redis: true, redisPrefix: "gateai:", env: { GATEAI_TIME_SCALE: SCALE, GATEAI_LEASE_MS: String(LEASE_MS) } });
  }, 120_000);

  /** Subscribes `myTasks` on both processes, waits until both are live, then until both see a probe task accepted (and driven) on A. */
  async function liveFeeds(key: string, keyId: string): Promise<{ onA: Watch; onB: Watch; probe: string }> {
    const onA = watchMyTasks(cleanup, a.url, key);
    const onB = watchMyTasks(cleanup, b.url, key);
    await whenLive(b.services.pubsub, keyId, [onA, onB]);
    const probe = (await generate(a.url, key, "gpt-image-2", { prompt: "probe" })).taskId;
    await Promise.all([onA.until((e) => e.id === probe, 10_000, "the probe on A"), onB.until((e) => e.id === probe, 10_000, "the probe on B")]);
    return { onA, onB, probe };
  }

  /**
   * Each process publishes its events in order on its own connection: once both feeds have seen
   * a task accepted on A and one accepted on B reach FINISHED, every earlier event of either
   * process (a duplicate included) has been delivered.
   */
  async function barrier(key: string, feeds: readonly Watch[], processes: readonly string[]): Promise<{ cost: number }> {
    const accepted = [];
    for (const base of processes) accepted.push(await generate(base, key, "gpt-image-2", { prompt: "barrier" }));
    for (const feed of feeds) for (const { taskId } of accepted) await feed.until((e) => e.id === taskId && e.type === "FINISHED", 20_000, "the barrier");
    return { cost: accepted.reduce((sum, t) => sum + t.cost, 0) };
  }

  test("subscribers on both processes see the same transitions of a task accepted on B", async ({ expect }) => {
    const { key, id: keyId } = await b.createKey();
    const { onA, onB } = await liveFeeds(key, keyId);

    const task = await generate(b.url, key, "gpt-image-2", { prompt: "watched from two processes" });
    const subA = watchTask(cleanup, a.url, key, task.taskId);
    const subB = watchTask(cleanup, b.url, key, task.taskId);
    await Promise.all([subA.completed, subB.completed]);
    await onA.until((e) => e.id === task.taskId && e.type === "FINISHED", 5_000, "FINISHED on A's myTasks");
    await onB.until((e) => e.id === task.taskId && e.type === "FINISHED", 5_000, "FINISHED on B's myTasks");
    await barrier(key, [onA, onB], [a.url, b.url]);

    // myTasks on A sees the task accepted on B, from its QUEUED on, exactly as B's own feed does.
    const feedA = onA.events.filter((e) => e.id === task.taskId);
    const feedB = onB.events.filter((e) => e.id === task.taskId);
    expect(feedA.map(state)).toEqual(feedB.map(state));
    expect(feedA[0]).toMatchObject({ type: "QUEUED", status: "QUEUED" });
    expect(feedA.map((e) => e.type)).toContain("PROCESSING");
    expect(feedA.filter((e) => e.type === "FINISHED")).toHaveLength(1);
    expect(feedA.at(-1)).toMatchObject({ type: "FINISHED", status: "FINISHED" });

    // Each taskUpdated subscriber: its current state at once, then every later change, in the feed's order.
    const snapshotAt = new Map<string, number>();
    for (const [where, sub] of [["A", subA], ["B", subB]] as const) {
      const [snapshot, ...changes] = sub.events;
      expect(snapshot, `${where}: no snapshot`).toBeDefined();
      let at = -1;
      feedA.forEach((e, i) => {
        if (sameState(e, snapshot!)) at = i;
      });
      expect(at, `${where}: snapshot ${state(snapshot!)} is not a state of ${feedA.map(state).join(", ")}`).toBeGreaterThanOrEqual(0);
      expect(changes.map(state), `taskUpdated on ${where}`).toEqual(feedA.slice(at + 1).map(state));
      expect(sub.events.at(-1)).toMatchObject({ type: "FINISHED", status: "FINISHED" });
      snapshotAt.set(where, at);
    }
    // From the later of the two snapshots on, A and B saw the same (type, status) sequence.
    const from = Math.max(snapshotAt.get("A")!, snapshotAt.get("B")!);
    const after = (sub: Watch, where: string) => sub.events.slice(1 + from - snapshotAt.get(where)!).map((e) => `${e.type}:${e.status}`);
    expect(after(subA, "A")).toEqual(after(subB, "B"));
    expect(after(subA, "A").at(-1)).toBe("FINISHED:FINISHED");
    expect(paths(subA.events.at(-1)!.result)).toEqual(paths(subB.events.at(-1)!.result));

    // Both processes answer /get alike, and a subscriber arriving after the end gets the final state at once.
    const [getA, getB] = [(await get(a.url, `/get/${task.taskId}`, key)).body, (await get(b.url, `/get/${task.taskId}`, key)).body];
    expect(getA.status).toBe("FINISHED");
    expect(paths(getA.result)).toEqual(paths(getB.result));
    expect(paths(getA.result)).toEqual(paths(subA.events.at(-1)!.result));
    for (const base of [a.url, b.url]) {
      const late = watchTask(cleanup, base, key, task.taskId);
      await late.completed;
      expect(late.events.map((e) => `${e.type}:${e.status}`)).toEqual(["FINISHED:FINISHED"]);
      expect(paths(late.events[0]!.result)).toEqual(paths(getA.result));
    }
  }, 60_000);

  test("A does not start a task accepted on B before B has published its QUEUED event, however slow that is", async ({ expect }) => {
    const { key, id: keyId } = await b.createKey();
    const { onA, onB } = await liveFeeds(key, keyId); // A drives the probe: its passes come every 100 ms
    await b.gateway.driver.stop(); // only A could start the task while B's QUEUED is on its way
    const pubsub = b.services.pubsub;
    const publish = pubsub.publish;
    pubsub.publish = async (topic, id, event) => {
      if (topic === "keyTasks" && (event as TaskEvent).type === "QUEUED") await sleep(300);
      return publish.call(pubsub, topic, id, event);
    };
    let taskId: string;
    try {
      taskId = (await generate(b.url, key, "gpt-image-2", { prompt: "slow to announce" })).taskId;
    } finally {
      pubsub.publish = publish;
      b.gateway.driver.start();
    }
    await onA.until((e) => e.id === taskId && e.type === "FINISHED", 20_000, "FINISHED on A's myTasks");
    await onB.until((e) => e.id === taskId && e.type === "FINISHED", 5_000, "FINISHED on B's myTasks");
    for (const feed of [onA, onB]) expect(feed.events.filter((e) => e.id === taskId).map((e) => e.type).slice(0, 2)).toEqual(["QUEUED", "PROCESSING"]);
  }, 60_000);

  test("A is killed while driving; B takes its tasks over after the leases expire and finishes each once", async ({ expect }) => {
    const { key, id: keyId } = await b.createKey();
    await b.gateway.driver.stop(); // only A starts the tasks
    const onB = watchMyTasks(cleanup, b.url, key);
    await whenLive(b.services.pubsub, keyId, [onB]);
    const tasks = [];
    for (let i = 0; i < 4; i++) tasks.push(await generate(a.url, key, "gpt-image-2", { prompt: `taken over ${i}` }));
    const ids = tasks.map((t) => t.taskId);
    type Row = { id: string; status: string; lease_owner: string | null; lease_until: Date | null; started_at: Date | null; attempts: number; finished_at: Date | null };
    const rows = async () => (await sql.query<Row>("SELECT id, status, lease_owner, lease_until, started_at, attempts, finished_at FROM tasks WHERE id = ANY($1)", [ids])).rows;

    const startedByA = await waitFor("A to start all four", async () => {
      const found = await rows();
      return found.length === 4 && found.every((r) => r.status === "PROCESSING") ? found : undefined;
    }, 10_000, 25);
    const ownerA = startedByA[0]!.lease_owner!;
    expect(startedByA.every((r) => r.lease_owner === ownerA)).toBe(true);

    // B drives again: a live lease (renewed by A every tick) is not taken.
    b.gateway.driver.start();
    await b.gateway.driver.tick();
    await b.gateway.driver.settled();
    const whileAlive = await rows();
    expect(whileAlive.map((r) => [r.status, r.lease_owner])).toEqual(whileAlive.map(() => ["PROCESSING", ownerA]));

    await a.kill9();
    const killedAt = Date.now();
    const leasesAtDeath = new Map((await rows()).map((r) => [r.id, r.lease_until!.getTime()]));
    const takenOverAt = new Map<string, number>();
    const done = await waitFor("B to finish all four", async () => {
      const now = Date.now();
      const found = await rows();
      for (const r of found) if (r.lease_owner !== ownerA && !takenOverAt.has(r.id)) takenOverAt.set(r.id, now);
      return found.every((r) => r.status === "FINISHED") ? found : undefined;
    }, 20_000, 25);
    const late = await barrier(key, [onB], [b.url]);

    for (const r of done) {
      const before = startedByA.find((s) => s.id === r.id)!;
      expect(r.attempts).toBe(1); // resumed, not started again
      expect(r.started_at!.getTime()).toBe(before.started_at!.getTime());
      expect(r.finished_at!.getTime()).toBeGreaterThan(killedAt);
      // Not before A's lease ran out (25 ms of polling granularity).
      expect(takenOverAt.get(r.id)!).toBeGreaterThanOrEqual(leasesAtDeath.get(r.id)! - 25);
    }
    for (const id of ids) {
      const finished = onB.events.filter((e) => e.id === id && e.type === "FINISHED");
      expect(finished, `FINISHED events of ${id}`).toHaveLength(1);
      expect(finished[0]!.result.length).toBe(1);
      const file = await fetchBytes(finished[0]!.result[0]!);
      expect(file.status).toBe(200);
    }
    // Charges intact: nothing refunded, every cost charged once.
    expect(await usedMicros(b.url, key)).toBe(tasks.reduce((sum, t) => sum + t.cost, 0) + late.cost);
    const history = (await readAudit(sql)).filter((r) => ids.includes(r.taskId));
    expect(auditViolations(history)).toEqual([]);
    for (const id of ids) expect(history.filter((r) => r.taskId === id).map((r) => r.newStatus)).toEqual(["QUEUED", "PROCESSING", "FINISHED"]);
  }, 60_000);
});
