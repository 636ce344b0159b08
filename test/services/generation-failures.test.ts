// generate when a backing service fails mid-way: what the request took is given back when it was
// not accepted (the slot, the inline references it stored), and kept when the charge committed
// though its answer was lost (the task exists and runs: giving its slot back would let the key run
// one more than its limit).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryLimiter } from "../../src/adapters/limits/memory-limiter.ts";
import { openDatabase, type Database } from "../../src/adapters/postgres/database.ts";
import { createStores, type Stores } from "../../src/adapters/postgres/stores.ts";
import { createMemoryPubSub } from "../../src/adapters/pubsub/memory-pubsub.ts";
import { createEngine } from "../../src/engine/engine.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import { usdToMicros } from "../../src/kernel/money.ts";
import type { GatewayEvents } from "../../src/services/events.ts";
import { ChargeOutcomeUnknown } from "../../src/services/errors.ts";
import { createGenerationService } from "../../src/services/generation.ts";
import type { FileStore } from "../../src/services/ports/file-store.ts";
import type { Limiter } from "../../src/services/ports/limiter.ts";
import { ChargeNotMade, type TaskRepo } from "../../src/services/ports/task-repo.ts";
import { timingFor } from "../../src/services/timing.ts";
import { apiKeyRecord } from "../support/api-key.ts";
import { testFileStore } from "../support/file-store.ts";
import { pgliteTemplate } from "../support/pglite-template.ts";

const T0 = Date.parse("2030-05-01T08:00:00.000Z");
const timing = timingFor(1);
const IMAGE = { model: "gpt-image-2", params: { prompt: "x", quality: "low" } };
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4_000, 7)]);
const WITH_INLINE = { model: "seedance-2.0", params: { prompt: "x", start_frame: `data:image/png;base64,${PNG.toString("base64")}` } };

let db: Database;
let stores: Stores;
let files: FileStore;
beforeAll(async () => {
  db = await openDatabase({ memory: true, pgliteTemplate });
  stores = createStores(db);
  ({ files } = await testFileStore(stores.files));
});
afterAll(async () => db?.close());

const lost = () => new Error("the connection was lost before the answer");

function setUp(change: { limiter?: (limiter: Limiter) => Partial<Limiter>; tasks?: (tasks: TaskRepo) => Partial<TaskRepo>; files?: (files: FileStore) => Partial<FileStore> } = {}) {
  const clock = manualClock(T0);
  const limiter = createMemoryLimiter(clock);
  const service = createGenerationService({
    tasks: Object.assign({}, stores.tasks, change.tasks?.(stores.tasks)),
    idempotency: stores.idempotency,
    files: Object.assign({}, files, change.files?.(files)),
    engine: createEngine(),
    limiter: Object.assign({}, limiter, change.limiter?.(limiter)),
    pubsub: createMemoryPubSub<GatewayEvents>(),
    clock,
    timing,
    references: { maxBytes: 1_000_000, resolve: async () => ["93.184.216.34"] },
  });
  const key = apiKeyRecord(usdToMicros(100), T0);
  return { service, limiter, key, slots: async () => (await limiter.snapshot(key.id, timing.limits)).slots.map((s) => s.slotId) };
}

describe("generate when a backing service fails mid-way", () => {
  it("gives back the slot an acquire took before it threw (its answer lost)", async () => {
    const { service, key, limiter } = setUp({ limiter: (real) => ({ acquire: async (...args) => (await real.acquire(...args), Promise.reject(lost())) }) });
    await expect(service.generate(key, IMAGE)).rejects.toThrow(/connection was lost/);
    expect(await limiter.snapshot(key.id, timing.limits)).toEqual({ slots: [], windowCount: 0 });
  });

  it("keeps the slot of a task whose charge committed though its answer was lost: the task exists and runs", async () => {
    const { service, key, slots } = setUp({ tasks: (real) => ({ accept: async (...args) => (await real.accept(...args), Promise.reject(lost())) }) });
    const thrown = await service.generate(key, IMAGE).then(() => undefined, (error: unknown) => error);
    const created = await db.prisma.task.findMany({ where: { keyId: key.id } });
    expect(created).toHaveLength(1);
    // Not "nothing was charged": the client is told the task's id (services/errors.ts).
    expect(thrown).toBeInstanceOf(ChargeOutcomeUnknown);
    expect(thrown).toMatchObject({ taskId: created[0]!.id, cause: { message: expect.stringMatching(/connection was lost/) } });
    expect(await slots()).toEqual([created[0]!.id]);
  });

  it("keeps the slot of a charge whose connection was lost while its statement ran, though its task is stored only after the answer", async () => {
    let committed!: Promise<unknown>;
    // The statement runs on (waiting for a row lock, say) after the client has given up on it.
    const { service, key, slots } = setUp({ tasks: (real) => ({ accept: async (...args) => ((committed = new Promise((r) => setTimeout(r, 20)).then(() => real.accept(...args))), Promise.reject(lost())) }) });
    const thrown = await service.generate(key, IMAGE).then(() => undefined, (error: unknown) => error);
    expect(thrown).toBeInstanceOf(ChargeOutcomeUnknown);
    expect(await db.prisma.task.count({ where: { keyId: key.id } })).toBe(0);
    await committed;
    const created = await db.prisma.task.findMany({ where: { keyId: key.id } });
    expect(created.map((t) => t.id)).toEqual([(thrown as ChargeOutcomeUnknown).taskId]);
    expect(await slots()).toEqual([created[0]!.id]);
  });

  it("gives back the slot and discards the inline references it stored when the database says the charge did nothing, and throws the database's error", async () => {
    const rolledBack = Object.assign(new Error("could not serialize access"), { severity: "ERROR", code: "40001" });
    const { service, key, slots } = setUp({ tasks: () => ({ accept: async () => Promise.reject(new ChargeNotMade(rolledBack)) }) });
    await expect(service.generate(key, WITH_INLINE)).rejects.toBe(rolledBack);
    expect(await slots()).toEqual([]);
    expect(await db.prisma.task.count({ where: { keyId: key.id } })).toBe(0);
    expect(await db.prisma.upload.count({ where: { keyId: key.id } })).toBe(0);
  });

  it("gives back the slot of a charge that never reached the database (connection refused)", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const { service, key, slots } = setUp({ tasks: () => ({ accept: async () => Promise.reject(new ChargeNotMade(refused)) }) });
    await expect(service.generate(key, IMAGE)).rejects.toThrow(/ECONNREFUSED/);
    expect(await slots()).toEqual([]);
  });

  it("discards the inline references already stored when storing the next one fails", async () => {
    let puts = 0;
    const { service, key } = setUp({ files: (real) => ({ putInline: async (...args) => (++puts === 2 ? Promise.reject(new Error("disk full")) : real.putInline(...args)) }) });
    const other = Buffer.concat([PNG, Buffer.from([1])]);
    const two = { model: "seedance-2.0", params: { prompt: "x", start_frame: WITH_INLINE.params.start_frame, end_frame: `data:image/png;base64,${other.toString("base64")}` } };
    await expect(service.generate(key, two)).rejects.toThrow(/disk full/);
    expect(puts).toBe(2);
    expect(await db.prisma.upload.count({ where: { keyId: key.id } })).toBe(0);
  });
});
