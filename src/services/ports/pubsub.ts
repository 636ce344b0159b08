/**
 * Topic-based publish/subscribe for live updates. The in-process adapter serves one process;
 * the Redis adapter carries events between every process that shares the Redis.
 */
export interface PubSub<Events extends Record<string, unknown>> {
  publish<T extends keyof Events & string>(topic: T, id: string, payload: Events[T]): Promise<void>;
  /** Async iterator of payloads published to `topic`/`id` after the call. Return() ends it. */
  subscribe<T extends keyof Events & string>(topic: T, id: string): AsyncIterableIterator<Events[T]>;
  /**
   * Calls `listener(since)` each time this process's subscriptions listen again after their
   * connection was lost: a payload published from `since` on may not have reached them. The
   * in-process adapter loses none and never calls it. Returns a function that removes the listener.
   */
  onGap(listener: (since: number) => void): () => void;
  close(): Promise<void>;
}
