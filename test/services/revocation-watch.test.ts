// A revocation whose publish never reached this process (Redis down, a place taken while it was in
// flight) still ends the key's live subscriptions here, at the watch's next look at the database.
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/adapters/postgres/database.ts";
import { createKeyStore } from "../../src/adapters/postgres/key-store.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import { usdToMicros } from "../../src/kernel/money.ts";
import { createKeyService } from "../../src/services/keys.ts";
import { createLiveLimits, LivePlace } from "../../src/services/live-limits.ts";
import { createRevocationWatch } from "../../src/services/revocation-watch.ts";
import { pgliteTemplate } from "../support/pglite-template.ts";

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ memory: true, pgliteTemplate });
}, 60_000);
afterAll(async () => database?.close());

it("ends the subscriptions of a key revoked by another process whose news never came, forgets it in the key cache, and leaves other keys alone", async () => {
  const clock = manualClock();
  const store = createKeyStore(database.prisma);
  const keys = createKeyService({ store, clock, defaultDailyLimit: usdToMicros(100), cacheTtlMs: 60_000 });
  const live = createLiveLimits();
  const watch = createRevocationWatch({ keys, live, clock, everyMs: 60_000 });
  const [revoked, kept] = [await keys.create(), await keys.create()];
  const [revokedKey, keptKey, revokedRaw, keptRaw] = [revoked.record, kept.record, revoked.key, kept.key];
  // Both known to this process's key cache, as keys in use are.
  expect(await keys.authenticate(revokedRaw)).not.toBeNull();
  const revokedPlace = live.subscribe(revokedKey.id) as LivePlace;
  const keptPlace = live.subscribe(keptKey.id) as LivePlace;
  const ended: string[] = [];
  revokedPlace.whenRevoked(() => ended.push("revoked key's"));
  keptPlace.whenRevoked(() => ended.push("kept key's"));

  expect(await watch.check()).toBe(0);
  // Revoked in the database by another process: nothing was published here.
  clock.advance(5_000);
  await store.revoke(revokedKey.id, clock.now());
  expect(ended).toEqual([]);
  clock.advance(30_000);
  expect(await watch.check()).toBe(1);
  expect(ended).toEqual(["revoked key's"]);
  expect(revokedPlace.revoked).toBe(true);
  expect(keptPlace.revoked).toBe(false);
  // Nor is the key let in again from this process's key cache.
  expect(await keys.authenticate(revokedRaw)).toBeNull();
  expect(await keys.authenticate(keptRaw)).not.toBeNull();
});
