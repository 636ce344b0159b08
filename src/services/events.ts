import type { PubSub } from "../pubsub/pubsub.ts";
import type { TaskRecord } from "../store/task-store.ts";

/** What happened to a task; subscribers get the task as it is after the change. */
export type TaskEventType = "QUEUED" | "PROCESSING" | "PROGRESS" | "FINISHED" | "FAILED" | "REFUNDED";

export interface TaskEvent {
  readonly type: TaskEventType;
  readonly task: TaskRecord;
}

/** Something about a key changed (budget, slots): dashboards re-read it. */
export interface KeyStateEvent {
  readonly keyId: string;
  readonly reason: string;
}

/** The gateway's pub/sub topics: `task` by task id, `keyTasks` and `keyState` by key id. */
export type GatewayEvents = {
  task: TaskEvent;
  keyTasks: TaskEvent;
  keyState: KeyStateEvent;
  /** A key was revoked or its limit changed (id "all"): drop cached lookups. */
  keyChanged: { readonly keyId: string };
};

export type GatewayPubSub = PubSub<GatewayEvents>;

/** Publishes one task transition to the task's watchers, its owner's feed and its dashboard. */
export async function publishTaskEvent(pubsub: GatewayPubSub, type: TaskEventType, task: TaskRecord): Promise<void> {
  const event: TaskEvent = { type, task };
  await Promise.all([
    pubsub.publish("task", task.id, event),
    pubsub.publish("keyTasks", task.keyId, event),
    pubsub.publish("keyState", task.keyId, { keyId: task.keyId, reason: type }),
  ]);
}
