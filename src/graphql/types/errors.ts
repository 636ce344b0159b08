import { microsToUsd } from "../../kernel/money.ts";
import type { ServiceError, ServiceErrorCode } from "../../services/errors.ts";
import { builder } from "../builder.ts";

/**
 * Expected failures are union members, one object type per code, all implementing `Error`.
 * Every result union resolves its member from `__typename` (successes) or `code` (errors).
 */

const codes = [
  "UNAUTHORIZED",
  "FORBIDDEN",
  "MODEL_NOT_FOUND",
  "PROMPT_TOO_LONG",
  "QUANTITY_TOO_HIGH",
  "INVALID_PARAMS",
  "INSUFFICIENT_BUDGET",
  "RATE_LIMITED",
  "TASK_NOT_FOUND",
  "IDEMPOTENCY_KEY_REUSED",
  "IDEMPOTENCY_IN_PROGRESS",
  "UPLOAD_REJECTED",
  "KEY_NOT_FOUND",
  "MODEL_UNAVAILABLE",
] as const satisfies readonly ServiceErrorCode[];

export const ErrorCode = builder.enumType("ErrorCode", {
  description: "Stable codes, the same as the REST API's `code`.",
  values: {
    UNAUTHORIZED: { description: "No valid API key was presented (REST 401)." },
    FORBIDDEN: { description: "The operation needs the admin token (REST 403)." },
    MODEL_NOT_FOUND: { description: "No model has that id (REST 404)." },
    PROMPT_TOO_LONG: { description: "The prompt is over 1,500 characters (REST 400)." },
    QUANTITY_TOO_HIGH: { description: "More outputs than 8 or than the model allows (REST 400)." },
    INVALID_PARAMS: { description: "Parameters the model cannot take (REST 400)." },
    INSUFFICIENT_BUDGET: { description: "Not even the cheapest downgrade fits today's remaining budget (REST 402)." },
    RATE_LIMITED: { description: "A per-key generation limit, or the failed-authentication throttle (REST 429)." },
    TASK_NOT_FOUND: { description: "No task with that id belongs to this key (REST 404)." },
    IDEMPOTENCY_KEY_REUSED: { description: "The idempotency key was used with another request (REST 422)." },
    IDEMPOTENCY_IN_PROGRESS: { description: "The first request with this idempotency key is still being accepted (REST 409)." },
    UPLOAD_REJECTED: { description: "An upload over the size limit or of a media type not taken (REST 413 or 415)." },
    KEY_NOT_FOUND: { description: "No API key has that id (admin operations)." },
    MODEL_UNAVAILABLE: { description: "The model exists but nothing this gateway is configured with runs it (no vendor routes it, simulation of such models is off); nothing is charged (REST 422)." },
  } satisfies Record<(typeof codes)[number], { description: string }>,
});

export const ErrorInterface = builder.interfaceRef<ServiceError>("Error").implement({
  description: "An expected failure: a stable code and a message for people.",
  fields: (t) => ({
    code: t.field({ type: ErrorCode, description: "What failed, as a stable code (the REST API's `code`).", resolve: (e) => e.code as (typeof codes)[number] }),
    message: t.exposeString("message", { description: "What failed, in words for people (may change; match on `code`)." }),
  }),
});

type ErrorOf<C extends ServiceErrorCode> = Extract<ServiceError, { code: C }>;

const errorType = <C extends ServiceErrorCode>(
  name: string,
  code: C,
  description: string,
  fields?: Parameters<ReturnType<typeof builder.objectRef<ErrorOf<C>>>["implement"]>[0]["fields"],
) =>
  builder.objectRef<ErrorOf<C>>(name).implement({
    description,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => (value as { code?: string }).code === code,
    ...(fields ? { fields } : {}),
  });

const ParamIssue = builder.objectRef<{ field: string; reason: string }>("ParamIssue").implement({
  description: "One parameter the model cannot take.",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The parameter's name, as REST's `params` spells it." }),
    reason: t.exposeString("reason", { description: "Why it cannot be taken, e.g. the allowed values." }),
  }),
});

