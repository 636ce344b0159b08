import { createRequire } from "node:module";
import type { DocumentNode, ExecutionArgs, ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { isLiveRefusal, type LivePlace, type LiveRefusal } from "../../services/live-limits.ts";
import { PendingOverflow } from "../../services/ports/pubsub.ts";
import type { CallerContext, GraphQLContext } from "../context.ts";
import { DONE, isAsyncIterable } from "../support/async-iterators.ts";

/**
 * The only fields of the context that resolvers below a subscription field may read. A
 * subscriber's events are executed once per audience and the result shared (below), so a
 * resolver that read anything else would hand one subscriber's answer to another. The audience
 * is derived from exactly these fields, and the events are executed with a context that holds
 * exactly these fields (`sharedContextOf`).
 */
export const SHARED_CONTEXT_FIELDS = ["key", "isAdmin", "baseUrl"] as const satisfies readonly (keyof CallerContext)[];

/** The other fields of GraphQLContext: reading one of them during shared execution throws. */
const UNSHARED_CONTEXT_FIELDS = ["services", "sharing"] as const satisfies readonly Exclude<keyof GraphQLContext, keyof CallerContext>[];
// Every field of GraphQLContext is in one list or the other (a new field fails to compile here).
type Unlisted = Exclude<keyof GraphQLContext, (typeof SHARED_CONTEXT_FIELDS)[number] | (typeof UNSHARED_CONTEXT_FIELDS)[number]>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

const unsharedField = (name: string) => () => {
  throw new Error(
    `A resolver below a subscription read context.${name}: subscription results are shared by every subscriber with the same ` +
      `${SHARED_CONTEXT_FIELDS.join(", ")}, so those are all the context such a resolver may read (read the rest in the field's subscribe).`,
  );
};
const unsharedFields: PropertyDescriptorMap = Object.fromEntries(UNSHARED_CONTEXT_FIELDS.map((name) => [name, { get: unsharedField(name), enumerable: false }]));

/**
 * The context events are executed with: the shared fields of the subscriber's context and nothing
 * else (the other fields of GraphQLContext throw when read).
 */
export function sharedContextOf(context: CallerContext): CallerContext {
  const shared = Object.create(null, unsharedFields) as Record<string, unknown>;
  for (const name of SHARED_CONTEXT_FIELDS) shared[name] = context[name];
  return Object.freeze(shared) as unknown as CallerContext;
}

/**
 * The audience of a subscriber: its operation (document, operation name, variables) and its
 * shared context (the key by its id). Null when the variables cannot be named in JSON (BigInt…):
 * that subscriber executes its own events.
 */
export function audienceOf(operation: { readonly document: number; readonly operationName?: string | null; readonly variables?: unknown }, caller: CallerContext): string | null {
  const parts: unknown[] = [operation.document, operation.operationName ?? null, operation.variables ?? null];
  for (const name of SHARED_CONTEXT_FIELDS) {
    const value = caller[name];
    parts.push(name === "key" ? ((value as CallerContext["key"])?.id ?? null) : (value ?? null));
  }
  try {
    return JSON.stringify(parts);
  } catch {
    return null;
  }
}

/**
 * Values computed once per event object and name, kept while the event is referenced. `compute`
 * gets the event and `arg` (no closure per call) and must not return undefined.
 */
export class PerEvent {
  private readonly values = new WeakMap<object, Map<string, unknown>>();
  get<E extends object, A, T>(event: E, name: string, compute: (event: E, arg: A) => T, arg: A): T {
    let byName = this.values.get(event);
    if (!byName) this.values.set(event, (byName = new Map()));
    let value = byName.get(name) as T | undefined;
    if (value === undefined) byName.set(name, (value = compute(event, arg)));
    return value;
  }
}

/** One server's shared subscription state: its execution plugin and the caches it works with. */
export interface SubscriptionSharing {
  /**
   * The plugin that runs subscriptions: graphql-js `subscribe` (a source stream per subscriber,
   * mapped through `execute`), with each event executed once per audience.
   */
  readonly plugin: Plugin;
  /**
   * Values a subscription's source stream derives from one event (the payload it yields), computed
   * once for all the server's subscribers. A payload must be the same object for all of them for
   * their results to be shared.
   */
  readonly events: PerEvent;
  /**
   * Values read for a few keys at most (a task's params, by its id, when its events leave them
   * out): the newest RECENT_KEPT, so their memory stays bounded whatever the events waiting.
   */
  readonly recent: Recent;
}

/** Entries a `Recent` keeps. */
export const RECENT_KEPT = 16;

/**
 * The values of the last RECENT_KEPT keys read, each read once while kept (the newest read or
 * used last). A value that is a promise and rejects is not kept: the next `get` reads again.
 */
export class Recent {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string, read: () => T): T {
    const kept = this.values.get(key) as T | undefined;
    this.values.delete(key);
    const value = kept ?? read();
    this.values.set(key, value);
    if (this.values.size > RECENT_KEPT) this.values.delete(this.values.keys().next().value!);
    if (kept === undefined && value instanceof Promise) value.catch(() => this.values.get(key) === value && this.values.delete(key));
    return value;
  }
}

