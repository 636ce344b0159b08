import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { createPrometheusMetrics } from "../adapters/metrics/prometheus.ts";
import { bearerToken } from "../http/auth.ts";
import { createLargeBodyLanes } from "../http/large-body-lanes.ts";
import { clientAddress } from "../http/origin.ts";
import { createRequestEdge } from "../http/request-edge.ts";
import { requestQuery } from "../http/request-path.ts";
import type { Clock } from "../kernel/clock.ts";
import type { KeyService } from "../services/keys.ts";
import { createOperationsProbe } from "../services/operations.ts";
import type { MetricsPort } from "../services/ports/metrics.ts";
import type { Config } from "./config.ts";
import type { Face } from "./http-server.ts";
import type { Infrastructure } from "./infrastructure.ts";

/**
 * What operators get (README "Operations"): the metrics port the services report through,
 * Prometheus text on GET /metrics (behind GATEAI_METRICS_TOKEN when set), and the request edge
 * (request ids, CORS, one access-log line per request) in front of every face.
 */
export interface Operations {
  /** The port services and faces report through; absent when GATEAI_METRICS=0 (nothing reports). */
  readonly metrics?: MetricsPort;
  /** GET /metrics; absent when metrics are off. */
  readonly metricsFace?: Face;
  /** The request edge for the server's key service (known once the services are wired). */
  edge(keys: Pick<KeyService, "authenticateCached">): Face;
}

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** A rendering of /metrics is reused this long (Prometheus scrapes every 15 s or more). */
export const SCRAPE_REUSE_MS = 1_000;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "localhost"]);

export function createOperations(config: Config, infra: Pick<Infrastructure, "stores">, deps: { clock: Clock; logger: Logger }): Operations {
  const prometheus = config.metricsEnabled
    ? createPrometheusMetrics({
        snapshot: createOperationsProbe({ tasks: infra.stores.tasks, pool: infra.stores.pool, poolSize: config.poolSize, clock: deps.clock }).snapshot,
        now: () => Date.now(),
      })
    : undefined;
  const accessLog = deps.logger.child({ component: "access" });
  if (prometheus && config.metricsToken === undefined && !LOOPBACK_HOSTS.has(config.host)) {
    deps.logger.warn({ host: config.host }, "/metrics is open to anyone who reaches this address (spend, volumes per model, the pool): set GATEAI_METRICS_TOKEN");
  }
  // One rendering serves every scrape within SCRAPE_REUSE_MS, concurrent ones included: a render
  // reads the database, and no scraper (or flood of them) should make it read more often.
  let rendered: { at: number; body: Promise<{ contentType: string; body: string }> } | undefined;
  const render = () => {
    const now = Date.now();
    if (!rendered || now - rendered.at >= SCRAPE_REUSE_MS) {
      const body = prometheus!.render();
      rendered = { at: now, body };
      body.catch(() => (rendered = undefined));
    }
    return rendered.body;
  };

  const metricsFace: Face | undefined = prometheus
    ? async (req: IncomingMessage, res: ServerResponse, path: string) => {
        if (path !== "/metrics") return false;
        if (req.method !== "GET" && req.method !== "HEAD") {
          res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("Method not allowed\n");
          return true;
        }
        const token = config.metricsToken;
        if (token !== undefined) {
          const presented = bearerToken(req.headers.authorization);
          if (presented === undefined || !sameSecret(presented, token)) {
            res.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"', "content-type": "text/plain; charset=utf-8" }).end("GATEAI_METRICS_TOKEN required as a bearer token\n");
            return true;
          }
        }
        const { contentType, body } = await render();
        res.writeHead(200, { "content-type": contentType, "cache-control": "no-store", "content-length": Buffer.byteLength(body) }).end(body);
        return true;
      }
    : undefined;

  return {
    edge(keys) {
      // The key's id, never the key: a bearer key, or the `?key=` of /api/me. Read from the key
      // cache after the answer, when the request has authenticated it.
      const keyIdOf = (req: IncomingMessage): string | undefined => {
        const raw = bearerToken(req.headers.authorization) ?? (req.url?.startsWith("/api/me?") ? requestQuery(req.url).get("key") ?? undefined : undefined);
        return raw === undefined ? undefined : keys.authenticateCached(raw)?.id;
      };
      return createRequestEdge({
        cors: config.corsOrigins,
        logger: accessLog,
        keyIdOf,
        largeBodies: { lanes: createLargeBodyLanes({ bytesPerSecond: config.largeBodyBytesPerSecond }), addressOf: (req) => clientAddress(req.headers, req.socket.remoteAddress, config.trustProxy) },
        ...(prometheus ? { observe: prometheus.port.httpRequest } : {}),
      });
    },
    ...(prometheus ? { metrics: prometheus.port } : {}),
    ...(metricsFace ? { metricsFace } : {}),
  };
}
