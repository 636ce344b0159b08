import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignAccounts } from "../../src/domain/account-assignment.ts";
import { FreeAccounts } from "../../src/simulation/free-accounts.ts";

describe("the simulated pool's free accounts", () => {
  it("gives a task the account the driver's rule gives it, for any free set and last account", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }).chain((poolSize) =>
          fc.tuple(fc.constant(poolSize), fc.uniqueArray(fc.integer({ min: 1, max: poolSize }), { minLength: 1, maxLength: poolSize }), fc.integer({ min: 0, max: poolSize })),
        ),
        ([poolSize, freeIds, last]) => {
          const free = [...freeIds].sort((x, y) => x - y);
          const accounts = new FreeAccounts(poolSize, free);
          const [rule] = assignAccounts([{ id: "t", model: "m", account: last === 0 ? null : last }], free, { max: 1, poolSize });
          expect(accounts.take(last)).toBe(rule!.account);
          expect(accounts.count).toBe(free.length - 1);
        },
      ),
    );
  });

  it("frees every account of a new pool and takes them lowest first", () => {
    const accounts = new FreeAccounts(40);
    expect(accounts.count).toBe(40);
    expect([accounts.take(0), accounts.take(0), accounts.take(0)]).toEqual([1, 2, 3]);
    accounts.free(2);
    expect(accounts.take(2)).toBe(4);
  });
});
