import { createRequire } from "node:module";
import type { ExecutionArgs, ExecutionResult } from "graphql";
import { describe, expect, it } from "vitest";
import type { CallerContext } from "../../../src/graphql/context.ts";
import { audienceOf, createSubscriptionSharing, Recent, RECENT_KEPT, SHARED_CONTEXT_FIELDS, sharedContextOf } from "../../../src/graphql/plugins/shared-subscriptions.ts";
import type { ApiKeyRecord } from "../../../src/services/keys.ts";

// The plugin runs on the schema's copy of graphql-js (CommonJS); so does this test's schema.
const graphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");

/** One event source: every subscriber gets the same payload object, as from the gateway's pub/sub. */
class Broadcast {
  private readonly queues = new Set<{ values: object[]; wake?: () => void }>();
  subscribe(): AsyncIterableIterator<object> {
    const queue: { values: object[]; wake?: () => void } = { values: [] };
    this.queues.add(queue);
    const queues = this.queues;
    return {
      async next() {
        while (queue.values.length === 0) await new Promise<void>((resolve) => (queue.wake = resolve));
        return { done: false, value: queue.values.shift()! };
      },
      async return() {
        queues.delete(queue);
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
  publish(payload: object): void {
    for (const queue of this.queues) {
      queue.values.push(payload);
      queue.wake?.();
    }
  }
}

/** A schema whose fields below `feed` read the context; `executions` counts their resolutions. */
function fixture() {
  const broadcast = new Broadcast();
  const counts = { executions: 0 };
  const Item = new graphql.GraphQLObjectType<object, Record<string, any>>({
    name: "Item",
    fields: {
      caller: { type: graphql.GraphQLString, resolve: (_p, _a, ctx) => (counts.executions++, ctx.key?.id ?? null) },
      url: { type: graphql.GraphQLString, resolve: (_p, _a, ctx) => `${ctx.baseUrl}/files/x.png` },
      admin: { type: graphql.GraphQLBoolean, resolve: (_p, _a, ctx) => ctx.isAdmin },
      services: { type: graphql.GraphQLString, resolve: (_p, _a, ctx) => String(ctx.services) },
    },
  });
  const schema = new graphql.GraphQLSchema({
    query: new graphql.GraphQLObjectType({ name: "Query", fields: { ok: { type: graphql.GraphQLBoolean } } }),
    subscription: new graphql.GraphQLObjectType({
      name: "Subscription",
      fields: { feed: { type: Item, subscribe: () => broadcast.subscribe(), resolve: (payload: object) => payload } },
    }),
  });
  const sharing = createSubscriptionSharing();
  let subscribeFn!: (args: ExecutionArgs) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;
  (sharing.plugin.onSubscribe as (payload: { setSubscribeFn(fn: typeof subscribeFn): void }) => void)({ setSubscribeFn: (fn) => (subscribeFn = fn) });
  const document = graphql.parse("subscription { feed { caller url admin } }");
  const subscribe = async (contextValue: object, source = document) => {
    const stream = await subscribeFn({ schema, document: source, contextValue } as ExecutionArgs);
    if (!(Symbol.asyncIterator in stream)) throw new Error(JSON.stringify(stream));
    return stream;
  };
  return { broadcast, counts, subscribe };
}

const key = (id: string) => ({ id }) as ApiKeyRecord;
const caller = (id: string | null, baseUrl = "https://a.example", isAdmin = false, extra: object = {}) =>
  Object.assign({ services: { name: "services" }, sharing: {}, key: id === null ? null : key(id), isAdmin, baseUrl }, extra);

/** The next result of each stream, for one published payload. */
async function nextOf(streams: AsyncIterableIterator<ExecutionResult>[], publish: () => void): Promise<ExecutionResult[]> {
  const pending = streams.map((stream) => stream.next());
  publish();
  return (await Promise.all(pending)).map((r) => r.value as ExecutionResult);
}

describe("shared subscription execution", () => {
  it("executes an event once for the subscribers of one audience, who get the same result", async () => {
    const { broadcast, counts, subscribe } = fixture();
    // Same key, admin flag and baseUrl; the rest of the context differs and does not matter.
    const streams = [await subscribe(caller("k1", "https://a.example", false, { req: 1 })), await subscribe(caller("k1", "https://a.example", false, { req: 2 }))];
    const [first, second] = await nextOf(streams, () => broadcast.publish({}));
    expect(first).toEqual({ data: { feed: { caller: "k1", url: "https://a.example/files/x.png", admin: false } } });
    expect(second).toBe(first);
    expect(counts.executions).toBe(1);
  });

  it.each([
    ["two different keys", caller("k1"), caller("k2")],
    ["the same key with different baseUrls", caller("k1", "https://a.example"), caller("k1", "https://b.example")],
    ["the same key, admin and not", caller("k1", "https://a.example", true), caller("k1", "https://a.example", false)],
    ["a key and no key", caller("k1"), caller(null)],
  ])("never shares a result between two audiences: %s", async (_name, a, b) => {
    const { broadcast, counts, subscribe } = fixture();
    const streams = [await subscribe(a), await subscribe(b)];
    const payload = {};
    const [first, second] = await nextOf(streams, () => broadcast.publish(payload));
    expect(second).not.toBe(first);
    expect(counts.executions).toBe(2);
    // Each result is its own caller's.
    for (const [result, context] of [[first, a], [second, b]] as const)
      expect(result).toEqual({ data: { feed: { caller: context.key?.id ?? null, url: `${context.baseUrl}/files/x.png`, admin: context.isAdmin } } });
  });

  it("executes events with a context of the shared fields alone: reading anything else fails the field", async () => {
    const { broadcast, subscribe } = fixture();
    const stream = await subscribe(caller("k1"), graphql.parse("subscription { feed { caller services } }"));
    const [result] = await nextOf([stream], () => broadcast.publish({}));
    expect(result!.data).toEqual({ feed: { caller: "k1", services: null } });
    expect(result!.errors?.[0]?.message).toMatch(/read context\.services.*key, isAdmin, baseUrl/);
  });
});

describe("the shared context and the audience", () => {
  const full = caller("k1", "https://a.example", true, { req: {}, params: {} });

  it("the shared context holds exactly key, isAdmin and baseUrl", () => {
    const shared = sharedContextOf(full as CallerContext);
    expect(Object.keys(shared).sort()).toEqual([...SHARED_CONTEXT_FIELDS].sort());
    expect(shared).toEqual({ key: full.key, isAdmin: true, baseUrl: "https://a.example" });
    expect(Object.isFrozen(shared)).toBe(true);
    expect(() => (shared as unknown as { services: unknown }).services).toThrow(/context\.services/);
    expect(() => (shared as unknown as { sharing: unknown }).sharing).toThrow(/context\.sharing/);
  });

  it("the audience is the operation and exactly the shared fields (the key by its id)", () => {
    const operation = { document: 0, operationName: null, variables: { id: "t1" } };
    const audience = audienceOf(operation, full as CallerContext);
    expect(JSON.parse(audience!)).toEqual([0, null, { id: "t1" }, "k1", true, "https://a.example"]);
    // Only those fields count: other context fields change nothing.
    expect(audienceOf(operation, caller("k1", "https://a.example", true, { req: { other: 1 } }) as CallerContext)).toBe(audience);
    for (const other of [caller("k2", "https://a.example", true), caller("k1", "https://b.example", true), caller("k1", "https://a.example", false)])
      expect(audienceOf(operation, other as CallerContext)).not.toBe(audience);
    expect(audienceOf({ ...operation, variables: { id: "t2" } }, full as CallerContext)).not.toBe(audience);
    expect(audienceOf({ ...operation, variables: { big: 1n } }, full as CallerContext)).toBeNull();
  });
});

describe("Recent", () => {
  it("reads a key once while it is among the last RECENT_KEPT read or used, and again once it has dropped out", () => {
    const recent = new Recent();
    const reads: string[] = [];
    const get = (key: string) => recent.get(key, () => (reads.push(key), `value of ${key}`));
    expect(get("a")).toBe("value of a");
    for (let i = 0; i < RECENT_KEPT - 1; i++) get(`k${i}`);
    // "a" used again: the newest now, so the next key drops k0, not "a".
    expect(get("a")).toBe("value of a");
    get("one more");
    expect(reads.filter((k) => k === "a")).toHaveLength(1);
    get("k0");
    expect(reads.filter((k) => k === "k0")).toHaveLength(2);
  });

  it("does not keep a read that rejects: the next get reads again", async () => {
    const recent = new Recent();
    let reads = 0;
    const failing = recent.get("t", () => (reads++, Promise.reject(new Error("database down"))));
    await expect(failing).rejects.toThrow("database down");
    await expect(recent.get("t", () => (reads++, Promise.resolve("params")))).resolves.toBe("params");
    await expect(recent.get("t", () => (reads++, Promise.resolve("again")))).resolves.toBe("params");
    expect(reads).toBe(2);
  });
});
