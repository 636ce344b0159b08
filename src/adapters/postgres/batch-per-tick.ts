import { AsyncResource } from "node:async_hooks";

/**
 * Calls made in one tick, run as batches: one statement for many callers.
 *
 * Every statement costs a round trip, a write to the socket, a parse of its answer and, on the
 * server, a transaction and a commit, whatever rows it moves. When many callers make the same
 * statement at once (accepted generations under load: the answers of one read from Redis settle
 * many requests' promises together), one statement for all of them costs little more than one.
 * The batch goes out on `process.nextTick`, which Node runs once the microtasks queued so far have
 * run: the calls made from the promises one callback settled share a batch, and no batch waits for
 * the event loop to read or write anything else. (A call made synchronously in the callback
 * itself goes out before those promises' calls, in a batch of its own.)
 *
 * The rules it keeps:
 * - Two inputs of one group (`groupOf`) never share a batch: a statement may touch a row only once
 *   (a key's usage of the day). The second goes in another batch of the same tick.
 * - At most `max` inputs and `maxWeight` of their `weigh` a batch (one input heavier than that
 *   goes alone), so one statement stays bounded.
 * - A batch that failed for what one of its inputs may have caused (`retryAlone`) is run again
 *   as batches of one input each (sent together), so that input fails alone and the others'
 *   outcome is theirs. Any other error (the database unreachable or overloaded, the connection
 *   lost under the batch: its outcome unknown) is every input's, and none is run again.
 * - A batch is no one caller's work: it runs in the async context the batcher was made in, not in
 *   its first caller's (so a per-client queue below, kernel/fair-turns.ts, does not put everyone's
 *   statement in that client's line).
 */
export interface BatchPerTickOptions<In, Out> {
  /** Runs a batch: one answer per input, in the inputs' order. */
  readonly run: (inputs: readonly In[]) => Promise<readonly Out[]>;
  readonly groupOf: (input: In) => string;
  readonly max: number;
  readonly weigh: (input: In) => number;
  readonly maxWeight: number;
  readonly retryAlone: (error: unknown) => boolean;
}

interface Waiting<In, Out> {
  readonly input: In;
  readonly group: string;
  readonly weight: number;
  readonly resolve: (out: Out) => void;
  readonly reject: (error: unknown) => void;
}

export function batchPerTick<In, Out>(options: BatchPerTickOptions<In, Out>): (input: In) => Promise<Out> {
  if (!(options.max >= 1)) throw new RangeError(`batchPerTick: max must be at least 1, not ${options.max}`);
  let waiting: Waiting<In, Out>[] = [];
  let scheduled = false;

  const settle = async (batch: readonly Waiting<In, Out>[]): Promise<void> => {
    let answers: readonly Out[];
    try {
      answers = await options.run(batch.map((w) => w.input));
      if (answers.length !== batch.length) throw new Error(`a batch of ${batch.length} got ${answers.length} answers`);
    } catch (error) {
      let alone = false;
      try {
        alone = batch.length > 1 && options.retryAlone(error);
      } catch {
        // An error it cannot classify is every input's.
      }
      if (alone) await Promise.all(batch.map((w) => settle([w])));
      else for (const w of batch) w.reject(error);
      return;
    }
    batch.forEach((w, i) => w.resolve(answers[i]!));
  };

  const flush = AsyncResource.bind(() => {
    scheduled = false;
    let rest = waiting;
    waiting = [];
    while (rest.length > 0) {
      const batch: Waiting<In, Out>[] = [];
      const later: Waiting<In, Out>[] = [];
      const groups = new Set<string>();
      let weight = 0;
      for (const w of rest) {
        const fits = batch.length === 0 || (batch.length < options.max && weight + w.weight <= options.maxWeight);
        if (fits && !groups.has(w.group)) {
          groups.add(w.group);
          weight += w.weight;
          batch.push(w);
        } else {
          later.push(w);
        }
      }
      void settle(batch);
      rest = later;
    }
  });

  return (input) =>
    new Promise<Out>((resolve, reject) => {
      // Read here, so a throwing groupOf or weigh fails its own call, not the tick's batch.
      waiting.push({ input, group: options.groupOf(input), weight: options.weigh(input), resolve, reject });
      if (!scheduled) {
        scheduled = true;
        process.nextTick(flush);
      }
    });
}
