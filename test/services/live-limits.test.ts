import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLiveLimits, isLiveRefusal, type LivePlace } from "../../src/services/live-limits.ts";

const caps = { subscriptionsPerSocket: 3, subscriptionsPerKey: 4, socketsPerKey: 2 };

const taken = (value: unknown): LivePlace => {
  if (isLiveRefusal(value)) throw new Error(`refused: ${value.message}`);
  return value as LivePlace;
};

describe("live limits", () => {
  it("gives a key at most its cap of subscriptions, refusing the next with the cap named, and a place again once one is released", () => {
    const live = createLiveLimits(caps);
    const places = [1, 2, 3, 4].map(() => taken(live.subscribe("k1")));
    expect(live.keyRefusal("k1")).toMatchObject({ code: "TOO_MANY_SUBSCRIPTIONS", per: "KEY", limit: 4 });
    expect(live.subscribe("k1")).toMatchObject({ code: "TOO_MANY_SUBSCRIPTIONS", per: "KEY", limit: 4, message: expect.stringContaining("at most 4") });
    // Another key is not concerned.
    expect(isLiveRefusal(live.subscribe("k2"))).toBe(false);
    places[0]!.release();
    expect(live.keyRefusal("k1")).toBeNull();
    expect(isLiveRefusal(live.subscribe("k1"))).toBe(false);
    expect(live.counts()).toEqual({ subscriptions: 5, sockets: 0 });
  });

  it("counts a place released twice (complete, then socket close) once", () => {
    const live = createLiveLimits(caps);
    const place = taken(live.subscribe("k1"));
    taken(live.subscribe("k1"));
    place.release();
    place.release();
    expect(live.counts().subscriptions).toBe(1);
    for (let i = 0; i < 3; i++) taken(live.subscribe("k1"));
    expect(isLiveRefusal(live.subscribe("k1"))).toBe(true);
  });

  it("refuses a socket past its subscriptions cap", () => {
    const live = createLiveLimits(caps);
    expect(live.socketRefusal(2)).toBeNull();
    expect(live.socketRefusal(3)).toMatchObject({ code: "TOO_MANY_SUBSCRIPTIONS", per: "SOCKET", limit: 3 });
  });

  it("gives a key at most its cap of sockets, refusing the next with TOO_MANY_CONNECTIONS", () => {
    const live = createLiveLimits(caps);
    const [a] = [taken(live.connect("k1")), taken(live.connect("k1"))];
    expect(live.connect("k1")).toMatchObject({ code: "TOO_MANY_CONNECTIONS", per: "KEY", limit: 2 });
    a!.release();
    expect(isLiveRefusal(live.connect("k1"))).toBe(false);
    expect(live.counts().sockets).toBe(2);
  });

  it("revoking a key ends each of its places, including one that listens only after the revocation, and no other key's", () => {
    const live = createLiveLimits(caps);
    const ended: string[] = [];
    const mine = taken(live.subscribe("k1"));
    mine.whenRevoked(() => ended.push("mine"));
    const late = taken(live.subscribe("k1"));
    const other = taken(live.subscribe("k2"));
    other.whenRevoked(() => ended.push("other"));
    live.revoke("k1");
    late.whenRevoked(() => ended.push("late"));
    expect(ended).toEqual(["mine", "late"]);
    expect(mine.revoked && late.revoked && !other.revoked).toBe(true);
  });

  it("follows a key-change feed: a revocation ends the key's places, a limit change does not", async () => {
    const live = createLiveLimits(caps);
    const changed = taken(live.subscribe("k1"));
    const revokedKey = taken(live.subscribe("k2"));
    async function* feed() {
      yield { keyId: "k1" };
      yield { keyId: "k1", revoked: false };
      yield { keyId: "k2", revoked: true };
    }
    // The feed is read in order: once k2's revocation ended its place, k1's changes were read.
    const ended = new Promise<void>((resolve) => revokedKey.whenRevoked(resolve));
    live.follow(feed());
    await ended;
    expect(changed.revoked).toBe(false);
    expect(revokedKey.revoked).toBe(true);
  });

  it("keeps counts exact over any interleaving of takes and releases", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 2 }), fc.nat(20))), (steps) => {
        const live = createLiveLimits(caps);
        const held = new Map<string, LivePlace[]>();
        for (const [take, keyIndex, pick] of steps) {
          const keyId = `k${keyIndex}`;
          const places = held.get(keyId) ?? [];
          held.set(keyId, places);
          if (take) {
            const place = live.subscribe(keyId);
            expect(isLiveRefusal(place)).toBe(places.length >= caps.subscriptionsPerKey);
            if (!isLiveRefusal(place)) places.push(place);
          } else if (places.length) {
            const [place] = places.splice(pick % places.length, 1);
            place!.release();
            place!.release();
          }
        }
        expect(live.counts().subscriptions).toBe([...held.values()].reduce((n, places) => n + places.length, 0));
      }),
    );
  });
});
