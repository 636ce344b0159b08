import { isFinal, type TaskRecord } from "./task.ts";

/** What happened to a task; subscribers get the task as it is after the change. */
export type TaskEventType = "QUEUED" | "PROCESSING" | "PROGRESS" | "FINISHED" | "FAILED" | "REFUNDED";

export interface TaskEvent {
  readonly type: TaskEventType;
  readonly task: TaskRecord;
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

/**
 * The event that tells a task's current state when the event of the transition itself may have
 * been lost (a republish from the stored row): final states by name, a refund of an unfinished
 * task as REFUNDED, then the status, PROGRESS once a running task has progressed.
 */
export function stateEventType(task: TaskRecord): TaskEventType {
  if (task.status === "FINISHED" || task.status === "FAILED") return task.status;
  if (task.refunded) return "REFUNDED";
  if (task.status === "QUEUED") return "QUEUED";
  return task.progress > 0 ? "PROGRESS" : "PROCESSING";
}
