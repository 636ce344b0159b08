import type { GatewayServices } from "../../services/gateway-services.ts";
import { readJsonBody } from "../../http/body.ts";
import { workloadRequestsIssue } from "../../http/workload-requests.ts";
import { invalidParams } from "../../engine/errors.ts";
import { SIMULATION_BOUNDS } from "../../simulation/bounds.ts";
import { presentSimulation } from "../../simulation/present.ts";
import { jsonBodyOr4xx } from "../failures.ts";
import { sendError, sendJson } from "../respond.ts";
import type { AuthenticatedHandler } from "../route.ts";

/**
 * POST /api/simulate: a workload (README "What will a day cost?") in, what its day would
 * spend, downgrade, refuse and wait out. Charges nothing; counts against the key's own
 * simulation concurrency, not its generation limits.
 */
export function simulateRoute(services: GatewayServices): AuthenticatedHandler {
  return async ({ req, res, key }) => {
    const body = jsonBodyOr4xx(await readJsonBody(req, SIMULATION_BOUNDS.bodyBytes), res);
    if (!body) return;
    const issue = workloadRequestsIssue(body.value, SIMULATION_BOUNDS.streams);
    if (issue) return sendError(res, undefined, invalidParams([issue]));
    const result = await services.simulation.simulate(key, body.value);
    if (!result.ok) return sendError(res, undefined, result.error);
    sendJson(res, 200, presentSimulation(result.value));
  };
}
