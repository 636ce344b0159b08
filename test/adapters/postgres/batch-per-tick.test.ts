// The batching of calls made in one tick (batch-per-tick.ts), with a recording `run` in place of
// the database: which inputs share a batch, and what a failed batch gives its callers.
import { AsyncLocalStorage } from "node:async_hooks";
import { describe, expect, it } from "vitest";
import { batchPerTick } from "../../../src/adapters/postgres/batch-per-tick.ts";

interface Input { readonly group: string; readonly value: number }

/** A batcher of up to 64 inputs of weight 1, with this `run` and `retryAlone`. */
const plain = (run: (inputs: readonly Input[]) => Promise<readonly number[]>, retryAlone = () => false) =>
  batchPerTick<Input, number>({ max: 64, groupOf: (input) => input.group, weigh: () => 1, maxWeight: 64, retryAlone, run });

/** A batcher whose `run` records its batches and answers each input's value doubled, failing as `fail` says. */
function recording(options: { max?: number; maxWeight?: number; fail?: (inputs: readonly Input[]) => unknown } = {}) {
  const batches: number[][] = [];
  const call = batchPerTick<Input, number>({
    max: options.max ?? 64,
    groupOf: (input) => input.group,
    weigh: (input) => input.value,
    maxWeight: options.maxWeight ?? Number.POSITIVE_INFINITY,
    retryAlone: (error) => error instanceof Error && error.message === "its rows",
    run: async (inputs) => {
      batches.push(inputs.map((input) => input.value));
      const error = options.fail?.(inputs);
      if (error !== undefined) throw error;
      return inputs.map((input) => input.value * 2);
    },
  });
  return { batches, call };
}

describe("batchPerTick", () => {
  it("runs the calls made in one tick as one batch, each caller getting its own answer", async () => {
    const { batches, call } = recording();
    const answers = await Promise.all([1, 2, 3].map((value) => call({ group: `g${value}`, value })));
    expect(answers).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("runs the calls of the promises one callback settles together", async () => {
    const { batches, call } = recording();
    // As the answers of one read from Redis settle several requests, each of which then accepts.
    const ready = Promise.resolve();
    const answers = await Promise.all([1, 2, 3].map((value) => ready.then(() => Promise.resolve()).then(() => call({ group: `g${value}`, value }))));
    expect(answers).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("runs calls of later ticks in later batches", async () => {
    const { batches, call } = recording();
    expect(await call({ group: "a", value: 1 })).toBe(2);
    expect(await call({ group: "b", value: 2 })).toBe(4);
    expect(batches).toEqual([[1], [2]]);
  });

  it("never puts two inputs of one group in one batch: the second goes in another batch of the same tick", async () => {
    const { batches, call } = recording();
    const answers = await Promise.all([
      call({ group: "a", value: 1 }),
      call({ group: "a", value: 2 }),
      call({ group: "b", value: 3 }),
      call({ group: "a", value: 4 }),
    ]);
    expect(answers).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1, 3], [2], [4]]);
  });

  it("puts at most `max` inputs in a batch", async () => {
    const { batches, call } = recording({ max: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((value) => call({ group: `g${value}`, value })));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("puts at most `maxWeight` of weight in a batch, and an input heavier than that alone", async () => {
    const { batches, call } = recording({ maxWeight: 5 });
    await Promise.all([1, 3, 2, 9, 4].map((value) => call({ group: `g${value}`, value })));
    expect(batches).toEqual([[1, 3], [2], [9], [4]]);
  });

  it("sends the batch before the event loop's turn ends: no caller waits for other I/O", async () => {
    const events: string[] = [];
    const call = plain(async (inputs) => {
      events.push(`batch of ${inputs.length}`);
      return inputs.map(() => 0);
    });
    const turnEnded = new Promise<void>((resolve) => setImmediate(() => resolve(void events.push("turn ended"))));
    await Promise.resolve();
    const calls = [call({ group: "a", value: 1 }), call({ group: "b", value: 2 })];
    await Promise.all([...calls, turnEnded]);
    expect(events).toEqual(["batch of 2", "turn ended"]);
  });

  it("runs a batch in the async context the batcher was made in, not in its first caller's", async () => {
    const client = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    const make = () =>
      plain(
        async (inputs) => {
          seen.push(client.getStore());
          if (inputs.length > 1) throw new Error("its rows");
          return [0];
        },
        () => true,
      );
    const made = make();
    const madeForCreator = client.run("creator", make);
    await Promise.all([client.run("key:a", () => made({ group: "a", value: 1 })), client.run("key:b", () => made({ group: "b", value: 2 }))]);
    await Promise.all([client.run("key:a", () => madeForCreator({ group: "a", value: 1 }))]);
    // The batch of two, then each alone after it failed, then the other batcher's batch.
    expect(seen).toEqual([undefined, undefined, undefined, "creator"]);
  });

  it("fails only its own call when an input's group cannot be read", async () => {
    const { batches, call } = recording();
    const odd = { get group(): string { throw new Error("no group"); }, value: 2 };
    const outcomes = await Promise.allSettled([call({ group: "a", value: 1 }), call(odd), call({ group: "c", value: 3 })]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(batches).toEqual([[1, 3]]);
  });

  it("runs a batch that failed for its inputs' rows again input by input, so only the bad input fails", async () => {
    const bad = new Error("its rows");
    const { batches, call } = recording({ fail: (inputs) => (inputs.some((input) => input.value === 2) ? bad : undefined) });
    const outcomes = await Promise.allSettled([1, 2, 3].map((value) => call({ group: `g${value}`, value })));
    expect(outcomes).toEqual([
      { status: "fulfilled", value: 2 },
      { status: "rejected", reason: bad },
      { status: "fulfilled", value: 6 },
    ]);
    expect(batches).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it("fails every input of a batch with any other error (its outcome unknown, or the database out of reach), and runs none again", async () => {
    const lost = new Error("connection lost");
    const { batches, call } = recording({ fail: () => lost });
    const outcomes = await Promise.allSettled([1, 2].map((value) => call({ group: `g${value}`, value })));
    expect(outcomes).toEqual([
      { status: "rejected", reason: lost },
      { status: "rejected", reason: lost },
    ]);
    expect(batches).toEqual([[1, 2]]);
  });

  it("fails a batch answered with a different number of answers than it had inputs", async () => {
    const call = plain(async () => [1]);
    const outcomes = await Promise.allSettled([call({ group: "a", value: 1 }), call({ group: "b", value: 2 })]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
  });
});
