import { budgetStatus } from "../../services/budget.ts";
import type { GatewayServices } from "../../services/gateway-services.ts";
import { dashboard } from "../../services/dashboard.ts";
import { authenticateOr401, bearerKey } from "../auth.ts";
import { requestQuery } from "../../http/request-path.ts";
import { presentCredits, presentDashboard } from "../presenters/account.ts";
import { sendJson } from "../respond.ts";
import type { AuthenticatedHandler, Handler } from "../route.ts";

/** GET /credits: the caller's budget today and the provider pool's health. */
export function creditsRoute(services: GatewayServices): AuthenticatedHandler {
  return async ({ res, key }) => {
    const [budget, pool] = await Promise.all([budgetStatus(services.prisma, services.clock, key), services.pool()]);
    sendJson(res, 200, presentCredits(budget, pool));
  };
}

/**
 * GET /api/me?key=sk-...: the personal dashboard. The key comes in the query (no header needed);
 * an Authorization header is accepted too when the query has none.
 */
export function dashboardRoute(services: GatewayServices): Handler {
  const deps = { prisma: services.prisma, clock: services.clock, limiter: services.limiter, limits: services.timing.limits };
  return async ({ req, res }) => {
    const key = await authenticateOr401(services.keys, requestQuery(req.url ?? "").get("key") ?? bearerKey(req), res);
    if (!key) return;
    const view = await dashboard(deps, key);
    sendJson(res, 200, presentDashboard(view, services.clock.now()), { "cache-control": "no-store" });
  };
}
