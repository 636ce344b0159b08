import { unauthorized, type ServiceError } from "../../services/errors.ts";
import type { Dashboard as AccountDashboard } from "../../services/account.ts";
import { UNREAD_EVENTS_MAX } from "../../services/live-limits.ts";
import { carriesParams, isNewerState, type LiveTask, type TaskEvent, type TaskEventType as EventType } from "../../domain/task-events.ts";
import { isFinal, type TaskRecord } from "../../domain/task.ts";
import { loadDashboard, MeResult } from "./account.ts";
import { builder } from "../builder.ts";
import type { GraphQLContext } from "../context.ts";
import { EndingWith, Filtered, Mapped, only, type Filter } from "../support/async-iterators.ts";
import { TaskNotFound, Unauthorized } from "./errors.ts";
import { TaskType } from "./tasks.ts";

const TaskEventType = builder.enumType("TaskEventType", {
  description: "What changed. The first update of `taskUpdated` repeats the current state (QUEUED, PROCESSING, FINISHED or FAILED).",
  values: {
    QUEUED: { description: "Accepted and waiting for an upstream account (also after a retryable failure)." },
    PROCESSING: { description: "Started on an upstream account." },
    PROGRESS: { description: "Progress moved (steps of 10%)." },
    FINISHED: { description: "Done: result URLs are in the task." },
    FAILED: { description: "Failed for good; its charge was refunded." },
    REFUNDED: { description: "Unfinished at its refund deadline: charge given back, generation goes on." },
  } as const,
});

/** A task event whose task is whole (see `wholeUpdate`). */
interface WholeEvent {
  readonly type: EventType;
  readonly task: TaskRecord;
}

const TaskUpdate = builder.objectRef<WholeEvent & { __typename: "TaskUpdate" }>("TaskUpdate").implement({
  description: "One change of a task, with the task after it.",
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "TaskUpdate",
  fields: (t) => ({
    type: t.field({ type: TaskEventType, description: "What changed.", resolve: (e) => e.type }),
    task: t.field({ type: TaskType, description: "The task after the change.", resolve: (e) => e.task }),
  }),
});
const TaskUpdateResult = builder.unionType("TaskUpdateResult", { description: "A change of the task, or why it cannot be watched.", types: [TaskUpdate, TaskNotFound, Unauthorized] });

type Update = WholeEvent & { readonly __typename: "TaskUpdate" };

type StoredParams = Pick<TaskRecord, "params" | "requestParams">;

/**
 * An update with its task whole: the event's, or, when the event left its task's params out
 * (liveTask), with them read from the task's row (a task's params never change; every other
 * field stays the event's). Read once per task while it is among the server's last few read
 * (SubscriptionSharing.recent), whatever its events and subscribers: the reads fall on the key
 * whose params are that large, and the memory they hold stays bounded. Such an update is made
 * per subscriber and not shared (a shared one would live as long as the slowest subscriber's
 * unread events). A read that fails leaves the params out of that update: a subscriber that
 * selected them gets that field's error, and its feed goes on.
 */
const wholeUpdate = (event: TaskEvent, ctx: GraphQLContext): Update | Promise<Update> => {
  if (carriesParams(event.task)) return update(event as WholeEvent, ctx);
  return ctx.sharing.recent.get(event.task.id, () => readParams(event.task.id, ctx)).then(
    (stored) => toUpdate({ type: event.type, task: Object.assign({}, event.task, { params: stored.params, requestParams: stored.requestParams }) }),
    (error: unknown) => {
      ctx.services.logger.warn({ err: error, taskId: event.task.id }, "the params an event left out could not be read");
      return toUpdate(event as WholeEvent);
    },
  );
};
const readParams = async (id: string, ctx: GraphQLContext): Promise<StoredParams> => {
  const found = ctx.key ? await ctx.services.tasks.get(ctx.key, id) : undefined;
  if (!found?.ok) throw new Error(`the params of task ${id}, left out of its event, could not be read: ${found ? found.error.code : "no key"}`);
  return { params: found.value.params, requestParams: found.value.requestParams };
};
/**
 * One TaskUpdate per event and server: the in-process pub/sub hands every subscriber the same
 * event object, so they all get the same update too, and it is executed once for all of them
 * (src/graphql/plugins/shared-subscriptions.ts) instead of once per subscriber.
 */
const update = (event: WholeEvent, ctx: GraphQLContext): Update => ctx.sharing.events.get(event, "TaskUpdate", toUpdate, undefined);
const toUpdate = (event: WholeEvent): Update => Object.assign({ __typename: "TaskUpdate" as const }, event);

/** Final states a feed remembers (the latest ones): a repeat or a late event of such a task is dropped. */
const REMEMBERED_FINALS = 256;

