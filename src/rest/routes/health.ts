import type { GatewayServices } from "../../services/gateway-services.ts";
import { sendJson } from "../respond.ts";
import type { Handler } from "../route.ts";

/** GET /healthz: the process answers. */
export const healthRoute = (): Handler => async ({ res }) => sendJson(res, 200, { status: "ok" }, { "cache-control": "no-store" });

/** GET /readyz: the database (and Redis, when configured) answer; 503 with the failing checks otherwise. */
export const readinessRoute =
  (services: GatewayServices): Handler =>
  async ({ res }) => {
    const { ok, checks } = await services.ready();
    sendJson(res, ok ? 200 : 503, { status: ok ? "ok" : "unavailable", checks }, { "cache-control": "no-store" });
  };
