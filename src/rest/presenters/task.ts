import { microsToUsd } from "../../kernel/money.ts";
import type { Accepted } from "../../services/generation.ts";
import type { TaskRecord } from "../../domain/task.ts";
import { absoluteUrl } from "../../http/origin.ts";
import { presentAdjustments } from "./adjustments.ts";

const iso = (ms: number): string => new Date(ms).toISOString();

/** The answer to POST /api/generate. `url` stays relative, as in the spec's example. */
export function presentAccepted(accepted: Accepted): Record<string, unknown> {
  const { task } = accepted;
  return {
    task_id: task.id,
    url: `/get/${task.id}`,
    status: task.status,
    model: task.model,
    cost: microsToUsd(accepted.cost),
    remaining: microsToUsd(accepted.remaining),
    params: task.params,
    adjustments: presentAdjustments(accepted.adjustments),
  };
}

/**
 * The answer to GET /get/{task_id}: result (and 3D .glb) URLs absolute, times ISO 8601. The
 * params are left out (clients poll this, and params may hold inline data: references);
 * `adjustments` says what differs from the request.
 */
export function presentTask(task: TaskRecord, origin: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    task_id: task.id,
    status: task.status,
    result: task.result.map((path) => absoluteUrl(origin, path)),
    model: task.model,
    cost: microsToUsd(task.cost),
  };
  if (task.error !== null) body.error = task.error;
  if (task.output === "3d" || task.glbUrls.length > 0) body.glb_urls = task.glbUrls.map((path) => absoluteUrl(origin, path));
  body.progress = task.progress;
  body.refunded = task.refunded;
  body.adjustments = presentAdjustments(task.adjustments);
  body.created_at = iso(task.createdAt);
  if (task.finishedAt !== null) body.finished_at = iso(task.finishedAt);
  return body;
}
