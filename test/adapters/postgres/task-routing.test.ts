// Starting queued tasks on their vendor's accounts (TaskRepo.startQueued / startNextQueued with
// accountsByModel): a model bound to a range of pool accounts runs only there; a task whose
// vendor is busy does not hold back another vendor's task queued behind it, however many wait;
// a start marks the row for the event relay; many start in a fixed number of statements, and a
// pair another process changed between the reads and the start starts nothing. Held to both
// databases.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/adapters/postgres/database.ts";
import { createStores, type Stores } from "../../../src/adapters/postgres/stores.ts";
import { createTaskRepo } from "../../../src/adapters/postgres/task-repo.ts";
import { withTestDatabases } from "../../support/databases.ts";
import { newTask } from "../../support/new-task.ts";

const targets = await withTestDatabases();

const T0 = Date.parse("2026-11-25T12:00:00.000Z");
// Accounts 1–2: fal (flux-schnell), 3: openai (gpt-image-2); kino-xl is bound to none (simulated).
const ROUTES = { "flux-schnell": { first: 1, count: 2 }, "gpt-image-2": { first: 3, count: 1 } };
const POOL = 3;

describe.each(targets)("starting routed tasks on $name", (target) => {
  let db: Database;
  let stores: Stores;
  let keyId: string;
  beforeAll(async () => {
    db = await target.open();
    stores = createStores(db);
    await stores.pool.seed(POOL);
  });
  beforeEach(async () => {
    await db.prisma.$executeRaw`UPDATE pool_accounts SET busy_task = NULL, locked_until = NULL`;
    await db.prisma.task.deleteMany({});
    keyId = (await db.prisma.apiKey.create({ data: { hash: randomUUID(), prefix: "sk-test" } })).id;
  });

  let clock = T0;
  const accept = async (model: string): Promise<string> => (await stores.tasks.accept(newTask(keyId, 10_000, (clock += 1), { model }), 100_000_000))!.task.id;
  const start = () => stores.tasks.startNextQueued({ owner: "driver", now: (clock += 1), leaseUntil: clock + 5_000, poolSize: POOL, accountsByModel: ROUTES });

  it("runs a bound model only on its own accounts, and a busy vendor does not hold back another's task queued behind it", async () => {
    const first = await accept("gpt-image-2");
    const second = await accept("gpt-image-2");
    const fal = await accept("flux-schnell");
    expect(await start()).toMatchObject({ id: first, account: 3 });
    // openai's one account is busy: the second gpt-image-2 waits, the fal task behind it starts.
    expect(await start()).toMatchObject({ id: fal, account: 1 });
    expect(await start()).toBeNull();
    expect(await stores.tasks.find(second)).toMatchObject({ status: "QUEUED" });
  });

  it("runs a model bound to no vendor on any free account", async () => {
    const simulated = await accept("kino-xl");
    await db.prisma.$executeRaw`UPDATE pool_accounts SET locked_until = ${new Date(T0 + 86_400_000)} WHERE id IN (1, 3)`;
    expect(await start()).toMatchObject({ id: simulated, account: 2 });
  });

  it("starts nothing, and changes nothing, when every account is busy or locked", async () => {
    await accept("flux-schnell");
    await db.prisma.$executeRaw`UPDATE pool_accounts SET locked_until = ${new Date(T0 + 86_400_000)}`;
    expect(await start()).toBeNull();
    expect(await db.prisma.task.count({ where: { status: "QUEUED" } })).toBe(1);
  });

  it("marks a started task's row for the event relay, as the unrouted start does", async () => {
    const id = await accept("flux-schnell");
    await db.prisma.$executeRaw`UPDATE tasks SET event_pending = false WHERE id = ${id}`;
    await start();
    const rows = await db.prisma.$queryRaw<{ event_pending: boolean }[]>`SELECT event_pending FROM tasks WHERE id = ${id}`;
    expect(rows[0]?.event_pending).toBe(true);
  });

  it("starts many tasks, each on its own account of its vendor, oldest first, in three statements (one when no account is free)", async () => {
    const statements: string[] = [];
    const tasks = createTaskRepo(db.prisma, { query: (text, values) => (statements.push(text), db.sql.query(text, values)) });
    const ids = [await accept("flux-schnell"), await accept("gpt-image-2"), await accept("gpt-image-2"), await accept("flux-schnell"), await accept("flux-schnell")];
    const started = await tasks.startQueued({ owner: "driver", now: (clock += 1), leaseUntil: clock + 5_000, poolSize: POOL, accountsByModel: ROUTES, max: 10 });
    expect(started.map((t) => [t.id, t.account])).toEqual([[ids[0], 1], [ids[1], 3], [ids[3], 2]]);
    expect(statements).toHaveLength(3);
    statements.length = 0;
    expect(await tasks.startQueued({ owner: "driver", now: (clock += 1), leaseUntil: clock + 5_000, poolSize: POOL, accountsByModel: ROUTES, max: 10 })).toEqual([]);
    expect(statements).toHaveLength(1);
  });

  it("reads past any number of tasks of a vendor with no free account: they do not count towards the tasks it looks at", async () => {
    await accept("gpt-image-2");
    expect(await start()).toMatchObject({ account: 3 });
    // openai's one account is busy; more of its tasks queued than the start looks at.
    for (let i = 0; i < 5; i++) await accept("gpt-image-2");
    const fal = await accept("flux-schnell");
    const started = await stores.tasks.startQueued({ owner: "driver", now: (clock += 1), leaseUntil: clock + 5_000, poolSize: POOL, accountsByModel: ROUTES, max: 4, window: 2 });
    expect(started.map((t) => t.id)).toEqual([fal]);
  });

  describe("a pair another process changed between the reads and the start starts nothing", () => {
    // Runs `meanwhile` just before the start statement, after the reads that paired the task with account 1.
    const startWith = async (meanwhile: () => Promise<unknown>) => {
      const tasks = createTaskRepo(db.prisma, {
        query: async (text, values) => {
          if (text.includes("jsonb_to_recordset")) await meanwhile();
          return db.sql.query(text, values);
        },
      });
      return tasks.startQueued({ owner: "driver", now: (clock += 1), leaseUntil: clock + 5_000, poolSize: POOL, accountsByModel: ROUTES, max: 1 });
    };
    const accounts = async () => db.prisma.$queryRaw<{ id: number; busy_task: string | null }[]>`SELECT id, busy_task FROM pool_accounts ORDER BY id`;

    it("the account was taken: the task stays QUEUED and the account keeps the other task", async () => {
      const id = await accept("flux-schnell");
      expect(await startWith(() => db.prisma.$executeRaw`UPDATE pool_accounts SET busy_task = 'elsewhere' WHERE id = 1`)).toEqual([]);
      expect(await stores.tasks.find(id)).toMatchObject({ status: "QUEUED", account: null });
      expect((await accounts())[0]).toEqual({ id: 1, busy_task: "elsewhere" });
    });

    it("the account was locked after failures: nothing starts on it", async () => {
      const id = await accept("flux-schnell");
      expect(await startWith(() => db.prisma.$executeRaw`UPDATE pool_accounts SET locked_until = ${new Date(T0 + 86_400_000)} WHERE id = 1`)).toEqual([]);
      expect(await stores.tasks.find(id)).toMatchObject({ status: "QUEUED" });
      expect((await accounts()).every((a) => a.busy_task === null)).toBe(true);
    });

    it("the task was started by another process: the account stays free", async () => {
      const id = await accept("flux-schnell");
      expect(await startWith(() => db.prisma.$executeRaw`UPDATE tasks SET status = 'PROCESSING', lease_owner = 'other', lease_until = ${new Date(T0 + 86_400_000)} WHERE id = ${id}`)).toEqual([]);
      expect((await accounts()).every((a) => a.busy_task === null)).toBe(true);
    });

    it("another process holds the task: it is not started here", async () => {
      const id = await accept("flux-schnell");
      expect(await startWith(() => db.prisma.$executeRaw`UPDATE tasks SET lease_owner = 'other', lease_until = ${new Date(clock + 60_000)} WHERE id = ${id}`)).toEqual([]);
      expect(await stores.tasks.find(id)).toMatchObject({ status: "QUEUED" });
      expect((await accounts()).every((a) => a.busy_task === null)).toBe(true);
    });
  });
});
