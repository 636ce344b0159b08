import type { IncomingMessage } from "node:http";
import type { Config } from "../app/config.ts";
import type { GenerationRequest } from "../engine/engine.ts";

/**
 * The JSON body cap of /api/generate and /api/estimate: room for one inline data: reference as
 * large as an upload (base64 grows it by 4/3) plus the rest of the request. Larger media go
 * through POST /api/upload.
 */
export const jsonBodyLimit = (config: Config): number => Math.ceil((config.uploadMaxBytes * 4) / 3) + 1024 * 1024;

/**
 * `{model, type?, params}` → the services' request, or the reason it is malformed. Only the
 * shape is checked here; whether the model and params are valid is the engine's business.
 * `type` is informational in the spec (the model decides what is generated) and is ignored.
 */
export function parseGenerationRequest(body: unknown): GenerationRequest | string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "The request body must be a JSON object: {model, type?, params}";
  const { model, params } = body as Record<string, unknown>;
  if (typeof model !== "string" || model === "") return "`model` is required and must be a string";
  return { model, params };
}

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** The Idempotency-Key header: absent → undefined; present but unusable → an error message. */
export function idempotencyKeyOf(req: IncomingMessage): { readonly key?: string; readonly error?: string } {
  const header = req.headers["idempotency-key"];
  if (header === undefined) return {};
  const key = (Array.isArray(header) ? header[0] : header)?.trim() ?? "";
  if (key === "" || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    return { error: `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` };
  return { key };
}
