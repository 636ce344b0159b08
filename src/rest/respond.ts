import type { ServerResponse } from "node:http";
import { microsToUsd } from "../kernel/money.ts";
import type { ServiceError, ServiceErrorCode } from "../services/errors.ts";

/** The HTTP status of each error code: the REST face's one mapping. */
const statusByCode: Record<
  ServiceErrorCode | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "BAD_REQUEST" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "INTERNAL_ERROR",
  number
> = {
  PROMPT_TOO_LONG: 400,
  QUANTITY_TOO_HIGH: 400,
  INVALID_PARAMS: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  INSUFFICIENT_BUDGET: 402,
  FORBIDDEN: 403,
  MODEL_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  KEY_NOT_FOUND: 404,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  IDEMPOTENCY_IN_PROGRESS: 409,
  UPLOAD_REJECTED: 413,
  // A JSON body over the REST face's cap (never reaches a service).
  PAYLOAD_TOO_LARGE: 413,
  // The status of an upload refused for its media type (still code UPLOAD_REJECTED).
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  // A fact of the gateway's configuration, not a transient failure (503 would invite retries).
  MODEL_UNAVAILABLE: 422,
  RATE_LIMITED: 429,
  UPLOAD_QUOTA_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
};

export const statusOf = (code: keyof typeof statusByCode): number => statusByCode[code];

export function sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

/** Sends JSON serialized ahead of time (static answers such as the model catalog). */
export function sendJsonText(res: ServerResponse, status: number, payload: string, headers?: Record<string, string>): void {
  const head = { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(payload) };
  res.writeHead(status, headers ? Object.assign(head, headers) : head);
  res.end(payload);
}

/** `{ "error": message, "code": CODE, ...details }`: details in snake_case, money in dollars. */
export function errorBody(error: ServiceError | { code: string; message: string }): Record<string, unknown> {
  const body: Record<string, unknown> = { error: error.message, code: error.code };
  switch (error.code) {
    case "MODEL_NOT_FOUND":
      if ("suggestions" in error) body.suggestions = error.suggestions;
      break;
    case "MODEL_UNAVAILABLE":
      if ("model" in error) body.model = error.model;
      break;
    case "PROMPT_TOO_LONG":
      if ("length" in error) Object.assign(body, { length: error.length, max: error.max });
      break;
    case "QUANTITY_TOO_HIGH":
      if ("quantity" in error) Object.assign(body, { quantity: error.quantity, max: error.max });
      break;
    case "INVALID_PARAMS":
      if ("issues" in error) body.issues = error.issues;
      break;
    case "INSUFFICIENT_BUDGET":
      if ("cheapestCost" in error) Object.assign(body, { cheapest_cost: microsToUsd(error.cheapestCost), remaining: microsToUsd(error.remaining) });
      break;
    case "RATE_LIMITED":
      if ("retryAfterMs" in error) Object.assign(body, { reason: error.reason, retry_after: Math.ceil(error.retryAfterMs / 1000) });
      break;
    case "TASK_NOT_FOUND":
      if ("taskId" in error) body.task_id = error.taskId;
      break;
    case "UPLOAD_REJECTED":
      if ("maxBytes" in error && error.maxBytes !== undefined) body.max_bytes = error.maxBytes;
      break;
    case "UPLOAD_QUOTA_EXCEEDED":
      if ("quota" in error) Object.assign(body, { quota: error.quota, limit: error.limit }, error.retryAfterMs !== undefined ? { retry_after: Math.ceil(error.retryAfterMs / 1000) } : {});
      break;
  }
  return body;
}

/** Sends an expected failure with its status (and Retry-After for RATE_LIMITED and a daily upload quota). */
export function sendError(res: ServerResponse, status: number | undefined, error: ServiceError | { code: string; message: string }): void {
  const headers: Record<string, string> = {};
  if ((error.code === "RATE_LIMITED" || error.code === "UPLOAD_QUOTA_EXCEEDED") && "retryAfterMs" in error && error.retryAfterMs !== undefined) headers["retry-after"] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
  sendJson(res, status ?? statusOf(error.code as keyof typeof statusByCode) ?? 400, errorBody(error), headers);
}
