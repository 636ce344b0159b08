import type { PubSub } from "./ports/pubsub.ts";
import type { TaskRecord } from "../adapters/postgres/task-store.ts";

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

/**
 * The gateway's pub/sub topics, by key id: `keyTasks` carries every transition of the key's
 * tasks (its task feed, each task's watchers and its dashboard all read it: one publish per
 * transition, where a topic per reader cost three), `keyState` the key's other changes (a slot
 * that freed itself).
 */
export type GatewayEvents = {
  keyTasks: TaskEvent;
  keyState: KeyStateEvent;
  /** A key was revoked or its limit changed (id "all"): drop cached lookups. */
  keyChanged: { readonly keyId: string };
};

export type GatewayPubSub = PubSub<GatewayEvents>;

/** Publishes one task transition to its owner's feed, the task's watchers and the owner's dashboard. */
export async function publishTaskEvent(pubsub: GatewayPubSub, type: TaskEventType, task: TaskRecord): Promise<void> {
  await pubsub.publish("keyTasks", task.keyId, { type, task });
}

/**
 * Where a task is in its life, as numbers that only grow: a final state after everything else,
 * then the attempt (a requeue after the attempt it ends, the next start after the requeue), then
 * progress, then the refund. Read from the state, not from `updatedAt`: the gateways that write a
 * task's transitions need not share a clock.
 */
const FINAL_PHASE = Number.MAX_SAFE_INTEGER;
const phase = (task: TaskRecord): number =>
  isFinal(task) ? FINAL_PHASE : task.status === "QUEUED" ? 2 * task.attempts : 2 * task.attempts - 1;

/** FINISHED or FAILED: nothing follows but, at most, a refund. */
export const isFinal = (task: TaskRecord): boolean => task.status === "FINISHED" || task.status === "FAILED";

/**
 * Whether `task` is a later state than `than`. Events of one task can reach a subscriber out of
 * order (several processes publish them) or repeat a state it already read: a watcher passes on
 * only what is newer, so a task never seems to go back.
 */
export function isNewerState(task: TaskRecord, than: TaskRecord): boolean {
  const a = phase(task);
  const b = phase(than);
  if (a !== b) return a > b;
  if (task.progress !== than.progress) return task.progress > than.progress;
  return task.refunded && !than.refunded;
}
