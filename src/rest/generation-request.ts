import type { IncomingMessage } from "node:http";
import type { GenerationRequest } from "../engine/engine.ts";
import { invalidParams, type EngineError } from "../engine/errors.ts";
import { generationRequestIssue, isModelId, MODEL_REQUIRED } from "../http/generation-request.ts";
import { checkIdempotencyKey, type IdempotencyKeyCheck } from "../http/idempotency-key.ts";

/** A body that is not a generation request: malformed (400 BAD_REQUEST) or over a bound / not text (400 INVALID_PARAMS). */
export type RequestRefusal = { readonly code: "BAD_REQUEST"; readonly message: string } | EngineError;

/**
 * `{model, type?, params}` → the services' request, or why it is refused. The shape is checked
 * here, and the bounds both faces share (src/http/generation-request.ts: model id length, params
 * text, nesting and size); whether the model and params are valid is the engine's business.
 * `type` is informational in the spec (the model decides what is generated) and is ignored.
 */
export function parseGenerationRequest(body: unknown): { readonly ok: true; readonly request: GenerationRequest } | { readonly ok: false; readonly error: RequestRefusal } {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { ok: false, error: { code: "BAD_REQUEST", message: "The request body must be a JSON object: {model, type?, params}" } };
  const { model, params } = body as Record<string, unknown>;
  if (!isModelId(model)) return { ok: false, error: { code: "BAD_REQUEST", message: MODEL_REQUIRED } };
  const issue = generationRequestIssue(model, params);
  if (issue) return { ok: false, error: invalidParams([issue]) };
  return { ok: true, request: { model, params } };
}

/** The Idempotency-Key header, checked by the rule both faces share (src/http/idempotency-key.ts). */
export function idempotencyKeyOf(req: IncomingMessage): IdempotencyKeyCheck {
  const header = req.headers["idempotency-key"];
  return checkIdempotencyKey(Array.isArray(header) ? header[0] : header);
}
