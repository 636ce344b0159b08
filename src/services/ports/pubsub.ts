/**
 * Topic-based publish/subscribe for live updates. The in-process adapter serves one process;
 * the Redis adapter carries events between every process that shares the Redis.
 */
export interface PubSub<Events extends Record<string, unknown>> {
  publish<T extends keyof Events & string>(topic: T, id: string, payload: Events[T]): Promise<void>;
  /**
   * Async iterator of payloads published to `topic`/`id` after the call. Return() ends it. With
   * `maxPending`, a subscription whose consumer has that many payloads unread stops listening: it
   * gives what it holds, in order, then rejects with PendingOverflow.
   */
  subscribe<T extends keyof Events & string>(topic: T, id: string, options?: SubscribeOptions): AsyncIterableIterator<Events[T]>;
  /**
   * Calls `listener(since)` each time this process's subscriptions listen again after their
   * connection was lost: a payload published from `since` on may not have reached them. The
   * in-process adapter loses none and never calls it. Returns a function that removes the listener.
   */
  onGap(listener: (since: number) => void): () => void;
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** Unread payloads a subscription holds at most (absent: no bound; for consumers that never wait on a client). */
  readonly maxPending?: number;
}

/** A subscription's consumer fell `maxPending` payloads behind: it ended, and later payloads were not kept. */
export class PendingOverflow extends Error {
  constructor(readonly maxPending: number) {
    super(`A subscription fell ${maxPending} events behind its reader and has ended`);
    this.name = "PendingOverflow";
  }
}
