import type { IncomingMessage } from "node:http";
import type { GenerationRequest } from "../engine/engine.ts";
import { isModelId, MODEL_REQUIRED } from "../http/generation-request.ts";
import { checkIdempotencyKey, type IdempotencyKeyCheck } from "../http/idempotency-key.ts";

/**
 * `{model, type?, params}` → the services' request, or the reason it is malformed. Only the
 * shape is checked here; whether the model and params are valid is the engine's business.
 * `type` is informational in the spec (the model decides what is generated) and is ignored.
 */
export function parseGenerationRequest(body: unknown): GenerationRequest | string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "The request body must be a JSON object: {model, type?, params}";
  const { model, params } = body as Record<string, unknown>;
  if (!isModelId(model)) return MODEL_REQUIRED;
  return { model, params };
}

/** The Idempotency-Key header, checked by the rule both faces share (src/http/idempotency-key.ts). */
export function idempotencyKeyOf(req: IncomingMessage): IdempotencyKeyCheck {
  const header = req.headers["idempotency-key"];
  return checkIdempotencyKey(Array.isArray(header) ? header[0] : header);
}