export const Unauthorized = errorType("Unauthorized", "UNAUTHORIZED", "No valid API key (Authorization: Bearer sk-...).");
export const Forbidden = errorType("Forbidden", "FORBIDDEN", "Needs the admin token.");
export const ModelNotFound = errorType("ModelNotFound", "MODEL_NOT_FOUND", "No model with that id.", (t) => ({
  model: t.exposeString("model", { description: "The model id that was asked for." }),
  suggestions: t.exposeStringList("suggestions", { description: "Close model ids, nearest first." }),
}));
export const PromptTooLong = errorType("PromptTooLong", "PROMPT_TOO_LONG", "The prompt is over 1,500 characters.", (t) => ({
  length: t.exposeInt("length", { description: "Characters in the prompt sent." }),
  max: t.exposeInt("max", { description: "Characters a prompt may have." }),
}));
export const QuantityTooHigh = errorType("QuantityTooHigh", "QUANTITY_TOO_HIGH", "More outputs than 8 or than the model allows.", (t) => ({
  quantity: t.exposeFloat("quantity", { description: "Outputs asked for." }),
  max: t.exposeInt("max", { description: "Outputs this model makes at most per request." }),
}));
export const InvalidParams = errorType("InvalidParams", "INVALID_PARAMS", "Parameters the model cannot take, each with its reason.", (t) => ({
  issues: t.field({ type: [ParamIssue], description: "Each parameter the model cannot take, with its reason.", resolve: (e) => [...e.issues] }),
}));
export const InsufficientBudget = errorType("InsufficientBudget", "INSUFFICIENT_BUDGET", "Even the cheapest downgrade costs more than today's remaining budget.", (t) => ({
  cheapestCost: t.float({ description: "USD of the cheapest downgrade of the request.", resolve: (e) => microsToUsd(e.cheapestCost) }),
  remaining: t.float({ description: "USD left of today's budget.", resolve: (e) => microsToUsd(e.remaining) }),
}));
export const LimitReason = builder.enumType("LimitReason", {
  description: "Which limit refused a request.",
  values: {
    CONCURRENCY: { description: "5 generations of the key in flight." },
    WINDOW: { description: "5 generation requests of the key in the last 30 s." },
    AUTH_FAILURES: { description: "Too many failed authentications from the client's address (GATEAI_AUTH_FAILURES_PER_MINUTE). Never a `RateLimited` member: such a request is answered HTTP 429 with Retry-After and a top-level error whose `extensions` are `{ code: \"RATE_LIMITED\", reason: \"AUTH_FAILURES\", retryAfterSeconds }`, before the document is read (over graphql-ws such a caller is anonymous: `Unauthorized`)." },
  } as const,
});
export const RateLimited = errorType("RateLimited", "RATE_LIMITED", "5 generations in flight, or 5 requests in the last 30 s.", (t) => ({
  reason: t.field({ type: LimitReason, description: "Which limit refused the request.", resolve: (e) => e.reason }),
  retryAfterSeconds: t.int({ description: "Seconds until a retry can pass this limit (REST's Retry-After).", resolve: (e) => Math.max(1, Math.ceil(e.retryAfterMs / 1000)) }),
}));
export const TaskNotFound = errorType("TaskNotFound", "TASK_NOT_FOUND", "No task with that id for this key.", (t) => ({
  taskId: t.exposeID("taskId", { description: "The task id that was asked for." }),
}));
export const IdempotencyKeyReused = errorType("IdempotencyKeyReused", "IDEMPOTENCY_KEY_REUSED", "The idempotency key was used with another request.");
export const IdempotencyInProgress = errorType("IdempotencyInProgress", "IDEMPOTENCY_IN_PROGRESS", "The first request with this idempotency key is still being accepted.");
export const KeyNotFound = errorType("KeyNotFound", "KEY_NOT_FOUND", "No API key with that id.");
export const ModelUnavailable = errorType(
  "ModelUnavailable",
  "MODEL_UNAVAILABLE",
  "The model exists but this gateway cannot run it with its configuration (see AiModel.available); nothing was charged.",
  (t) => ({
    model: t.exposeString("model", { description: "The model id that was asked for." }),
  }),
);

/** The errors `normalize` can produce, shared by every request-shaped field. */
export const requestErrors = [ModelNotFound, PromptTooLong, QuantityTooHigh, InvalidParams] as const;
