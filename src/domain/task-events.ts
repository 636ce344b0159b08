import { isFinal, type TaskRecord } from "./task.ts";

/** What happened to a task; subscribers get the task as it is after the change. */
export type TaskEventType = "QUEUED" | "PROCESSING" | "PROGRESS" | "FINISHED" | "FAILED" | "REFUNDED";

/**
 * A task as live updates carry it (its events, and the dashboards they keep current): a
 * TaskRecord whose `params` and `requestParams` may be left out, together (see `liveTask`).
 */
export type LiveTask = Omit<TaskRecord, "params" | "requestParams"> & Partial<Pick<TaskRecord, "params" | "requestParams">>;

export interface TaskEvent {
  readonly type: TaskEventType;
  readonly task: LiveTask;
}

/**
 * Characters of JSON a task event carries of its `params` and `requestParams` together, at most.
 * Each may hold up to BOUNDS.storedParams (512 KiB), and every event of a task goes to every
 * process that watches its key and may wait there, up to a subscription's unread bound, in
 * memory: a client's large params would make each of its events that large, parsed on the event
 * loop that serves everyone. Past this bound they are left out, and a reader that asks for them
 * reads them from the task's row. A request's params are usually a few hundred characters.
 */
export const EVENT_PARAMS_MAX = 16 * 1024;

/** The task as its event carries it: whole, or without its params when they are over EVENT_PARAMS_MAX. */
export function liveTask(task: LiveTask): LiveTask {
  if (task.params === undefined) return task;
  const size = JSON.stringify(task.params).length + (JSON.stringify(task.requestParams)?.length ?? 0);
  return size <= EVENT_PARAMS_MAX ? task : withoutParams(task);
}

/** The task with its `params` and `requestParams` left out, together. */
export function withoutParams(task: LiveTask): LiveTask {
  const { params: _params, requestParams: _requestParams, ...rest } = task;
  return rest;
}

/** Whether an event's task carries its params (liveTask leaves large ones out). */
export const carriesParams = (task: LiveTask): task is TaskRecord => task.params !== undefined;

/** What tells a task's states apart (isNewerState, stateEventType, TaskRepo.markPublished). */
export type TaskState = Pick<TaskRecord, "id" | "status" | "attempts" | "progress" | "refunded">;

/**
 * Where a task is in its life, as numbers that only grow: a final state after everything else,
 * then the attempt (a requeue after the attempt it ends, the next start after the requeue), then
 * progress, then the refund. Read from the state, not from `updatedAt`: the gateways that write a
 * task's transitions need not share a clock.
 */
const FINAL_PHASE = Number.MAX_SAFE_INTEGER;
const phase = (task: TaskState): number =>
  isFinal(task) ? FINAL_PHASE : task.status === "QUEUED" ? 2 * task.attempts : 2 * task.attempts - 1;

/**
 * Whether `task` is a later state than `than`. Events of one task can reach a subscriber out of
 * order (several processes publish them) or repeat a state it already read: a watcher passes on
 * only what is newer, so a task never seems to go back.
 */
export function isNewerState(task: TaskState, than: TaskState): boolean {
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
export function stateEventType(task: TaskState): TaskEventType {
  if (task.status === "FINISHED" || task.status === "FAILED") return task.status;
  if (task.refunded) return "REFUNDED";
  if (task.status === "QUEUED") return "QUEUED";
  return task.progress > 0 ? "PROGRESS" : "PROCESSING";
}
