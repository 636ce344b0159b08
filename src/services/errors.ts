import type { EngineError } from "../engine/errors.ts";
import type { UploadRefusal } from "./ports/file-store.ts";

/** Every expected failure a client can see, with its stable code (REST and GraphQL share them). */
export type ServiceError =
  | EngineError
  | { readonly code: "UNAUTHORIZED"; readonly message: string }
  | { readonly code: "FORBIDDEN"; readonly message: string }
  | {
      readonly code: "RATE_LIMITED";
      readonly message: string;
      /** CONCURRENCY and WINDOW: the key's generation limits; AUTH_FAILURES: the client address failed authentication too often. */
      readonly reason: "CONCURRENCY" | "WINDOW" | "AUTH_FAILURES";
      readonly retryAfterMs: number;
    }
  | { readonly code: "TASK_NOT_FOUND"; readonly message: string; readonly taskId: string }
  | { readonly code: "IDEMPOTENCY_KEY_REUSED"; readonly message: string }
  | { readonly code: "IDEMPOTENCY_IN_PROGRESS"; readonly message: string }
  | { readonly code: "UPLOAD_REJECTED"; readonly message: string; readonly maxBytes?: number }
  | Extract<UploadRefusal, { readonly code: "UPLOAD_QUOTA_EXCEEDED" }>
  | { readonly code: "KEY_NOT_FOUND"; readonly message: string }
  /**
   * The model is in the catalog but nothing this gateway is configured with runs it (no vendor
   * with accounts routes it and the simulation of unrouted models is off): refused before any
   * charge. A configuration fact, not a transient one: retrying does not help until it changes.
   */
  | { readonly code: "MODEL_UNAVAILABLE"; readonly message: string; readonly model: string };

export type ServiceErrorCode = ServiceError["code"];

export const unauthorized = (): ServiceError => ({
  code: "UNAUTHORIZED",
  message: "A valid API key is required: Authorization: Bearer sk-...",
});

export const taskNotFound = (taskId: string): ServiceError => ({ code: "TASK_NOT_FOUND", message: `Task not found: ${taskId}`, taskId });

export const modelUnavailable = (model: string): ServiceError => ({
  code: "MODEL_UNAVAILABLE",
  message: `Model ${model} is not available on this gateway: no configured vendor runs it and simulation of such models is off`,
  model,
});

/**
 * Thrown by generate when a backing service failed after the charge was sent and the task may
 * exist (its answer lost, or the database unable to say): the client must not be told that
 * nothing was charged. `taskId` is the id the task has if it was accepted (GET /get/{id} says,
 * once the database answers: a statement whose connection dropped may still commit).
 * Recognised by its name at the request edge (src/http/unavailable.ts).
 */
export class ChargeOutcomeUnknown extends Error {
  override readonly name = "ChargeOutcomeUnknown";
  constructor(
    readonly taskId: string,
    cause: unknown,
  ) {
    super(`The charge of task ${taskId} was sent, and its outcome is unknown`, { cause });
  }
}
