// A gateway stopped between accepting tasks and finishing them, then started again on the same
// database (PGlite on disk, PostgreSQL): every accepted task reaches a final state, no charge is
// lost or doubled (a key's `used` is the sum of the costs of its non-refunded tasks), every refund
// happens once. Stopped two ways: close() of an in-process gateway (createGateway again on the
// same data), and SIGKILL of a child process running src/main.ts (started again).
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import type { Provider } from "../../src/services/ports/provider.ts";
import { renderOutputs } from "../../src/adapters/providers/render/index.ts";
import { HARD_LIMIT_ERROR } from "../../src/services/task-driver.ts";
import { openDatabase } from "../../src/adapters/postgres/database.ts";
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
  spawnGateway,
  sqlPool,
  tempDir,
  usedMicros,
  waitFor,
  waitForFinal,
  watchTask,
  type AuditRow,
  type LaunchOptions,
  type Launched,
} from "./support.ts";
import { testRedisUrl } from "../support/services.ts";

const cleanup = new Cleanup();
afterAll(() => cleanup.run(), 60_000);

/** In-process runs: scale 150, so 20 min = 8 s and 40 min = 16 s of gateway time (the clock skips ahead where nothing is to be seen). */
const SCALE = 150;
const REFUND_MS = (20 * 60_000) / SCALE;
const HARD_MS = (40 * 60_000) / SCALE;
const FINISH_MS = 4_000;

/**
 * "finish …" prompts finish 4 s after their start (with real files); everything else never does.
 * The first life is stopped once they all run: 4 s leaves room for a loaded machine between the
 * first start and the stop, and the second life still finishes them before their 20 min (8 s).
 */
const provider: Provider = {
  async poll(job, now) {
    const prompt = typeof job.params.prompt === "string" ? job.params.prompt : "";
    if (!prompt.startsWith("finish") || now < job.startedAt + FINISH_MS) return { state: "running", progress: prompt.startsWith("finish") ? Math.max(0, (now - job.startedAt) / FINISH_MS) * 0.99 : 0.5 };
    const { files, result, glb } = await renderOutputs(job.model, job.output, job.params);
    return { state: "finished", files, result, glb };
  },
};

/** Real time, except that it can be frozen while a gateway is down and resumed a chosen span later. */
function pausableClock() {
  let offset = 0;
  let frozenAt: number | undefined;
  return {
    now: () => frozenAt ?? Date.now() + offset,
    freeze() {
      frozenAt = Date.now() + offset;
    },
    /** Resumes `downMs` of clock time after the freeze (the restart's real duration does not count). */
    resume(downMs: number) {
      offset = frozenAt! + downMs - Date.now();
      frozenAt = undefined;
    },
    /** Skips ahead while running. */
    advance(ms: number) {
      offset += ms;
    },
  };
}

const historyOf = (rows: readonly AuditRow[], taskId: string) =>
  rows.filter((r) => r.taskId === taskId).map((r) => `${r.newStatus}${r.refunded ? "+refunded" : ""}`);

/**
 * Three lives of one gateway on the same data:
 *  1. accepts S1 (never finishes) and F1-F3 (finish 4 s after start); stopped once they run.
 *  2. started again 0.5 s later (gateway time): takes over F1-F3 once the dead leases expire and
 *     finishes them (before 20 min: charged); skips ahead to S1's 20 min: refunds it; accepts H
 *     (never finishes); stopped.
 *  3. started again 40+ min later: S1 and H are past their hard deadline: FAILED, S1 not refunded
 *     again, H refunded (once, with the failure).
 */