/**
 * Subscriptions with each event executed once per audience instead of once per subscriber.
 *
 * A status change reaches every `myTasks` of its key (and every `taskUpdated` of its task) as the
 * same payload object (the pub/sub passes one event object to all listeners, and the fields derive
 * their payload through `events`). Subscribers of one audience (`audienceOf`) would compute the
 * same result: it is computed for the first and shared by the rest, until the payload is garbage.
 * Results are shared objects: they must not be mutated (nothing downstream does).
 */
export function createSubscriptionSharing(): SubscriptionSharing {
  // graphql-js as the schema's own copy: the packages (Pothos, yoga) load its CommonJS build; a
  // plain import here gets its ESM build under vitest, another "realm" whose checks reject the schema.
  const { createSourceEventStream, execute, GraphQLError } = createRequire(import.meta.url)("graphql") as typeof import("graphql");
  const documents = new WeakMap<DocumentNode, number>();
  let nextDocument = 0;
  const results = new PerEvent();
  const refused = (refusal: LiveRefusal): ExecutionResult => ({
    errors: [new GraphQLError(refusal.message, { extensions: { code: refusal.code, per: refusal.per, limit: refusal.limit } })],
  });
  const revoked: ExecutionResult = {
    errors: [new GraphQLError(KEY_REVOKED_MESSAGE, { extensions: { code: "UNAUTHORIZED", reason: "KEY_REVOKED" } })],
  };
  const tooSlow = (overflow: PendingOverflow): ExecutionResult => ({
    errors: [new GraphQLError(`This subscription left ${overflow.maxPending} events unread and has ended: subscribe again`, { extensions: { code: "SUBSCRIBER_TOO_SLOW", limit: overflow.maxPending } })],
  });

  async function subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    // Every subscription of a key, whatever its transport, holds a place under the key's cap
    // from before its source stream opens until its results end (src/services/live-limits.ts).
    const context = args.contextValue as GraphQLContext;
    const live = context.services?.live as GraphQLContext["services"]["live"] | undefined;
    let place: LivePlace | undefined;
    if (live && context.key) {
      const taken = live.subscribe(context.key.id);
      if (isLiveRefusal(taken)) return refused(taken);
      place = taken;
    }
    let stream: Awaited<ReturnType<typeof createSourceEventStream>>;
    try {
      stream = await createSourceEventStream(args);
    } catch (error) {
      place?.release();
      throw error;
    }
    if (!isAsyncIterable(stream)) {
      place?.release();
      return stream;
    }
    const source = stream[Symbol.asyncIterator]();

    let document = documents.get(args.document);
    if (document === undefined) documents.set(args.document, (document = nextDocument++));
    const caller = sharedContextOf(args.contextValue as CallerContext);
    const audience = audienceOf({ document, operationName: args.operationName, variables: args.variableValues }, caller);
    const shared = new SharedResults(source, Object.assign({}, args, { contextValue: caller }), audience, results, execute, place, revoked, tooSlow);
    // Over HTTP (SSE) a client gone before its results are read is never iterated, nor returned:
    // the request's end returns them, giving the place back and the source's queue with it.
    const signal = (context as { request?: { signal?: AbortSignal } }).request?.signal;
    if (signal?.aborted) void shared.return();
    else signal?.addEventListener("abort", () => void shared.return(), { once: true });
    return shared;
  }

  return {
    plugin: {
      onSubscribe({ setSubscribeFn }) {
        setSubscribeFn(subscribe as never);
      },
    },
    events: new PerEvent(),
    recent: new Recent(),
  };
}

