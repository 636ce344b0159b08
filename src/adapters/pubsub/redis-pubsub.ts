/**
 * Redis adapter: graphql-yoga's `createPubSub` over `createRedisEventTarget`, so events reach
 * every process sharing the Redis. Two connections: Redis puts a subscribing connection in a
 * mode where it can no longer publish. Payloads cross the wire as JSON.
 */
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";
import { createYogaPubSub } from "./memory-pubsub.ts";
import type { PubSub } from "../../services/ports/pubsub.ts";
import { DEFAULT_HEARTBEAT, heartbeat, type HeartbeatTiming } from "../redis/heartbeat.ts";

/** How long a publish waits for this instance's SUBSCRIBEs in flight to be confirmed, at most. */
const SUBSCRIBE_WAIT_MS = 1_000;

export function createRedisPubSub<Events extends Record<string, unknown>>(
  redisUrl: string,
  options?: {
    prefix?: string;
    onError?: (error: Error) => void;
    /** The wall clock that dates a gap's start (PubSub.onGap): the database's, near enough. */
    now?: () => number;
    /** The connections' names in Redis's CLIENT LIST: `{clientName}-publisher` and `-subscriber`. */
    clientName?: string;
    /** Both connections' heartbeat (default DEFAULT_HEARTBEAT). */
    heartbeat?: HeartbeatTiming;
  },
): PubSub<Events> {
  const now = options?.now ?? Date.now;
  const clientName = options?.clientName ?? "gateai";
  const beat = options?.heartbeat ?? DEFAULT_HEARTBEAT;
  // Publishes of one tick go out in one round trip (an accepted task publishes three events).
  const publisher = new Redis(redisUrl, { enableAutoPipelining: true, connectionName: `${clientName}-publisher` });
  // No ready check on the subscriber: its INFO can race the first SUBSCRIBE and be refused in
  // subscriber mode (ioredis#2037), losing that subscription until a reconnect.
  const subscriber = new Redis(redisUrl, { enableReadyCheck: false, connectionName: `${clientName}-subscriber` });
  // Connection errors are reported (and ioredis reconnects); without a listener they would be
  // "unhandled error events".
  const reportError = options?.onError ?? (() => undefined);
  publisher.on("error", reportError);
  subscriber.on("error", reportError);

  // The event target fires PUBLISH/SUBSCRIBE/UNSUBSCRIBE without awaiting them, so a failure
  // would be an unhandled rejection (fatal in Node). These narrow facades keep the promises:
  // publish() awaits its PUBLISH and reports its error; (un)subscribe failures are dropped
  // (ioredis re-subscribes after a reconnect and emits its own 'error' events).
  // They cover exactly the methods the event target calls (v3: publish; on, subscribe, unsubscribe).
  let lastPublish: Promise<unknown> = Promise.resolve();
  const pendingSubscribes = new Set<Promise<unknown>>();
  /** Channels the event target has subscribed and not unsubscribed. */
  const wanted = new Set<string>();
  let closed = false;
  const retrySubscribe = async (channel: string): Promise<void> => {
    for (let delay = 100; !closed && wanted.has(channel); delay = Math.min(delay * 2, 2_000)) {
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      if (closed || !wanted.has(channel)) return;
      if (await subscriber.subscribe(channel).then(() => true, () => false)) return;
    }
  };
  let dispatchedInOrder: Promise<void> = Promise.resolve();
  const publishClient = {
    publish(channel: string, message: string) {
      lastPublish = publisher.publish(channel, message);
      return lastPublish;
    },
  };
  const subscribeClient = {
    on(event: "message", listener: (channel: string, message: string) => void) {
      subscriber.on(event, listener);
      return subscribeClient;
    },
    subscribe(channel: string) {
      wanted.add(channel);
      const acked = subscriber.subscribe(channel).then(
        () => undefined,
        // ioredis re-subscribes after a reconnect only the channels Redis acknowledged: one
        // refused while Redis was down would stay deaf for every listener on it. Retried in the
        // background until acknowledged or no longer wanted; a publish waits for the first try only.
        () => void retrySubscribe(channel),
      );
      pendingSubscribes.add(acked);
      void acked.then(() => pendingSubscribes.delete(acked));
      return acked;
    },
    unsubscribe(channel: string) {
      wanted.delete(channel);
      return subscriber.unsubscribe(channel).catch(() => undefined);
    },
  };

  // Gaps. Redis keeps nothing for a subscriber that is away: a payload published while this
  // connection is down, or before its channels are subscribed again, never reaches it, and one
  // Redis had queued for it when it dropped the connection (a subscriber too slow for its output
  // buffer) is gone too. So a gap is dated from the last thing heard on this connection (a
  // message, or the answer to a heartbeat PING; a connection that stops answering them is
  // dropped, and reconnects), and told once the connection is ready again and every wanted
  // channel's SUBSCRIBE is answered: what was published from then on can be told again from
  // where it is stored.
  const gapListeners = new Set<(since: number) => void>();
  let lastHeardAt = now();
  let lostAt: number | undefined;
  /** The attempt to tell the current gap; a later "ready" starts another and ends this one. */
  let telling = 0;
  subscriber.on("message", () => {
    lastHeardAt = now();
  });
  subscriber.on("close", () => {
    if (!closed) lostAt ??= lastHeardAt;
  });
  const tellGap = async (since: number, attempt: number) => {
    // ioredis emits "ready" once it has sent its own SUBSCRIBEs again: these (the same channels,
    // and any the retries above still want) are answered after them, once the connection listens.
    for (let delay = 100; !closed && attempt === telling && subscriber.status === "ready"; delay = Math.min(delay * 2, 2_000)) {
      const channels = [...wanted];
      const listening = channels.length === 0 || (await subscriber.subscribe(...channels).then(() => true, () => false));
      if (listening) {
        if (closed || attempt !== telling || lostAt !== since) return;
        lostAt = undefined;
        lastHeardAt = now();
        for (const listener of gapListeners) listener(since);
        return;
      }
      // Refused while the connection stays up (lost again: the next "ready" takes over).
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
    }
  };
  subscriber.on("ready", () => {
    if (lostAt !== undefined) void tellGap(lostAt, ++telling);
  });
  const heartbeats = [
    heartbeat(publisher, beat, () => closed),
    heartbeat(subscriber, beat, () => closed, () => (lastHeardAt = now())),
  ];

  const eventTarget = createRedisEventTarget({
    publishClient: publishClient as unknown as Redis,
    subscribeClient: subscribeClient as unknown as Redis,
  });

  return createYogaPubSub<Events>({
    eventTarget,
    prefix: options?.prefix,
    async publish(dispatch) {
      // A publish from this instance must reach this instance's earlier subscribers: wait until
      // Redis has confirmed their SUBSCRIBE. Dispatches are chained so publishes keep their order;
      // only the dispatch is chained, the PUBLISH replies are awaited side by side.
      const dispatched = dispatchedInOrder.then(async () => {
        // Bounded: a SUBSCRIBE whose reply never comes (a connection lost mid-command, a channel
        // unsubscribed before its reply) must not hold every later publish of this process.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.all(pendingSubscribes),
          new Promise((resolve) => {
            timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS);
            timer.unref?.();
          }),
        ]);
        clearTimeout(timer);
        dispatch();
        return { reply: lastPublish };
      });
      dispatchedInOrder = dispatched.then(
        () => undefined,
        () => undefined,
      );
      await (await dispatched).reply;
    },
    onGap(listener) {
      gapListeners.add(listener);
      return () => void gapListeners.delete(listener);
    },
    async close() {
      closed = true;
      heartbeats.forEach(clearInterval);
      // quit() waits for Redis to answer QUIT: with Redis down it rejects after the retries, and a
      // stopping process has nothing more to send, so the connections are then dropped.
      await Promise.all([publisher, subscriber].map((client) => client.quit().catch(() => client.disconnect())));
    },
  });
}
