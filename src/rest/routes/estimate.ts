import type { GatewayServices } from "../../services/gateway-services.ts";
import { jsonBodyLimit, readJsonBody } from "../../http/body.ts";
import { jsonBodyOr4xx, sendBadRequest } from "../failures.ts";
import { parseGenerationRequest } from "../generation-request.ts";
import { presentEstimate } from "../presenters/estimate.ts";
import { sendError, sendJson } from "../respond.ts";
import type { AuthenticatedHandler } from "../route.ts";

/** POST /api/estimate: price a request against today's budget. Charges nothing, counts no request. */
export function estimateRoute(services: GatewayServices): AuthenticatedHandler {
  const maxBytes = jsonBodyLimit(services.config.uploadMaxBytes);
  return async ({ req, res, key }) => {
    const body = jsonBodyOr4xx(await readJsonBody(req, maxBytes), res);
    if (!body) return;
    const request = parseGenerationRequest(body.value);
    if (typeof request === "string") return sendBadRequest(res, request);

    const result = await services.generation.estimate(key, request);
    if (!result.ok) return sendError(res, undefined, result.error);
    sendJson(res, 200, presentEstimate(result.value));
  };
}
