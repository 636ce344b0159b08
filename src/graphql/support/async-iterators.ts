/**
 * Small async iterators for subscription streams. Classes, so each subscription costs a few
 * fields, not a set of closures. Every return() ends its source at once: an async generator's
 * return() would wait for its pending next(), i.e. for the next event.
 */

export const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

const yielded = <U>(value: U): IteratorResult<U> => ({ done: false, value });

/**
 * `source` with `project(value, context)` applied to each value (a context, so no closure per
 * stream); a projection that answers a promise is waited for.
 */
export class Mapped<T, U, C> implements AsyncIterableIterator<U> {
  constructor(
    private readonly source: AsyncIterator<T>,
    private readonly project: (value: T, context: C) => U | Promise<U>,
    private readonly context: C,
  ) {}
  next(): Promise<IteratorResult<U>> {
    return this.source.next().then((r) => {
      if (r.done === true) return DONE;
      const value = this.project(r.value, this.context);
      return value instanceof Promise ? value.then(yielded) : yielded(value);
    });
  }
  async return(): Promise<IteratorResult<U>> {
    await this.source.return?.();
    return DONE;
  }
  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** What decides which values a `Filtered` passes on; asked once per value, in order. */
export interface Filter<T> {
  accepts(value: T): boolean;
}

/** The values of `source` that `filter` accepts. */
export class Filtered<T> implements AsyncIterableIterator<T> {
  constructor(
    private readonly source: AsyncIterator<T>,
    private readonly filter: Filter<T>,
  ) {}
  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      const result = await this.source.next();
      if (result.done === true) return DONE;
      if (this.filter.accepts(result.value)) return result;
    }
  }
  async return(): Promise<IteratorResult<T>> {
    await this.source.return?.();
    return DONE;
  }
  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * A generator that reads `events`: return() ends `events` first, so the generator's pending
 * `for await` finishes now and its return() completes, instead of waiting for the next event.
 */
export class EndingWith<T> implements AsyncIterableIterator<T> {
  constructor(
    private readonly generator: AsyncGenerator<T>,
    private readonly events: AsyncIterator<unknown>,
  ) {}
  next(): Promise<IteratorResult<T>> {
    return this.generator.next();
  }
  async return(): Promise<IteratorResult<T>> {
    await this.events.return?.();
    return this.generator.return(undefined as never);
  }
  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** Values of several sources as they come; return() ends them all. Ends when all have ended. */
export class Merged<T> implements AsyncIterableIterator<T> {
  private readonly pending: (Promise<{ index: number; result: IteratorResult<T> }> | undefined)[];
  private readonly ended: boolean[];
  constructor(private readonly sources: readonly AsyncIterator<T>[]) {
    this.pending = sources.map(() => undefined);
    this.ended = sources.map(() => false);
  }
  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      const racing = this.sources.flatMap((source, index) =>
        this.ended[index] ? [] : [(this.pending[index] ??= source.next().then((result) => ({ index, result })))],
      );
      if (racing.length === 0) return DONE;
      const { index, result } = await Promise.race(racing);
      this.pending[index] = undefined;
      if (result.done !== true) return { done: false, value: result.value };
      this.ended[index] = true;
    }
  }
  async return(): Promise<IteratorResult<T>> {
    this.ended.fill(true);
    await Promise.all(this.sources.map((source) => source.return?.()));
    return DONE;
  }
  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** A stream of one value. */
export async function* only<T>(value: T): AsyncGenerator<T> {
  yield value;
}

export const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === "object" && value !== null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";
