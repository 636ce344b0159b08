/**
 * What both faces require of a generation request's `model` before the engine sees it: a
 * non-empty string. Without one the request is malformed (REST 400 BAD_REQUEST, GraphQL
 * `InvalidParams` on the field `model`), as the spec's request body requires `model`; only a
 * model id that names no model is MODEL_NOT_FOUND (with suggestions).
 */
export const isModelId = (value: unknown): value is string => typeof value === "string" && value !== "";

/** Why a request without a model id is refused (REST's message). */
export const MODEL_REQUIRED = "`model` is required and must be a string";

/** The same, as a parameter issue (GraphQL's `InvalidParams`). */
export const MODEL_REQUIRED_ISSUE = { field: "model", reason: "required: a model id, not empty" } as const;
