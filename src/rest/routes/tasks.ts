import type { GatewayServices } from "../../services/gateway-services.ts";
import { truncateForEcho } from "../../kernel/bounds.ts";
import { taskNotFound } from "../../services/errors.ts";
import { originOf } from "../../http/origin.ts";
import { presentTask } from "../presenters/task.ts";
import { sendError, sendJson } from "../respond.ts";
import { pathSegment } from "../path.ts";
import type { AuthenticatedHandler } from "../route.ts";

/** GET /get/{task_id}: a task of the caller's. Another key's task is as missing as a missing one. */
export function taskRoute(services: GatewayServices): AuthenticatedHandler {
  return async ({ req, res, key, tail }) => {
    const taskId = pathSegment(tail);
    if (taskId === undefined) return sendError(res, undefined, taskNotFound(truncateForEcho(tail)));
    const task = await services.tasks.get(key, taskId);
    if (!task.ok) return sendError(res, undefined, task.error);
    sendJson(res, 200, presentTask(task.value, originOf(req, services.config)));
  };
}
