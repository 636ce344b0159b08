// Fair turns: the lines of waiting work are served in rotation, one piece from each client in
// turn, never more than `concurrency` at once.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FairTurns } from "../../src/kernel/fair-turns.ts";

/** Work that runs until `finish` is called, recording when it started. */
function gated(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => (log.push(name), done), finish: () => finish() };
}

describe("FairTurns", () => {
  it("starts work at once, in the caller's turn, while there is room and nothing waits", () => {
    const turns = new FairTurns(1);
    const log: string[] = [];
    void turns.run("a", gated(log, "a1").work);
    expect(log).toEqual(["a1"]);
  });

  it("serves a client with one piece waiting before the second piece of a client with many", async () => {
    const turns = new FairTurns(1);
    const log: string[] = [];
    const first = gated(log, "a0");
    const running = turns.run("a", first.work);
    const results = [...Array.from({ length: 5 }, (_, i) => turns.run("a", async () => void log.push(`a${i + 1}`))), turns.run("b", async () => void log.push("b1"))];
    first.finish();
    await Promise.all([running, ...results]);
    expect(log).toEqual(["a0", "a1", "b1", "a2", "a3", "a4", "a5"]);
  });

  it("gives each client's pieces in the order they came, and runs at most `concurrency` at once", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom("a", "b", "c"), fc.nat(3)), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 3 }), async (pieces, concurrency) => {
        const turns = new FairTurns(concurrency);
        let running = 0;
        let most = 0;
        const started: [string, number][] = [];
        await Promise.all(
          pieces.map(([client, ticks], i) =>
            turns.run(client, async () => {
              started.push([client, i]);
              most = Math.max(most, ++running);
              for (let t = 0; t < ticks; t++) await Promise.resolve();
              running--;
            }),
          ),
        );
        expect(most).toBeLessThanOrEqual(concurrency);
        expect(started).toHaveLength(pieces.length);
        for (const client of ["a", "b", "c"]) {
          const order = started.filter(([c]) => c === client).map(([, i]) => i);
          expect(order).toEqual([...order].sort((x, y) => x - y));
        }
      }),
    );
  });

  it("passes on a piece's error and still serves the next", async () => {
    const turns = new FairTurns(1);
    const first = gated([], "a");
    const running = turns.run("a", first.work);
    const failing = turns.run("a", async () => {
      throw new Error("no such table");
    });
    const throwing = turns.run("b", () => {
      throw new Error("thrown before a promise");
    });
    const after = turns.run("c", async () => "served");
    first.finish();
    await running;
    await expect(failing).rejects.toThrow("no such table");
    await expect(throwing).rejects.toThrow("thrown before a promise");
    await expect(after).resolves.toBe("served");
    expect(turns.waiting).toBe(0);
  });

  it("names a client given as a function only when its work has to wait", async () => {
    const turns = new FairTurns(1);
    const named: string[] = [];
    const lazy = (name: string) => () => (named.push(name), name);
    const first = gated([], "x");
    const running = turns.run(lazy("x"), first.work);
    expect(named).toEqual([]);
    const waiting = turns.run(lazy("y"), async () => undefined);
    expect(named).toEqual(["y"]);
    first.finish();
    await Promise.all([running, waiting]);
  });

  it("refuses a concurrency below one", () => {
    expect(() => new FairTurns(0)).toThrow(RangeError);
  });
});
