/**
 * Redis adapter: graphql-yoga's `createPubSub` over `createRedisEventTarget`, so events reach
 * every process sharing the Redis. Two connections: Redis puts a subscribing connection in a
 * mode where it can no longer publish. Payloads cross the wire as JSON.
 */
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";
import { createYogaPubSub } from "./memory-pubsub.ts";
import type { PubSub } from "../../services/ports/pubsub.ts";

export function createRedisPubSub<Events extends Record<string, unknown>>(
  redisUrl: string,
  options?: { prefix?: string; onError?: (error: Error) => void },
): PubSub<Events> {
  // Publishes of one tick go out in one round trip (an accepted task publishes three events).
  const publisher = new Redis(redisUrl, { enableAutoPipelining: true });
  // No ready check on the subscriber: its INFO can race the first SUBSCRIBE and be refused in
  // subscriber mode (ioredis#2037), losing that subscription until a reconnect.
  const subscriber = new Redis(redisUrl, { enableReadyCheck: false });
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
      const acked = subscriber.subscribe(channel).catch(() => undefined);
      pendingSubscribes.add(acked);
      void acked.then(() => pendingSubscribes.delete(acked));
      return acked;
    },
    unsubscribe(channel: string) {
      return subscriber.unsubscribe(channel).catch(() => undefined);
    },
  };
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
        await Promise.all(pendingSubscribes);
        dispatch();
        return { reply: lastPublish };
      });
      dispatchedInOrder = dispatched.then(
        () => undefined,
        () => undefined,
      );
      await (await dispatched).reply;
    },
    async close() {
      await Promise.all([publisher.quit(), subscriber.quit()]);
    },
  });
}
