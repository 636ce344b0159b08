// The console's one view of each task, from two streams (the dashboard of `meUpdated` and the
// updates of `myTasks`) and its own answers (generate, tasks): pure, so it is tested on its own.
import type { TaskFieldsFragment } from "./gql/graphql.ts";

export type Task = TaskFieldsFragment;

/** Tasks the console keeps in memory at most: the newest win. */
export const MAX_TASKS = 200;

const STAGE: Readonly<Record<Task["status"], number>> = { QUEUED: 0, PROCESSING: 1, FINISHED: 2, FAILED: 2 };

/**
 * Whether `b` is a later report of the same task than `a`. The two subscriptions are separate
 * streams, so a dashboard may arrive after a newer task update: a task only moves forward
 * (stage, then progress, then a refund).
 */
export const isLater = (a: Task, b: Task): boolean =>
  STAGE[b.status] !== STAGE[a.status] ? STAGE[b.status] > STAGE[a.status] : b.progress !== a.progress ? b.progress > a.progress : b.refunded || !a.refunded;

/** `known` with `incoming` merged in: a report replaces an earlier one only; at most MAX_TASKS, newest first kept. */
export function mergeTasks(known: ReadonlyMap<string, Task>, incoming: readonly Task[]): Map<string, Task> {
  const next = new Map(known);
  for (const task of incoming) {
    const seen = next.get(task.id);
    if (!seen || isLater(seen, task)) next.set(task.id, task);
  }
  if (next.size <= MAX_TASKS) return next;
  const newest = [...next.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_TASKS);
  return new Map(newest.map((t) => [t.id, t]));
}
