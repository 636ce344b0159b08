// A client that stops reading its task subscriptions (its socket stalled, its pings answered)
// leaves their events queued in the process. Past UNREAD_EVENTS_MAX unread events a `myTasks` or
// `taskUpdated` subscription stops listening: its reader, if it reads again, gets what was kept,
// in order, then a SUBSCRIBER_TOO_SLOW error, and the subscription ends. Run on the gateway's
// schema and shared execution, with the in-process pub/sub, no transport.
import { createRequire } from "node:module";
import type { ExecutionArgs, ExecutionResult } from "graphql";
import { describe, expect, it } from "vitest";
import type { TaskRecord } from "../../src/domain/task.ts";
import { createMemoryPubSub } from "../../src/adapters/pubsub/memory-pubsub.ts";
import { createEngine } from "../../src/engine/engine.ts";
import { createSubscriptionSharing } from "../../src/graphql/plugins/shared-subscriptions.ts";
import { buildSchema } from "../../src/graphql/schema.ts";
import type { GatewayEvents } from "../../src/services/events.ts";
import type { GatewayServices } from "../../src/services/gateway-services.ts";
import type { ApiKeyRecord } from "../../src/services/keys.ts";
import { UNREAD_EVENTS_MAX } from "../../src/services/live-limits.ts";
import { ok } from "../../src/kernel/result.ts";

// The schema's copy of graphql-js (CommonJS), as the gateway runs it.
const graphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");
const schema = buildSchema(createEngine());
const T0 = Date.UTC(2030, 0, 1);

const task = (id: string, progress: number): TaskRecord =>
  ({
    id, keyId: "k1", model: "gpt-image-2", output: "image", status: "PROCESSING", requestParams: {}, params: {}, adjustments: [], cost: 40_000,
    refunded: false, result: [], glbUrls: [], error: null, progress, account: 1, attempts: 1, createdAt: T0, updatedAt: T0 + progress,
    startedAt: T0, finishedAt: null, slotReleaseAt: T0 + 600_000, refundAt: T0 + 1_200_000, hardDeadlineAt: T0 + 2_400_000,
  }) as TaskRecord;

function gateway() {
  const pubsub = createMemoryPubSub<GatewayEvents>();
  const sharing = createSubscriptionSharing();
  let subscribeFn!: (args: ExecutionArgs) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;
  (sharing.plugin.onSubscribe as (payload: { setSubscribeFn(fn: typeof subscribeFn): void }) => void)({ setSubscribeFn: (fn) => (subscribeFn = fn) });
  const services = { pubsub, tasks: { get: async () => ok(task("watched", 0)) } } as unknown as GatewayServices;
  const contextValue = { services, sharing, key: { id: "k1" } as ApiKeyRecord, isAdmin: false, baseUrl: "https://gateway.example" };
  const subscribe = async (query: string, variableValues?: Record<string, unknown>) => {
    const stream = await subscribeFn({ schema, document: graphql.parse(query), contextValue, variableValues } as ExecutionArgs);
    if (!(Symbol.asyncIterator in stream)) throw new Error(JSON.stringify(stream));
    return stream;
  };
  /** `count` progress events of task `id`, each newer than the last. */
  const publish = async (id: string, count: number) => {
    for (let i = 1; i <= count; i++) await pubsub.publish("keyTasks", "k1", { type: "PROGRESS", task: task(id, i) });
  };
  return { subscribe, publish };
}

/** Every result the stream gives until it ends. */
async function drain(stream: AsyncIterableIterator<ExecutionResult>): Promise<ExecutionResult[]> {
  const results: ExecutionResult[] = [];
  for (let r = await stream.next(); r.done !== true; r = await stream.next()) results.push(r.value);
  return results;
}

describe(`task subscriptions whose reader falls ${UNREAD_EVENTS_MAX} events behind`, () => {
  it("myTasks gives the events it kept, in order, then SUBSCRIBER_TOO_SLOW, and ends", async () => {
    const g = gateway();
    const stream = await g.subscribe("subscription { myTasks { __typename ... on TaskUpdate { task { id progress } } } }");
    // Nothing read meanwhile: the events past the bound are not kept.
    await g.publish("t1", UNREAD_EVENTS_MAX + 50);
    const results = await drain(stream);
    expect(results).toHaveLength(UNREAD_EVENTS_MAX + 1);
    const progress = results.slice(0, -1).map((r) => (r.data as { myTasks: { task: { progress: number } } }).myTasks.task.progress);
    // Progress is stored in percent and shown as a fraction.
    expect(progress).toEqual(Array.from({ length: UNREAD_EVENTS_MAX }, (_, i) => (i + 1) / 100));
    const last = results.at(-1)!;
    expect(last.data).toBeUndefined();
    expect(last.errors?.[0]?.extensions).toEqual({ code: "SUBSCRIBER_TOO_SLOW", limit: UNREAD_EVENTS_MAX });
  });

  it("taskUpdated counts every event of its key as unread, and ends the same way", async () => {
    const g = gateway();
    const stream = await g.subscribe("subscription ($id: ID!) { taskUpdated(id: $id) { __typename ... on TaskUpdate { task { id progress } } } }", { id: "watched" });
    // Its first result (the task as read) is taken; then the key's other tasks' events pile up.
    expect((await stream.next()).value).toMatchObject({ data: { taskUpdated: { task: { id: "watched", progress: 0 } } } });
    await g.publish("another", UNREAD_EVENTS_MAX + 1);
    await g.publish("watched", 1);
    const results = await drain(stream);
    expect(results).toHaveLength(1);
    expect(results[0]!.errors?.[0]?.extensions).toMatchObject({ code: "SUBSCRIBER_TOO_SLOW" });
  });

  it("a reader that keeps up is never cut off, whatever the number of events", async () => {
    const g = gateway();
    const stream = await g.subscribe("subscription { myTasks { __typename ... on TaskUpdate { task { progress } } } }");
    for (let i = 1; i <= UNREAD_EVENTS_MAX * 2; i++) {
      const next = stream.next();
      await g.publish(`t${i}`, 1);
      expect((await next).value).toMatchObject({ data: { myTasks: { task: { progress: 0.01 } } } });
    }
    await stream.return?.();
  });
});
