import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignAccounts, modelsWithoutFreeAccount, type QueuedCandidate } from "../../src/domain/account-assignment.ts";

const task = (id: string, model = "m", account: number | null = null): QueuedCandidate => ({ id, model, account });

describe("assigning free accounts to queued tasks", () => {
  it("gives first attempts the lowest free accounts, oldest task first, each account once, at most max", () => {
    expect(assignAccounts([task("a"), task("b"), task("c")], [2, 5, 7], { max: 10, poolSize: 8 })).toEqual([
      { task: "a", account: 2 },
      { task: "b", account: 5 },
      { task: "c", account: 7 },
    ]);
    expect(assignAccounts([task("a"), task("b"), task("c")], [2, 5, 7], { max: 2, poolSize: 8 })).toEqual([
      { task: "a", account: 2 },
      { task: "b", account: 5 },
    ]);
    expect(assignAccounts([task("a"), task("b")], [], { max: 2, poolSize: 8 })).toEqual([]);
  });

  it("sends a retry to the next free account after its last one, round the range, and back to its last only when no other is free", () => {
    expect(assignAccounts([task("r", "m", 3)], [1, 3, 4], { max: 1, poolSize: 4 })).toEqual([{ task: "r", account: 4 }]);
    expect(assignAccounts([task("r", "m", 4)], [1, 3, 4], { max: 1, poolSize: 4 })).toEqual([{ task: "r", account: 1 }]);
    expect(assignAccounts([task("r", "m", 3)], [3], { max: 1, poolSize: 4 })).toEqual([{ task: "r", account: 3 }]);
  });

  it("keeps a model to its vendor's range and passes by a task whose vendor has no free account", () => {
    const accountsByModel = { fal: { first: 1, count: 2 }, openai: { first: 3, count: 1 } };
    expect(assignAccounts([task("o1", "openai"), task("o2", "openai"), task("f", "fal"), task("any", "simulated")], [2, 3, 4], { max: 10, poolSize: 4, accountsByModel })).toEqual([
      { task: "o1", account: 3 },
      { task: "f", account: 2 },
      { task: "any", account: 4 },
    ]);
    // A retry stays in its vendor's range, round it: after its last account 2, the next free one of 1–2 is 1.
    expect(assignAccounts([task("r", "fal", 2)], [1, 2, 4], { max: 1, poolSize: 4, accountsByModel })).toEqual([{ task: "r", account: 1 }]);
    // A last account outside the range (the configuration changed) is never given back.
    expect(assignAccounts([task("r", "fal", 3)], [3], { max: 1, poolSize: 4, accountsByModel })).toEqual([]);
  });

  it("never gives an account twice, nor one outside a task's range, nor more than max (any input)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ model: fc.constantFrom("a", "b", "c"), account: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }) }), { maxLength: 30 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 12 }),
        (tasks, freeIds, max) => {
          const free = [...freeIds].sort((x, y) => x - y);
          const ranges = { a: { first: 1, count: 8 }, b: { first: 9, count: 8 } };
          const candidates = tasks.map((t, i) => task(`t${i}`, t.model, t.account));
          const pairs = assignAccounts(candidates, free, { max, poolSize: 20, accountsByModel: ranges });
          expect(pairs.length).toBeLessThanOrEqual(max);
          expect(new Set(pairs.map((p) => p.account)).size).toBe(pairs.length);
          for (const { task: id, account } of pairs) {
            expect(free).toContain(account);
            const model = candidates.find((c) => c.id === id)!.model as "a" | "b" | "c";
            const range = model === "c" ? { first: 1, count: 20 } : ranges[model];
            expect(account >= range.first && account < range.first + range.count).toBe(true);
          }
          // Oldest first: a task passed by before the last pair had no account of its range free at
          // its turn, neither one left at the end nor one given to a task queued after it.
          const rangeOf = (c: QueuedCandidate) => (c.model === "c" ? { first: 1, count: 20 } : ranges[c.model as "a" | "b"]);
          const inRange = (a: number, c: QueuedCandidate) => a >= rangeOf(c).first && a < rangeOf(c).first + rangeOf(c).count;
          const order = new Map(candidates.map((c, i) => [c.id, i]));
          const lastGiven = pairs.length ? order.get(pairs.at(-1)!.task)! : -1;
          const left = free.filter((a) => !pairs.some((p) => p.account === a));
          candidates.forEach((c, i) => {
            if (pairs.some((p) => p.task === c.id)) return;
            if (pairs.length === max && i > lastGiven) return;
            const givenLater = pairs.filter((p) => order.get(p.task)! > i).map((p) => p.account);
            expect([...left, ...givenLater].some((a) => inRange(a, c))).toBe(false);
          });
        },
      ),
    );
  });

  it("names the routed models whose range has no free account (their tasks cannot start now)", () => {
    const accountsByModel = { fal: { first: 1, count: 2 }, openai: { first: 3, count: 1 }, replicate: { first: 4, count: 2 } };
    expect(modelsWithoutFreeAccount([2, 5], accountsByModel)).toEqual(["openai"]);
    expect(modelsWithoutFreeAccount([], accountsByModel)).toEqual(["fal", "openai", "replicate"]);
    expect(modelsWithoutFreeAccount([1, 3, 4], accountsByModel)).toEqual([]);
  });
});
