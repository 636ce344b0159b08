import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayServices } from "../services/gateway-services.ts";
import { createAuthThrottle, type AuthThrottle } from "../http/auth-throttle.ts";
import { withBearerKey, type RestAuth } from "./auth.ts";
import { sendMethodNotAllowed } from "./failures.ts";
import type { AuthenticatedHandler, Method, PathRoutes } from "./route.ts";
import { creditsRoute, dashboardRoute } from "./routes/account.ts";
import { docsRoute } from "./routes/docs.ts";
import { estimateRoute } from "./routes/estimate.ts";
import { filesRoute } from "./routes/files.ts";
import { generateRoute } from "./routes/generate.ts";
import { simulateRoute } from "./routes/simulate.ts";
import { healthRoute, readinessRoute } from "./routes/health.ts";
import { modelRoutes } from "./routes/models.ts";
import { taskRoute } from "./routes/tasks.ts";
import { uploadRoute } from "./routes/upload.ts";
import { webhookRoute } from "./routes/webhooks.ts";

export type RestRouter = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;

/**
 * The REST face of the spec. `throttle` counts failed authentications per client address; the
 * app shares one with the GraphQL face (none: no throttle). The route table is built once; a request costs one map lookup (or
 * a few prefix checks). Authentication is per route: Bearer key, `?key=` (/api/me), or none.
 * Returns false for paths it does not know, so app.ts can answer 404.
 */
export function createRestRouter(services: GatewayServices, throttle: AuthThrottle = createAuthThrottle({ perMinute: 0, clock: services.clock })): RestRouter {
  const auth: RestAuth = { keys: services.keys, throttle, config: services.config };
  const bearer = (handler: AuthenticatedHandler) => withBearerKey(auth, handler);
  const models = modelRoutes(services);

  const exact = new Map<string, PathRoutes>([
    ["/api/generate", { POST: bearer(generateRoute(services)) }],
    ["/api/estimate", { POST: bearer(estimateRoute(services)) }],
    ["/api/simulate", { POST: bearer(simulateRoute(services)) }],
    ["/api/upload", { POST: bearer(uploadRoute(services)) }],
    ["/api/me", { GET: dashboardRoute(services, auth) }],
    ["/credits", { GET: bearer(creditsRoute(services)) }],
    ["/v1/models", { GET: models.list }],
    ["/v1/models/schema", { GET: models.schema }],
    ["/docs.txt", { GET: docsRoute() }],
    ["/healthz", { GET: healthRoute() }],
    ["/readyz", { GET: readinessRoute(services) }],
    ["/webhooks/fal", { POST: webhookRoute(services, "fal") }],
    ["/webhooks/replicate", { POST: webhookRoute(services, "replicate") }],
  ]);
  // Paths with a parameter; the tail after the prefix is the handler's to parse.
  const prefixed: readonly (readonly [string, PathRoutes])[] = [
    ["/get/", { GET: bearer(taskRoute(services)) }],
    ["/v1/models/", { GET: models.single }],
    ["/files/", { GET: filesRoute(services) }],
  ];
  const allowedMethods = (routes: PathRoutes): string[] => Object.keys(routes).flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m]));

  return async (req, res, path) => {
    let routes = exact.get(path);
    let tail = "";
    if (routes === undefined) {
      for (const [prefix, candidate] of prefixed) {
        if (path.startsWith(prefix)) {
          routes = candidate;
          tail = path.slice(prefix.length);
          break;
        }
      }
      if (routes === undefined) return false;
    }
    // HEAD is GET without a body (node:http drops the body of a HEAD answer).
    const method = (req.method === "HEAD" ? "GET" : req.method) as Method;
    const handler = Object.hasOwn(routes, method) ? routes[method] : undefined;
    if (handler === undefined) {
      sendMethodNotAllowed(res, req.method ?? "", allowedMethods(routes));
      return true;
    }
    await handler({ req, res, path, tail });
    return true;
  };
}
