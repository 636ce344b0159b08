/**
 * `PubSub` over an `EventTarget`, speaking graphql-yoga's pub/sub protocol: with no event target
 * it is the in-process adapter; the Redis adapter reuses `createYogaPubSub` with yoga's Redis
 * event target.
 *
 * Channels are named `${prefix}${topic}:${id}` (yoga's routing-key format); a publish dispatches
 * `new CustomEvent(channel, { detail: { payload } })`, exactly what yoga's `createPubSub` does.
 * Payloads travel wrapped in `{ payload }`: the Redis event target turns `undefined` into null
 * (and yoga's own pub/sub would substitute the id for a null payload); the envelope avoids both.
 *
 * Each subscription is a small queue-backed iterator with one listener on the event target (no
 * Repeater per subscription): it costs a few hundred bytes while idle and a push and a resolve per
 * event. Its queue keeps every payload, in order, for a slow consumer; with `maxPending` (a
 * consumer that waits on a client, who may stop reading) it stops listening once that many are
 * unread, and its reader gets them, then PendingOverflow. A Repeater throws past 1,024 pending
 * pushes, which inside an EventTarget listener is an uncaught exception.
 */
import { setMaxListeners } from "node:events";
import { PendingOverflow, type PubSub, type SubscribeOptions } from "../../services/ports/pubsub.ts";

interface Envelope {
  readonly payload: unknown;
}

export interface YogaPubSubOptions {
  /** Where events are dispatched and listened for; an in-process EventTarget by default. */
  readonly eventTarget?: EventTarget;
  /** Namespaces channel names. */
  readonly prefix?: string;
  /** Wraps each dispatch, e.g. to wait for the transport; by default dispatching is all. */
  readonly publish?: (dispatch: () => void) => Promise<void>;
  /** Frees what the adapter opened, after every open subscription has ended. */
  readonly close?: () => Promise<void>;
  /** Registers a gap listener (PubSub.onGap); by default the transport has no gaps. */
  readonly onGap?: (listener: (since: number) => void) => () => void;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** A next() waiting for a payload. */
type Waiter = (result: IteratorResult<unknown>) => void;

/**
 * One subscription: a listener on the event target and a queue. A class, so that its methods
 * live once on the prototype instead of as closures in every subscription.
 */
class Subscription<T> implements AsyncIterableIterator<T> {
  private buffered: T[] | undefined;
  private waiting: Waiter | Waiter[] | undefined;
  private done = false;
  /** Set when it stopped for `maxPending`: its reader gets it after the payloads held. */
  private overflow: PendingOverflow | undefined;
  /** Bound: event targets such as yoga's Redis one call a listener without `this`. */
  private readonly listener = (event: Event) => this.push((event as CustomEvent<Envelope | null>).detail?.payload as T);

  constructor(
    private readonly target: EventTarget,
    private readonly channel: string,
    private readonly open: Set<Subscription<unknown>>,
    private readonly maxPending: number,
  ) {
    // Listening starts now, so payloads published before the consumer's first next() are kept.
    target.addEventListener(channel, this.listener);
    open.add(this as Subscription<unknown>);
  }

  private push(payload: T): void {
    if (this.done) return;
    const waiting = this.waiting;
    if (waiting === undefined) {
      const buffered = (this.buffered ??= []);
      if (buffered.length >= this.maxPending) return this.stopListening(new PendingOverflow(this.maxPending));
      buffered.push(payload);
    } else if (typeof waiting === "function") {
      this.waiting = undefined;
      waiting({ done: false, value: payload });
    } else {
      const resolve = waiting.shift()!;
      if (waiting.length === 0) this.waiting = undefined;
      resolve({ done: false, value: payload });
    }
  }

  next(): Promise<IteratorResult<T>> {
    const buffered = this.buffered;
    if (buffered !== undefined) {
      const value = buffered.shift() as T;
      if (buffered.length === 0) this.buffered = undefined;
      return Promise.resolve({ done: false, value });
    }
    const overflow = this.overflow;
    if (overflow) {
      this.overflow = undefined;
      return Promise.reject(overflow);
    }
    if (this.done) return Promise.resolve(DONE);
    return new Promise<IteratorResult<T>>((resolve) => {
      const waiter = resolve as Waiter;
      const waiting = this.waiting;
      if (waiting === undefined) this.waiting = waiter;
      else if (typeof waiting === "function") this.waiting = [waiting, waiter];
      else waiting.push(waiter);
    });
  }

  /** Stops taking payloads; those held stay for the reader, then `overflow`. */
  private stopListening(overflow: PendingOverflow): void {
    this.done = true;
    this.overflow = overflow;
    this.open.delete(this as Subscription<unknown>);
    this.target.removeEventListener(this.channel, this.listener);
  }

  async return(): Promise<IteratorReturnResult<undefined>> {
    this.overflow = undefined;
    this.buffered = undefined;
    if (!this.done) {
      this.done = true;
      this.open.delete(this as Subscription<unknown>);
      this.target.removeEventListener(this.channel, this.listener);
      const waiting = this.waiting;
      this.waiting = undefined;
      if (typeof waiting === "function") waiting(DONE);
      else if (waiting) for (const resolve of waiting) resolve(DONE);
    }
    return DONE;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

export function createYogaPubSub<Events extends Record<string, unknown>>(options: YogaPubSubOptions = {}): PubSub<Events> {
  const prefix = options.prefix ?? "";
  const target = options.eventTarget ?? unlimited(new EventTarget());
  /** Every open subscription, so close() can end them. */
  const open = new Set<Subscription<unknown>>();
  const dispatchWith = options.publish ?? (async (dispatch: () => void) => dispatch());

  return {
    async publish(topic, id, payload) {
      const envelope: Envelope = { payload };
      await dispatchWith(() => void target.dispatchEvent(new CustomEvent(`${prefix}${topic}:${id}`, { detail: envelope })));
    },

    subscribe<T extends keyof Events & string>(topic: T, id: string, subscribeOptions?: SubscribeOptions): AsyncIterableIterator<Events[T]> {
      return new Subscription<Events[T]>(target, `${prefix}${topic}:${id}`, open, subscribeOptions?.maxPending ?? Number.POSITIVE_INFINITY);
    },

    onGap: options.onGap ?? (() => () => undefined),

    async close() {
      await Promise.all([...open].map((subscription) => subscription.return()));
      await options.close?.();
    },
  };
}

/** An in-process EventTarget has one listener per subscription: hundreds per channel are normal, not a leak. */
function unlimited(target: EventTarget): EventTarget {
  setMaxListeners(0, target);
  return target;
}

/**
 * In-process adapter: reaches subscribers in this process only. Payloads are passed by reference.
 * `eventTarget` may be given so tests can count its listeners.
 */
export function createMemoryPubSub<Events extends Record<string, unknown>>(options?: {
  eventTarget?: EventTarget;
}): PubSub<Events> {
  return createYogaPubSub<Events>({ eventTarget: options?.eventTarget ?? unlimited(new EventTarget()) });
}