async function threeLives(expect: typeof import("vitest").expect, target: Pick<LaunchOptions, "dataDir" | "databaseUrl" | "redis">) {
  const clock = pausableClock();
  const open = () => launch(cleanup, { ...target, env: { GATEAI_TIME_SCALE: String(SCALE) }, options: { provider, clock, driver: { leaseMs: 1_000 } } });

  let gw: Launched = await open();
  await installAudit(gw.prisma);
  const [k1, k2, k3] = [await gw.createKey(), await gw.createKey(), await gw.createKey()];
  const s1 = await generate(gw.url, k1.key, "gpt-image-2", { prompt: "stall, refunded in the second life" });
  const fs = await Promise.all([1, 2, 3].map((i) => generate(gw.url, k2.key, "gpt-image-2", { prompt: `finish ${i}` })));
  const firstOwner = await waitFor(
    "F1-F3 to run under the first gateway's lease",
    async () => {
      const rows = await gw.prisma.task.findMany({ where: { id: { in: fs.map((f) => f.taskId) } } });
      return rows.every((r) => r.status === "PROCESSING") ? rows[0]!.leaseOwner! : undefined;
    },
    10_000,
  );
  clock.freeze();
  const stoppedAt = clock.now();
  await gw.close();

  // Second life.
  gw = await open();
  clock.resume(500);
  const watchS1 = watchTask(cleanup, gw.url, k1.key, s1.taskId);
  const finished = await Promise.all(fs.map((f) => waitForFinal(gw.url, k2.key, f.taskId, 20_000)));
  for (const [i, task] of finished.entries()) {
    expect(task, `F${i + 1}`).toMatchObject({ status: "FINISHED", refunded: false, cost: fs[i]!.cost / 1e6 });
    const file = await fetchBytes(task.result[0]);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe("image/jpeg"); // gpt-image-2 defaults to output_format jpeg
  }
  const finishedRows = await gw.prisma.task.findMany({ where: { id: { in: fs.map((f) => f.taskId) } } });
  for (const row of finishedRows) {
    expect(row.finishedAt!.getTime()).toBeGreaterThan(stoppedAt); // finished by the second life
    expect(row.attempts).toBe(1); // resumed, not restarted
  }
  const s1Row = await gw.prisma.task.findUniqueOrThrow({ where: { id: s1.taskId } });
  expect(s1Row.refundAt.getTime() - s1Row.createdAt.getTime()).toBe(REFUND_MS);
  clock.advance(Math.max(0, s1Row.refundAt.getTime() - clock.now()));
  const refunded = await watchS1.until((e) => e.type === "REFUNDED", 10_000, "S1's REFUNDED");
  expect(refunded).toMatchObject({ status: "PROCESSING", refunded: true });
  expect(await usedMicros(gw.url, k1.key)).toBe(0);

  const h = await generate(gw.url, k3.key, "gpt-image-2", { prompt: "stall, down past both deadlines" });
  await waitFor("H to run", async () => (await get(gw.url, `/get/${h.taskId}`, k3.key)).body.status === "PROCESSING", 10_000);
  expect(await usedMicros(gw.url, k3.key)).toBe(h.cost);
  clock.freeze();
  await gw.close();
  await watchS1.completed.catch(() => undefined);
  expect(watchS1.events.filter((e) => e.type === "REFUNDED")).toHaveLength(1);

  // Third life, 40+ minutes later.
  gw = await open();
  clock.resume(HARD_MS + 500);
  const [s1Final, hFinal] = await Promise.all([waitForFinal(gw.url, k1.key, s1.taskId, 10_000), waitForFinal(gw.url, k3.key, h.taskId, 10_000)]);
  expect(s1Final).toMatchObject({ status: "FAILED", error: HARD_LIMIT_ERROR, refunded: true });
  expect(hFinal).toMatchObject({ status: "FAILED", error: HARD_LIMIT_ERROR, refunded: true });
  for (const f of fs) expect((await get(gw.url, `/get/${f.taskId}`, k2.key)).body).toMatchObject({ status: "FINISHED", refunded: false });

  // The money: K1 and K3 refunded exactly once (never below zero), K2 charged for all three.
  expect(await usedMicros(gw.url, k1.key)).toBe(0);
  expect(await usedMicros(gw.url, k2.key)).toBe(fs.reduce((sum, f) => sum + f.cost, 0));
  expect(await usedMicros(gw.url, k3.key)).toBe(0);

  const audit = await readAudit(gw.prisma);
  expect(auditViolations(audit)).toEqual([]);
  expect(historyOf(audit, s1.taskId)).toEqual(["QUEUED", "PROCESSING", "PROCESSING+refunded", "FAILED+refunded"]);
  // H was never refunded while running: the failure and its refund were committed together.
  expect(historyOf(audit, h.taskId)).toEqual(["QUEUED", "PROCESSING", "FAILED+refunded"]);
  for (const f of fs) expect(historyOf(audit, f.taskId)).toEqual(["QUEUED", "PROCESSING", "FINISHED"]);
  expect(audit.filter((r) => fs.some((f) => f.taskId === r.taskId) && r.newStatus === "PROCESSING").map((r) => r.leaseOwner)).toEqual([firstOwner, firstOwner, firstOwner]);
  await gw.close();
}

/** Child processes: scale 150 (20 min = 8 s, 40 min = 16 s), half the attempts stall. */
const CHILD_SCALE = 150;
const CHILD_REFUND_MS = (20 * 60_000) / CHILD_SCALE;

/**
 * Accepts five tasks on a child process, SIGKILLs it while they run, starts another on the same
 * data and checks the end: all final, stalled ones FAILED at 40 min and refunded once, finished ones
 * refunded exactly when they ended after 20 min, and each key's `used` the sum of what stays charged.
 */
