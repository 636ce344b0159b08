import { createRequire } from "node:module";
import type { DocumentNode, ExecutionArgs, ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { taskNotFound, unauthorized, type ServiceError } from "../../services/errors.ts";
import { isFinal, isNewerState, type KeyStateEvent, type TaskEvent } from "../../services/events.ts";
import { findTask, type TaskRecord } from "../../adapters/postgres/task-store.ts";
import { loadDashboard, MeResult } from "./account.ts";
import { builder } from "../builder.ts";
import type { GraphQLContext } from "../context.ts";
import { TaskNotFound, Unauthorized } from "./errors.ts";
import { TaskType } from "./tasks.ts";

const TaskEventType = builder.enumType("TaskEventType", {
  description: "What changed. The first update of `taskUpdated` repeats the current state (QUEUED, PROCESSING, FINISHED or FAILED).",
  values: ["QUEUED", "PROCESSING", "PROGRESS", "FINISHED", "FAILED", "REFUNDED"] as const,
});

const TaskUpdate = builder.objectRef<TaskEvent & { __typename: "TaskUpdate" }>("TaskUpdate").implement({
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "TaskUpdate",
  fields: (t) => ({
    type: t.field({ type: TaskEventType, resolve: (e) => e.type }),
    task: t.field({ type: TaskType, resolve: (e) => e.task }),
  }),
});
const TaskUpdateResult = builder.unionType("TaskUpdateResult", { types: [TaskUpdate, TaskNotFound, Unauthorized] });

type Update = TaskEvent & { readonly __typename: "TaskUpdate" };
/**
 * One TaskUpdate per event: the in-process pub/sub hands every subscriber the same event object,
 * so they all get the same update too, and it is executed once for all of them (see
 * `sharedSubscriptionExecution` below, installed by server.ts) instead of once per subscriber.
 */
const updates = new WeakMap<TaskEvent, Update>();
const update = (event: TaskEvent): Update => {
  let shared = updates.get(event);
  if (!shared) updates.set(event, (shared = { __typename: "TaskUpdate" as const, ...event }));
  return shared;
};

/**
 * `source` with `project` applied to each value. return() ends the source at once (an async
 * generator's return() would wait for its pending next(), i.e. for the next event). A class, so
 * each subscription costs two fields, not a set of closures.
 */
class Mapped<T, U> implements AsyncIterableIterator<U> {
  constructor(
    private readonly source: AsyncIterator<T>,
    private readonly project: (value: T) => U,
  ) {}
  next(): Promise<IteratorResult<U>> {
    return this.source.next().then((r) => (r.done === true ? DONE : { done: false, value: this.project(r.value) }));
  }
  async return(): Promise<IteratorResult<U>> {
    await this.source.return?.();
    return DONE;
  }
  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * The events of `source` that move their task on: one that arrives after a later state of its
 * task (isNewerState) is dropped, so a feed never shows a task going back. It remembers the tasks
 * it has seen until their final state.
 */
class NewerOnly implements AsyncIterableIterator<TaskEvent> {
  private seen: Map<string, TaskRecord> | undefined;
  constructor(private readonly source: AsyncIterator<TaskEvent>) {}
  async next(): Promise<IteratorResult<TaskEvent>> {
    for (;;) {
      const result = await this.source.next();
      if (result.done === true) return DONE;
      const { task } = result.value;
      const last = this.seen?.get(task.id);
      if (last && !isNewerState(task, last)) continue;
      if (isFinal(task)) this.seen?.delete(task.id);
      else (this.seen ??= new Map()).set(task.id, task);
      return result;
    }
  }
  async return(): Promise<IteratorResult<TaskEvent>> {
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
class EndingWith<T> implements AsyncIterableIterator<T> {
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

// Object.assign, not `{ ...args, rootValue }`: V8 (Node 20) gives each object built that way a
// hidden class of its own (test/source/object-literals.test.ts); this runs per event and audience.
const withRoot = (args: ExecutionArgs, rootValue: unknown): ExecutionArgs => Object.assign({}, args, { rootValue });

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** Values of several sources as they come; return() ends them all. Ends when all have ended. */
class Merged<T> implements AsyncIterableIterator<T> {
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

type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
/**
 * The dashboard after one change of the key (a task event or a keyState event), loaded once per key: every meUpdated of the key gets the
 * same one (one set of queries per change instead of one per open dashboard, and one execution).
 */
const dashboards = new WeakMap<KeyStateEvent | TaskEvent, Map<string, Promise<Dashboard>>>();
function dashboardAfter(event: KeyStateEvent | TaskEvent, ctx: GraphQLContext): Promise<Dashboard> {
  if (typeof event !== "object" || event === null) return loadDashboard(ctx);
  let byKey = dashboards.get(event);
  if (!byKey) dashboards.set(event, (byKey = new Map()));
  let loading = byKey.get(ctx.key!.id);
  if (!loading) byKey.set(ctx.key!.id, (loading = loadDashboard(ctx)));
  return loading;
}

async function* only<T>(value: T) {
  yield value;
}

builder.subscriptionFields((t) => ({
  taskUpdated: t.field({
    type: TaskUpdateResult,
    description: "Every transition of one of the caller's tasks: first its current state at once, then each change; ends after FINISHED or FAILED.",
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx): AsyncIterable<Update | ServiceError> => {
      const key = ctx.key;
      if (!key) return only(unauthorized());
      const id = String(args.id);
      // Listen before reading, so nothing between the read and the first event is missed. The
      // caller's feed carries this task's transitions (only its owner may watch it).
      const events = ctx.services.pubsub.subscribe("keyTasks", key.id);
      return new EndingWith(
        (async function* (): AsyncGenerator<Update | ServiceError> {
          try {
            const current = await findTask(ctx.services.prisma, id);
            if (!current || current.keyId !== key.id) {
              yield taskNotFound(id);
              return;
            }
            yield { __typename: "TaskUpdate" as const, type: current.status, task: current };
            if (isFinal(current)) return;
            let last = current;
            for await (const event of events) {
              // Nothing older than what it has: an event that raced the read above, or a late one.
              if (event.task.id !== id || !isNewerState(event.task, last)) continue;
              last = event.task;
              yield update(event);
              if (isFinal(event.task)) return;
            }
          } finally {
            await events.return?.();
          }
        })(),
        events,
      );
    },
    resolve: (payload) => payload as never,
  }),
  myTasks: t.field({
    type: TaskUpdateResult,
    description: "Every change to any of the caller's tasks, as it happens.",
    subscribe: (_root, _args, ctx): AsyncIterable<Update | ServiceError> => {
      if (!ctx.key) return only(unauthorized());
      return new Mapped(new NewerOnly(ctx.services.pubsub.subscribe("keyTasks", ctx.key.id)), update);
    },
    resolve: (payload) => payload as never,
  }),
  meUpdated: t.field({
    type: MeResult,
    description: "The caller's dashboard (budget, slots, tasks): now, then after every change.",
    subscribe: (_root, _args, ctx): AsyncIterable<Dashboard | ServiceError> => {
      if (!ctx.key) return only(unauthorized());
      // Every change of the key: its tasks' transitions and its other changes (a slot freed).
      const events = new Merged<TaskEvent | KeyStateEvent>([
        ctx.services.pubsub.subscribe("keyTasks", ctx.key.id),
        ctx.services.pubsub.subscribe("keyState", ctx.key.id),
      ]);
      return new EndingWith(
        (async function* (): AsyncGenerator<Dashboard | ServiceError> {
          try {
            yield await loadDashboard(ctx);
            for await (const event of events) yield await dashboardAfter(event, ctx);
          } finally {
            await events.return?.();
          }
        })(),
        events,
      );
    },
    resolve: (payload) => payload as never,
  }),
}));

/**
 * Subscriptions with each event executed once per audience instead of once per subscriber.
 *
 * A status change reaches every `myTasks` of its key (and every `taskUpdated` of its task) as the
 * SAME payload object (`update` above; the pub/sub passes one event object to all listeners).
 * Subscribers with the same operation (document, operation name, variables) and the same caller
 * (key, admin, baseUrl: the only parts of the context that resolvers below a subscription read)
 * would compute the same result: it is computed for the first and shared by the rest, until the
 * payload is garbage. Otherwise this is graphql-js `subscribe` (a source stream per subscriber,
 * mapped through `execute`), in the place of yoga's default engine for subscriptions.
 * Results are shared objects: they must not be mutated (nothing downstream does).
 */
export function sharedSubscriptionExecution(): Plugin {
  // graphql-js as the schema's own copy: the packages (Pothos, yoga) load its CommonJS build; a
  // plain import here gets its ESM build under vitest, another "realm" whose checks reject the schema.
  const { createSourceEventStream, execute } = createRequire(import.meta.url)("graphql") as typeof import("graphql");
  const documents = new WeakMap<DocumentNode, number>();
  let nextDocument = 0;
  const results: Results = new WeakMap();

  async function subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    const source = stream[Symbol.asyncIterator]();

    let document = documents.get(args.document);
    if (document === undefined) documents.set(args.document, (document = nextDocument++));
    const caller = args.contextValue as Partial<GraphQLContext> | undefined;
    let audience: string | null;
    try {
      audience = JSON.stringify([document, args.operationName ?? null, args.variableValues ?? null, caller?.key?.id ?? null, caller?.isAdmin ?? false, caller?.baseUrl ?? null]);
    } catch {
      audience = null; // variables JSON cannot name (BigInt…): this subscriber executes its own events
    }

    return new SharedResults(source, args, audience, results, execute);
  }

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribe as never);
    },
  };
}

type Results = WeakMap<object, Map<string, ExecutionResult | Promise<ExecutionResult>>>;

/** One subscriber's results: its source stream, each payload executed or taken from `results`. */
class SharedResults implements AsyncIterableIterator<ExecutionResult> {
  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly args: ExecutionArgs,
    /** Null: nothing shared. */
    private readonly audience: string | null,
    private readonly results: Results,
    private readonly execute: (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult>,
  ) {}

  next(): Promise<IteratorResult<ExecutionResult>> {
    return this.source.next().then(
      (next) => (next.done === true ? DONE : Promise.resolve(this.run(next.value)).then((value) => ({ done: false, value }))),
      // Like graphql-js: a failing source is closed, and its error rethrown.
      (error: unknown) => this.close().then(() => Promise.reject(error)),
    );
  }

  private run(payload: unknown): ExecutionResult | Promise<ExecutionResult> {
    if (typeof payload !== "object" || payload === null || this.audience === null) return this.execute(withRoot(this.args, payload));
    let byAudience = this.results.get(payload);
    if (!byAudience) this.results.set(payload, (byAudience = new Map()));
    let result = byAudience.get(this.audience);
    if (result === undefined) byAudience.set(this.audience, (result = this.execute(withRoot(this.args, payload))));
    return result;
  }

  private async close(): Promise<void> {
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

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === "object" && value !== null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";
