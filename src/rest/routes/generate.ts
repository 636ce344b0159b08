import type { GatewayServices } from "../../services/gateway-services.ts";
import { jsonBodyLimit, readJsonBody } from "../../http/body.ts";
import { jsonBodyOr4xx, sendBadRequest } from "../failures.ts";
import { idempotencyKeyOf, parseGenerationRequest } from "../generation-request.ts";
import { presentAccepted } from "../presenters/task.ts";
import { sendError, sendJson } from "../respond.ts";
import type { AuthenticatedHandler } from "../route.ts";

/** POST /api/generate: charge and queue a generation (downgraded to fit the budget if needed). */
export function generateRoute(services: GatewayServices): AuthenticatedHandler {
  const maxBytes = jsonBodyLimit(services.config.uploadMaxBytes);
  return async ({ req, res, key }) => {
    const idempotency = idempotencyKeyOf(req);
    if (!idempotency.ok) return sendBadRequest(res, idempotency.message);
    const body = jsonBodyOr4xx(await readJsonBody(req, maxBytes), res);
    if (!body) return;
    const parsed = parseGenerationRequest(body.value);
    if (!parsed.ok) return sendError(res, undefined, parsed.error);
    const { request } = parsed;

    const result = await services.generation.generate(key, request, idempotency.key !== undefined ? { idempotencyKey: idempotency.key } : {});
    if (!result.ok) return sendError(res, undefined, result.error);
    // A replay of an earlier request with the same Idempotency-Key says so (the body is the same).
    sendJson(res, 200, presentAccepted(result.value), result.value.replayed ? { "idempotent-replayed": "true" } : {});
  };
}
