import { BOUNDS, isStorableText, jsonInputIssue, PARAMS_BOUNDS, UNSTORABLE_TEXT, type InputIssue } from "../kernel/bounds.ts";

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

/** Why a model id is refused before any lookup: longer than any model id can be, or not text. */
export function modelIdIssue(model: string, field = "model"): InputIssue | undefined {
  if (model.length > BOUNDS.modelId) return { field, reason: `longer than ${BOUNDS.modelId} characters (no model id is)` };
  if (!isStorableText(model)) return { field, reason: UNSTORABLE_TEXT };
  return undefined;
}

/**
 * The rule both faces apply to a generation request's model id and params before any work (the
 * engine, fuzzy suggestions, the database): the model id at most 100 characters, and every
 * string of the params (keys included) storable text, within the params' nesting and size bounds
 * (src/kernel/bounds.ts). Undefined when the request may go on; else the issue, as INVALID_PARAMS
 * (REST 400). `model` must already be a model id (`isModelId`).
 */
export function generationRequestIssue(model: string, params: unknown): InputIssue | undefined {
  return modelIdIssue(model) ?? jsonInputIssue(params, "params", PARAMS_BOUNDS);
}