/**
 * A feed's rule: an event that arrives after a later state of its task (isNewerState) is dropped,
 * so a feed never shows a task going back, nor its end twice (a relay publishes a transition
 * again when its process died before marking it published). It remembers the tasks it has seen
 * until their final state, and the last REMEMBERED_FINALS final states.
 */
class NewerStates implements Filter<TaskEvent> {
  private seen: Map<string, LiveTask> | undefined;
  /** Ids of the tasks seen final, oldest first. */
  private finals: Set<string> | undefined;
  accepts({ task }: TaskEvent): boolean {
    const last = this.seen?.get(task.id);
    if (last && (isFinal(last) || !isNewerState(task, last))) return false;
    (this.seen ??= new Map()).set(task.id, task);
    if (isFinal(task)) {
      const finals = (this.finals ??= new Set());
      finals.add(task.id);
      if (finals.size > REMEMBERED_FINALS) {
        const oldest = finals.values().next().value!;
        finals.delete(oldest);
        this.seen.delete(oldest);
      }
    }
    return true;
  }
}

type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
/**
 * One typed Dashboard per dashboard and server: the key's feed (src/services/live-dashboards.ts)
 * hands every subscriber of the key the same dashboard object, so they all get the same payload
 * and it is executed once for them (src/graphql/plugins/shared-subscriptions.ts).
 */
const typedDashboard = (dashboard: AccountDashboard, ctx: GraphQLContext): Dashboard => ctx.sharing.events.get(dashboard, "Dashboard", toTyped, undefined);
const toTyped = (dashboard: AccountDashboard): Dashboard => Object.assign({ __typename: "Dashboard" as const }, dashboard);

builder.subscriptionFields((t) => ({
  taskUpdated: t.field({
    type: TaskUpdateResult,
    description: "Every transition of one of the caller's tasks: first its current state at once, then each change; ends after FINISHED or FAILED. A key revoked while subscribed ends the subscription with a top-level error (`extensions` `{ code: \"UNAUTHORIZED\", reason: \"KEY_REVOKED\" }`), not an `Unauthorized` member; so does a client that leaves 1,000 events unread (`{ code: \"SUBSCRIBER_TOO_SLOW\" }`: subscribe again).",
    args: { id: t.arg.id({ required: true, description: "A task id of the caller's." }) },
    subscribe: (_root, args, ctx): AsyncIterable<Update | ServiceError> => {
      const key = ctx.key;
      if (!key) return only(unauthorized());
      const id = String(args.id);
      // Listen before reading, so nothing between the read and the first event is missed. The
      // caller's feed carries this task's transitions (only its owner may watch it).
      const events = ctx.services.pubsub.subscribe("keyTasks", key.id, { maxPending: UNREAD_EVENTS_MAX });
      return new EndingWith(
        (async function* (): AsyncGenerator<Update | ServiceError> {
          try {
            const found = await ctx.services.tasks.get(key, id);
            if (!found.ok) {
              yield found.error;
              return;
            }
            const current = found.value;
            yield { __typename: "TaskUpdate" as const, type: current.status, task: current };
            if (isFinal(current)) return;
            let last: LiveTask = current;
            for await (const event of events) {
              // Nothing older than what it has: an event that raced the read above, or a late one.
              if (event.task.id !== id || !isNewerState(event.task, last)) continue;
              last = event.task;
              yield wholeUpdate(event, ctx);
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
    description: "Every change to any of the caller's tasks, as it happens. A key revoked while subscribed ends the subscription with a top-level error (`extensions` `{ code: \"UNAUTHORIZED\", reason: \"KEY_REVOKED\" }`), not an `Unauthorized` member; so does a client that leaves 1,000 events unread (`{ code: \"SUBSCRIBER_TOO_SLOW\" }`: subscribe again).",
    subscribe: (_root, _args, ctx): AsyncIterable<Update | ServiceError> => {
      if (!ctx.key) return only(unauthorized());
      return new Mapped(new Filtered(ctx.services.pubsub.subscribe("keyTasks", ctx.key.id, { maxPending: UNREAD_EVENTS_MAX }), new NewerStates()), wholeUpdate, ctx);
    },
    resolve: (payload) => payload as never,
  }),
  meUpdated: t.field({
    type: MeResult,
    description: "The caller's dashboard (budget, slots, tasks): now, then after every change. A key revoked while subscribed ends the subscription with a top-level error (`extensions` `{ code: \"UNAUTHORIZED\", reason: \"KEY_REVOKED\" }`), not an `Unauthorized` member.",
    subscribe: (_root, _args, ctx): AsyncIterable<Dashboard | ServiceError> => {
      if (!ctx.key) return only(unauthorized());
      // The key's dashboard kept current by its events, shared by every meUpdated of the key.
      return new Mapped(ctx.services.dashboards.subscribe(ctx.key), typedDashboard, ctx);
    },
    resolve: (payload) => payload as never,
  }),
}));

