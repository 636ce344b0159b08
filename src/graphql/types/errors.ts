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
] as const satisfies readonly ServiceErrorCode[];

export const ErrorCode = builder.enumType("ErrorCode", {
  description: "Stable codes, the same as the REST API's `code`.",
  values: codes,
});

export const ErrorInterface = builder.interfaceRef<ServiceError>("Error").implement({
  description: "An expected failure: a stable code and a message for people.",
  fields: (t) => ({
    code: t.field({ type: ErrorCode, resolve: (e) => e.code as (typeof codes)[number] }),
    message: t.exposeString("message"),
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
  fields: (t) => ({ field: t.exposeString("field"), reason: t.exposeString("reason") }),
});

export const Unauthorized = errorType("Unauthorized", "UNAUTHORIZED", "No valid API key (Authorization: Bearer sk-...).");
export const Forbidden = errorType("Forbidden", "FORBIDDEN", "Needs the admin token.");
export const ModelNotFound = errorType("ModelNotFound", "MODEL_NOT_FOUND", "No model with that id.", (t) => ({
  model: t.exposeString("model"),
  suggestions: t.exposeStringList("suggestions", { description: "Close model ids, nearest first." }),
}));
export const PromptTooLong = errorType("PromptTooLong", "PROMPT_TOO_LONG", "The prompt is over 1,500 characters.", (t) => ({
  length: t.exposeInt("length"),
  max: t.exposeInt("max"),
}));
export const QuantityTooHigh = errorType("QuantityTooHigh", "QUANTITY_TOO_HIGH", "More outputs than 8 or than the model allows.", (t) => ({
  quantity: t.exposeFloat("quantity"),
  max: t.exposeInt("max"),
}));
export const InvalidParams = errorType("InvalidParams", "INVALID_PARAMS", "Parameters the model cannot take, each with its reason.", (t) => ({
  issues: t.field({ type: [ParamIssue], resolve: (e) => [...e.issues] }),
}));
export const InsufficientBudget = errorType("InsufficientBudget", "INSUFFICIENT_BUDGET", "Even the cheapest downgrade costs more than today's remaining budget.", (t) => ({
  cheapestCost: t.float({ description: "USD.", resolve: (e) => microsToUsd(e.cheapestCost) }),
  remaining: t.float({ description: "USD.", resolve: (e) => microsToUsd(e.remaining) }),
}));
export const LimitReason = builder.enumType("LimitReason", {
  values: {
    CONCURRENCY: { description: "5 generations of the key in flight." },
    WINDOW: { description: "5 generation requests of the key in the last 30 s." },
    AUTH_FAILURES: { description: "Too many failed authentications from the client's address (GATEAI_AUTH_FAILURES_PER_MINUTE)." },
  } as const,
});
export const RateLimited = errorType("RateLimited", "RATE_LIMITED", "5 generations in flight, or 5 requests in the last 30 s.", (t) => ({
  reason: t.field({ type: LimitReason, resolve: (e) => e.reason }),
  retryAfterSeconds: t.int({ resolve: (e) => Math.max(1, Math.ceil(e.retryAfterMs / 1000)) }),
}));
export const TaskNotFound = errorType("TaskNotFound", "TASK_NOT_FOUND", "No task with that id for this key.", (t) => ({
  taskId: t.exposeID("taskId"),
}));
export const IdempotencyKeyReused = errorType("IdempotencyKeyReused", "IDEMPOTENCY_KEY_REUSED", "The idempotency key was used with another request.");
export const IdempotencyInProgress = errorType("IdempotencyInProgress", "IDEMPOTENCY_IN_PROGRESS", "The first request with this idempotency key is still being accepted.");
export const KeyNotFound = errorType("KeyNotFound", "KEY_NOT_FOUND", "No API key with that id.");

/** The errors `normalize` can produce, shared by every request-shaped field. */
export const requestErrors = [ModelNotFound, PromptTooLong, QuantityTooHigh, InvalidParams] as const;
