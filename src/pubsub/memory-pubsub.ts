/**
 * `PubSub` over graphql-yoga's `createPubSub`. With no event target it is the in-process
 * adapter; the Redis adapter reuses `createYogaPubSub` with yoga's Redis event target.
 *
 * Channels are named `${prefix}${topic}:${id}` (yoga's routing-key format).
 * Payloads travel wrapped in `{ payload }`: yoga substitutes the id for a null payload,
 * and the Redis event target turns `undefined` into null; the envelope avoids both.
 */
import { createPubSub } from "graphql-yoga";
import type { PubSub } from "./pubsub.ts";

interface Envelope {
  readonly payload: unknown;
}

type Channels = Record<string, [string, Envelope]>;
type YogaEventTarget = NonNullable<NonNullable<Parameters<typeof createPubSub<Channels>>[0]>["eventTarget"]>;

export interface YogaPubSubOptions {
  /** Where events are dispatched and listened for; an in-process EventTarget by default. */
  readonly eventTarget?: EventTarget;
  /** Namespaces channel names. */
  readonly prefix?: string;
  /** Wraps each dispatch, e.g. to wait for the transport; by default dispatching is all. */
  readonly publish?: (dispatch: () => void) => Promise<void>;
  /** Frees what the adapter opened, after every open subscription has ended. */
  readonly close?: () => Promise<void>;
}

export function createYogaPubSub<Events extends Record<string, unknown>>(options: YogaPubSubOptions = {}): PubSub<Events> {
  const prefix = options.prefix ?? "";
  const yoga = createPubSub<Channels>(
    options.eventTarget === undefined ? undefined : { eventTarget: options.eventTarget as YogaEventTarget },
  );
  /** The `return` of every open subscription, so close() can end them. */
  const open = new Set<() => Promise<unknown>>();
  const dispatchWith = options.publish ?? (async (dispatch: () => void) => dispatch());

  return {
    async publish(topic, id, payload) {
      await dispatchWith(() => yoga.publish(`${prefix}${topic}`, id, { payload }));
    },

    subscribe<T extends keyof Events & string>(topic: T, id: string): AsyncIterableIterator<Events[T]> {
      const source = yoga.subscribe(`${prefix}${topic}`, id);
      // A Repeater only starts listening on its first next(); start it now, so payloads
      // published between subscribe() and the consumer's first next() are kept.
      let head: Promise<IteratorResult<Envelope>> | undefined = source.next();
      head.catch(() => {});

      const end = async (): Promise<IteratorReturnResult<undefined>> => {
        open.delete(end);
        head = undefined;
        await source.return(undefined);
        return { done: true, value: undefined };
      };
      open.add(end);

      const iterator: AsyncIterableIterator<Events[T]> = {
        async next() {
          const pending = head ?? source.next();
          head = undefined;
          const result = await pending;
          if (result.done === true) {
            open.delete(end);
            return { done: true, value: undefined };
          }
          return { done: false, value: result.value.payload as Events[T] };
        },
        return: end,
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },

    async close() {
      await Promise.all([...open].map((end) => end()));
      await options.close?.();
    },
  };
}

/**
 * In-process adapter: reaches subscribers in this process only. Payloads are passed by reference.
 * `eventTarget` may be given so tests can count its listeners.
 */
export function createMemoryPubSub<Events extends Record<string, unknown>>(options?: {
  eventTarget?: EventTarget;
}): PubSub<Events> {
  return createYogaPubSub<Events>({ eventTarget: options?.eventTarget ?? new EventTarget() });
}
