import { liveTask, type LiveTask, type TaskEvent, type TaskEventType } from "../domain/task-events.ts";
import type { Micros } from "../kernel/money.ts";
import type { TaskRecord } from "../domain/task.ts";
import type { PubSub } from "./ports/pubsub.ts";

/** Something about a key changed (budget, slots): dashboards re-read it. */
export interface KeyStateEvent {
  readonly keyId: string;
  readonly reason: string;
}

/**
 * The gateway's pub/sub topics, by key id: `keyTasks` carries every transition of the key's
 * tasks (its task feed, each task's watchers and its dashboard all read it: one publish per
 * transition), `keyState` the key's other changes (a slot that freed itself).
 */
export type GatewayEvents = {
  keyTasks: TaskEvent;
  keyState: KeyStateEvent;
  /**
   * A key was revoked or its limit changed (id "all"): drop cached lookups; a revocation also
   * ends the key's live subscriptions (src/services/live-limits.ts), a limit change (`dailyLimit`,
   * the limit in force) reaches its live dashboards (src/services/live-dashboards.ts).
   */
  keyChanged: { readonly keyId: string; readonly revoked?: boolean; readonly dailyLimit?: Micros };
};

export type GatewayPubSub = PubSub<GatewayEvents>;

/**
 * Publishes one task transition to its owner's feed, the task's watchers and the owner's
 * dashboard; large params are left out of it (liveTask).
 */
export async function publishTaskEvent(pubsub: GatewayPubSub, type: TaskEventType, task: LiveTask): Promise<void> {
  await pubsub.publish("keyTasks", task.keyId, { type, task: liveTask(task) });
}