async function killAndRestart(
  expect: typeof import("vitest").expect,
  env: Record<string, string>,
  audit: { install(): Promise<void>; read(): Promise<AuditRow[]> },
  stopBeforeAudit: boolean,
) {
  const keys = [randomKey(), randomKey()];
  const childEnv = { ...env, GATEAI_API_KEYS: keys.join(","), GATEAI_TIME_SCALE: String(CHILD_SCALE), GATEAI_SIM_STALL_RATE: "0.5", GATEAI_LEASE_MS: "1000" };
  await audit.install();
  let child = await spawnGateway(cleanup, childEnv);
  const requests: [number, string, Record<string, unknown>][] = [
    [0, "gpt-image-2", { prompt: "image one" }],
    [0, "gpt-image-2", { prompt: "image two", quantity: 2 }],
    [0, "hailuo-2_3", { prompt: "a clip", durationSeconds: 6 }],
    [1, "rodin-v2", { quality: "low" }],
    [1, "flux-dev", { prompt: "image three", width: 512, height: 512 }],
  ];
  const tasks: { key: string; taskId: string; cost: number }[] = [];
  for (const [k, model, params] of requests) tasks.push({ key: keys[k]!, ...(await generate(child.url, keys[k]!, model, params)) });
  await waitFor("a task to run in the first process", async () => {
    for (const t of tasks) if ((await get(child.url, `/get/${t.taskId}`, t.key)).body.status === "PROCESSING") return true;
    return undefined;
  }, 10_000, 20);
  await child.kill9();

  child = await spawnGateway(cleanup, childEnv);
  const finals = await Promise.all(tasks.map((t) => waitForFinal(child.url, t.key, t.taskId, 2 * CHILD_REFUND_MS + 25_000)));
  for (const [i, task] of finals.entries()) {
    const ran = Date.parse(task.finished_at) - Date.parse(task.created_at);
    if (task.status === "FAILED") {
      expect(task, `task ${i}`).toMatchObject({ error: HARD_LIMIT_ERROR, refunded: true });
      expect(ran).toBeGreaterThanOrEqual(2 * CHILD_REFUND_MS);
    } else {
      expect(task.status).toBe("FINISHED");
      expect(task.result.length).toBeGreaterThan(0);
      expect((await fetchBytes(task.result[0])).status).toBe(200);
      // Refunded exactly when it was still unfinished at 20 min (a tick of slack at the boundary).
      if (ran < CHILD_REFUND_MS) expect(task.refunded, `task ${i} finished after ${ran} ms`).toBe(false);
      if (ran > CHILD_REFUND_MS + 1_000) expect(task.refunded, `task ${i} finished after ${ran} ms`).toBe(true);
    }
  }
  for (const key of keys) {
    const charged = tasks.filter((t, i) => t.key === key && !finals[i]!.refunded).reduce((sum, t) => sum + t.cost, 0);
    expect(await usedMicros(child.url, key)).toBe(charged);
  }
  console.info(`kill -9 run: ${finals.map((t) => `${t.model} ${t.status}${t.refunded ? " refunded" : ""}`).join(", ")}`);
  if (stopBeforeAudit) await child.stop();
  const rows = (await audit.read()).filter((r) => tasks.some((t) => t.taskId === r.taskId));
  expect(auditViolations(rows)).toEqual([]);
  for (const t of tasks) expect(rows.filter((r) => r.taskId === t.taskId && r.refunded && !r.wasRefunded).length).toBeLessThanOrEqual(1);
  await child.kill9();
}

describe("restart between accept and finish [PGlite on disk]", { concurrent: true }, () => {
  test("close, then createGateway again on the same data dir (twice)", async ({ expect }) => {
    await threeLives(expect, { dataDir: await tempDir(cleanup) });
  }, 90_000);

  test("kill -9 the process, start it again on the same data dir", async ({ expect }) => {
    const dir = await tempDir(cleanup);
    const pglite = join(dir, "pglite");
    await mkdir(pglite, { recursive: true });
    // The schema and the audit trigger go in first, while no gateway holds the data dir.
    const withDb = async <T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) => {
      const db = await openDatabase({ dataDir: pglite });
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    };
    await killAndRestart(expect, { GATEAI_DATA_DIR: dir }, { install: () => withDb((db) => installAudit(db.prisma)), read: () => withDb((db) => readAudit(db.prisma)) }, true);
  }, 120_000);
});

describe.skipIf(!postgresAndRedis())("restart between accept and finish [PostgreSQL + Redis]", { concurrent: true }, () => {
  test("close, then createGateway again on the same database (twice)", async ({ expect }) => {
    await threeLives(expect, { databaseUrl: await postgresDatabase(cleanup), redis: true });
  }, 90_000);

  test("kill -9 the process, start it again on the same database", async ({ expect }) => {
    const url = await postgresDatabase(cleanup);
    const pool = sqlPool(cleanup, url);
    await killAndRestart(
      expect,
      { DATABASE_URL: url, REDIS_URL: testRedisUrl! },
      {
        install: async () => {
          const db = await openDatabase({ databaseUrl: url }); // migrate first, so the trigger has its table
          await db.close();
          await installAudit(pool);
        },
        read: () => readAudit(pool),
      },
      false,
    );
  }, 120_000);
});
