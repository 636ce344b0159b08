import { err, ok, type Result } from "../kernel/result.ts";
import type { TaskRecord } from "../domain/task.ts";
import { taskNotFound, type ServiceError } from "./errors.ts";
import type { ApiKeyRecord } from "./keys.ts";
import type { TaskPageQuery, TaskRepo } from "./ports/task-repo.ts";

/** The most tasks one page holds. */
export const MAX_TASK_PAGE = 100;

/** Reading a key's tasks. A task of another key is as missing as a missing one. */
export interface TaskService {
  get(key: ApiKeyRecord, id: string): Promise<Result<TaskRecord, ServiceError>>;
  /** A page of the key's tasks, newest first; `first` is clamped to 1..MAX_TASK_PAGE. */
  list(key: ApiKeyRecord, query: Omit<TaskPageQuery, "keyId">): Promise<{ tasks: TaskRecord[]; hasMore: boolean }>;
}

export function createTaskService(deps: { tasks: TaskRepo }): TaskService {
  return {
    async get(key, id) {
      const task = await deps.tasks.find(id);
      return task && task.keyId === key.id ? ok(task) : err(taskNotFound(id));
    },
    list(key, query) {
      const first = Math.max(1, Math.min(MAX_TASK_PAGE, Math.trunc(query.first)));
      return deps.tasks.list(Object.assign({}, query, { keyId: key.id, first }));
    },
  };
}
