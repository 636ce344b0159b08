import { BOUNDS, isBoundedId, truncateForEcho } from "../kernel/bounds.ts";
import { err, ok, type Result } from "../kernel/result.ts";
import type { TaskRecord } from "../domain/task.ts";
import { taskNotFound, type ServiceError } from "./errors.ts";
import type { ApiKeyRecord } from "./keys.ts";
import type { TaskPageQuery, TaskRepo } from "./ports/task-repo.ts";

/** The most tasks one page holds (src/kernel/bounds.ts). */
export const MAX_TASK_PAGE: number = BOUNDS.taskPage;

/** Reading a key's tasks. A task of another key is as missing as a missing one. */
export interface TaskService {
  /** An id longer than an id can be, or not storable text, names no task: not found, without a database read. */
  get(key: ApiKeyRecord, id: string): Promise<Result<TaskRecord, ServiceError>>;
  /**
   * A page of the key's tasks, newest first; `first` is clamped to 1..MAX_TASK_PAGE. A cursor or
   * model that no task can have (over the id bounds, not storable text) matches nothing, as an
   * unknown cursor does.
   */
  list(key: ApiKeyRecord, query: Omit<TaskPageQuery, "keyId">): Promise<{ tasks: TaskRecord[]; hasMore: boolean }>;
}

export function createTaskService(deps: { tasks: TaskRepo }): TaskService {
  return {
    async get(key, id) {
      if (!isBoundedId(id)) return err(taskNotFound(truncateForEcho(id)));
      const task = await deps.tasks.find(id);
      return task && task.keyId === key.id ? ok(task) : err(taskNotFound(id));
    },
    async list(key, query) {
      if ((query.after !== undefined && !isBoundedId(query.after)) || (query.model !== undefined && !isBoundedId(query.model, BOUNDS.modelId)))
        return { tasks: [], hasMore: false };
      const first = Math.max(1, Math.min(MAX_TASK_PAGE, Math.trunc(query.first) || 1));
      const status = query.status ? [...new Set(query.status)] : undefined;
      return deps.tasks.list(Object.assign({}, query, { keyId: key.id, first }, status ? { status } : {}));
    },
  };
}
