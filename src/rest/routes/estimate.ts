import type { GatewayServices } from "../../services/gateway-services.ts";
import { jsonBodyLimit, readJsonBody } from "../../http/body.ts";
import { jsonBodyOr4xx } from "../failures.ts";
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
    const parsed = parseGenerationRequest(body.value);
    if (!parsed.ok) return sendError(res, undefined, parsed.error);
    const { request } = parsed;

    const result = await services.generation.estimate(key, request);
    if (!result.ok) return sendError(res, undefined, result.error);
    sendJson(res, 200, presentEstimate(result.value));
  };
}
