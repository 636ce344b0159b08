import type { GatewayServices } from "../../services/gateway-services.ts";
import { authenticateOr401, bearerKey, type RestAuth } from "../auth.ts";
import { requestQuery } from "../../http/request-path.ts";
import { presentCredits, presentDashboard } from "../presenters/account.ts";
import { sendJson } from "../respond.ts";
import type { AuthenticatedHandler, Handler } from "../route.ts";

/** GET /credits: the caller's budget today and the provider pool's health. */
export function creditsRoute(services: GatewayServices): AuthenticatedHandler {
  return async ({ res, key }) => {
    const credits = await services.account.credits(key);
    sendJson(res, 200, presentCredits(credits.budget, credits.pool));
  };
}

/**
 * GET /api/me?key=sk-...: the personal dashboard. The key comes in the query (no header needed);
 * an Authorization header is accepted too when the query has none.
 */
export function dashboardRoute(services: GatewayServices, auth: RestAuth): Handler {
  return async ({ req, res }) => {
    const key = await authenticateOr401(auth, req, requestQuery(req.url ?? "").get("key") || bearerKey(req), res);
    if (!key) return;
    const view = await services.account.dashboard(key);
    sendJson(res, 200, presentDashboard(view, services.clock.now()), { "cache-control": "no-store" });
  };
}