/** The last result of a subscription whose key was revoked while it was open. */
export const KEY_REVOKED_MESSAGE = "This API key was revoked: its subscriptions have ended.";

// Object.assign, not `{ ...args, rootValue }`: V8 (Node 20) gives each object built that way a
// hidden class of its own (test/source/object-literals.test.ts); this runs per event and audience.
const withRoot = (args: ExecutionArgs, rootValue: unknown): ExecutionArgs => Object.assign({}, args, { rootValue });

const executeFor = (payload: object, subscriber: SharedResults) => subscriber.executeOne(payload);

/**
 * One subscriber's results: its source stream, each payload executed or taken from `results`.
 * It gives its place back whichever way it ends (done, return, throw, a failing source). When its
 * key is revoked it ends at once: its source is closed, a result in flight is dropped, and its
 * last result is the `revoked` error. A source that stopped for its unread events
 * (PendingOverflow) ends it with the `tooSlow` error as its last result.
 */
class SharedResults implements AsyncIterableIterator<ExecutionResult> {
  /** The last result to give (the key revoked, or a reader too slow): undefined once given. */
  private ending: ExecutionResult | undefined;
  private ended = false;

  constructor(
    private readonly source: AsyncIterator<unknown>,
    /** The subscriber's execution arguments, with the shared context. */
    private readonly args: ExecutionArgs,
    /** Null: nothing shared. */
    private readonly audience: string | null,
    private readonly results: PerEvent,
    private readonly execute: (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult>,
    /** The subscription's place under its key's cap; none without a key. */
    private readonly place: LivePlace | undefined,
    private readonly revoked: ExecutionResult,
    private readonly tooSlow: (overflow: PendingOverflow) => ExecutionResult,
  ) {
    place?.whenRevoked(() => this.revoke());
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.ended) return Promise.resolve(this.last());
    return this.source.next().then(
      (next) => {
        if (this.ended) return this.last();
        if (next.done === true) return this.finish();
        return Promise.resolve(this.run(next.value)).then((value) => (this.ended ? this.last() : { done: false, value }));
      },
      // Like graphql-js: a failing source is closed, and its error rethrown; but a reader too
      // slow for its source is told so, as a result.
      (error: unknown) => {
        if (!(error instanceof PendingOverflow) || this.ended) return this.close().then(() => Promise.reject(error));
        this.ending = this.tooSlow(error);
        return this.close().then(() => this.last());
      },
    );
  }

  private revoke(): void {
    if (this.ended) return;
    this.ending = this.revoked;
    this.ended = true;
    void this.close();
  }

  /** After the end: the revocation result once (if revoked), then done. */
  private last(): IteratorResult<ExecutionResult> {
    const ending = this.ending;
    this.ending = undefined;
    return ending ? { done: false, value: ending } : DONE;
  }

  private finish(): IteratorResult<ExecutionResult> {
    this.ended = true;
    this.place?.release();
    return DONE;
  }

  private run(payload: unknown): ExecutionResult | Promise<ExecutionResult> {
    if (typeof payload !== "object" || payload === null || this.audience === null) return this.execute(withRoot(this.args, payload));
    return this.results.get(payload, this.audience, executeFor, this);
  }

  /** Executes one payload for this subscriber (and its audience). */
  executeOne(payload: object): ExecutionResult | Promise<ExecutionResult> {
    return this.execute(withRoot(this.args, payload));
  }

  private async close(): Promise<void> {
    this.ended = true;
    this.place?.release();
    try {
      await this.source.return?.();
    } catch {
      /* the stream is over either way */
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    await this.close();
    return DONE;
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.close();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
