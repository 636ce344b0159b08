import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { usdToMicros } from "../../src/kernel/money.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import { createKeyService, hashKey } from "../../src/services/keys.ts";
import { openDatabase, type Database } from "../../src/adapters/postgres/database.ts";
import { createKeyStore } from "../../src/adapters/postgres/key-store.ts";
import { pgliteTemplate } from "../support/pglite-template.ts";

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ memory: true, pgliteTemplate });
}, 60_000);
afterAll(async () => database?.close());

const service = (clock = manualClock()) => ({
  clock,
  keys: createKeyService({ store: createKeyStore(database.prisma), clock, defaultDailyLimit: usdToMicros(100), cacheTtlMs: 60_000 }),
});

describe("API key service", () => {
  it("authenticates a created key and refuses an unknown, malformed or revoked one", async () => {
    const { keys } = service();
    const { key, record } = await keys.create({ label: "a" });
    expect(await keys.authenticate(key)).toMatchObject({ id: record.id, label: "a", dailyLimit: usdToMicros(100) });
    expect(await keys.authenticate(`${key}x`)).toBeNull();
    expect(await keys.authenticate("not-a-key")).toBeNull();
    await keys.revoke(record.id);
    expect(await keys.authenticate(key)).toBeNull();
  });

  it("stores only the key's hash", async () => {
    const { keys } = service();
    const { key, record } = await keys.create();
    const row = await database.prisma.apiKey.findUnique({ where: { id: record.id } });
    expect(row?.hash).toBe(hashKey(key));
    expect(JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(key);
  });

  it("answers concurrent requests with one uncached key from one database read", async () => {
    const { keys } = service();
    const { key, record } = await keys.create();
    keys.invalidate(record.id);
    const reads = vi.spyOn(database.prisma.apiKey, "findUnique");
    try {
      const results = await Promise.all(Array.from({ length: 20 }, () => keys.authenticate(key)));
      expect(results.every((r) => r?.id === record.id)).toBe(true);
      expect(reads).toHaveBeenCalledTimes(1);
      await keys.authenticate(key);
      expect(reads).toHaveBeenCalledTimes(1); // cached now
    } finally {
      reads.mockRestore();
    }
  });

  it("does not cache a lookup that was in flight when the key changed", async () => {
    const { keys } = service();
    const { key, record } = await keys.create();
    keys.invalidate(record.id);
    // The read returns the key as it was before another process revoked it.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let readDone!: () => void;
    const read = new Promise<void>((resolve) => (readDone = resolve));
    const original = database.prisma.apiKey.findUnique.bind(database.prisma.apiKey);
    const reads = vi.spyOn(database.prisma.apiKey, "findUnique").mockImplementationOnce(((args: never) =>
      original(args).then((row) => {
        readDone();
        return gate.then(() => row);
      })) as never);
    try {
      const stale = keys.authenticate(key);
      await read;
      await database.prisma.apiKey.update({ where: { id: record.id }, data: { revokedAt: new Date() } });
      keys.invalidate(record.id); // the revocation reaches this process (pub/sub) mid-lookup
      release();
      await stale;
      expect(await keys.authenticate(key)).toBeNull();
    } finally {
      reads.mockRestore();
    }
  });

  it("sees a change made elsewhere once the cached lookup expires", async () => {
    const { keys, clock } = service();
    const { key, record } = await keys.create();
    expect(await keys.authenticate(key)).not.toBeNull();
    await database.prisma.apiKey.update({ where: { id: record.id }, data: { revokedAt: new Date() } });
    expect(await keys.authenticate(key)).not.toBeNull(); // within the 60 s the cache may be stale
    clock.advance(60_001);
    expect(await keys.authenticate(key)).toBeNull();
  });

  it("answers from the cache without the database only what authenticate would answer", async () => {
    const { keys, clock } = service();
    const { key, record } = await keys.create();
    keys.invalidate(record.id);
    expect(keys.authenticateCached("not-a-key")).toBeNull(); // malformed: no lookup needed
    expect(keys.authenticateCached(key)).toBeUndefined(); // unknown until looked up
    await keys.authenticate(key);
    expect(keys.authenticateCached(key)).toMatchObject({ id: record.id });
    await keys.revoke(record.id);
    expect(keys.authenticateCached(key)).toBeUndefined(); // a local revocation drops the entry
    expect(await keys.authenticate(key)).toBeNull();
    expect(keys.authenticateCached(key)).toBeNull(); // and the refusal is cached in turn
    clock.advance(60_001);
    expect(keys.authenticateCached(key)).toBeUndefined(); // expired like any lookup
  });

  it("keeps a valid key cached however many wrong keys are looked up, and knows it valid for a day after it left the cache", async () => {
    const clock = manualClock();
    const real = createKeyStore(database.prisma);
    // Wrong keys are answered without the database: 10,001 of them in a moment.
    const store = Object.assign({}, real, { findByHash: async (hash: string) => (hash === validHash ? real.findByHash(hash) : null) });
    const keys = createKeyService({ store, clock, defaultDailyLimit: usdToMicros(100), cacheTtlMs: 60_000 });
    const { key, record } = await keys.create();
    const validHash = hashKey(key);
    await keys.authenticate(key);
    const wrong = Array.from({ length: 10_001 }, (_, i) => `sk-${String(i).padStart(32, "0")}`);
    for (const raw of wrong) expect(await keys.authenticate(raw)).toBeNull();
    expect(keys.authenticateCached(key)).toMatchObject({ id: record.id });
    expect(keys.authenticateCached(wrong[0]!)).toBeUndefined(); // the oldest refusal went
    expect(keys.authenticateCached(wrong[10_000]!)).toBeNull();
    clock.advance(60_001);
    expect(keys.authenticateCached(key)).toBeUndefined();
    expect(keys.validLately(key)).toBe(true);
    expect(keys.validLately(wrong[1]!)).toBe(false);
    clock.advance(86_400_000);
    expect(keys.validLately(key)).toBe(false);
  });
});
