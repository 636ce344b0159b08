/**
 * Calls made in one tick, run as batches: one statement for many callers.
 *
 * Every statement costs a round trip, a write to the socket, a parse of its answer and, on the
 * server, a transaction and a commit, whatever rows it moves. When many callers make the same
 * statement at once (accepted generations under load: the answers of one read from Redis settle
 * many requests' promises together), one statement for all of them costs little more than one.
 * The batch goes out on `process.nextTick`: once the callback under way and the promises it
 * settled have run, before the event loop reads or writes anything else. So no caller waits for
 * another turn of the loop, and a lone caller's statement leaves as soon as it did alone.
 *
 * The rules it keeps:
 * - Two inputs of one group (`groupOf`) never share a batch: a statement may touch a row only once
 *   (a key's usage of the day). The second goes in another batch of the same tick, so it waits for
 *   nothing more than it did alone.
 * - At most `max` inputs a batch, so one statement stays bounded.
 * - A batch that failed having done nothing (`didNothing`) is run again input by input, so one bad
 *   input fails alone and the others' outcome is theirs. A batch whose outcome is unknown (the
 *   connection lost under it) fails for each of its inputs with that error: none may be retried.
 */
export interface BatchPerTickOptions<In, Out> {
  /** Runs a batch: one answer per input, in the inputs' order. */
  readonly run: (inputs: readonly In[]) => Promise<readonly Out[]>;
  readonly groupOf: (input: In) => string;
  readonly max: number;
  readonly didNothing: (error: unknown) => boolean;
}

interface Waiting<In, Out> {
  readonly input: In;
  readonly resolve: (out: Out) => void;
  readonly reject: (error: unknown) => void;
}

export function batchPerTick<In, Out>(options: BatchPerTickOptions<In, Out>): (input: In) => Promise<Out> {
  let waiting: Waiting<In, Out>[] = [];
  let scheduled = false;

  const settle = async (batch: readonly Waiting<In, Out>[]): Promise<void> => {
    let answers: readonly Out[];
    try {
      answers = await options.run(batch.map((w) => w.input));
    } catch (error) {
      if (batch.length > 1 && options.didNothing(error)) {
        await Promise.all(batch.map((w) => settle([w])));
      } else {
        for (const w of batch) w.reject(error);
      }
      return;
    }
    if (answers.length !== batch.length) {
      const error = new Error(`a batch of ${batch.length} got ${answers.length} answers`);
      for (const w of batch) w.reject(error);
      return;
    }
    batch.forEach((w, i) => w.resolve(answers[i]!));
  };

  const flush = () => {
    scheduled = false;
    let rest = waiting;
    waiting = [];
    while (rest.length > 0) {
      const batch: Waiting<In, Out>[] = [];
      const later: Waiting<In, Out>[] = [];
      const groups = new Set<string>();
      for (const w of rest) {
        const group = options.groupOf(w.input);
        if (batch.length < options.max && !groups.has(group)) {
          groups.add(group);
          batch.push(w);
        } else {
          later.push(w);
        }
      }
      void settle(batch);
      rest = later;
    }
  };

  return (input) =>
    new Promise<Out>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        process.nextTick(flush);
      }
    });
}
