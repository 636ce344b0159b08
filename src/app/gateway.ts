import type { IncomingMessage } from "node:http";
import pino, { type Logger } from "pino";
import { createGraphQLServer } from "../graphql/server.ts";
import { createAuthThrottle } from "../http/auth-throttle.ts";
import { clientAddress } from "../http/origin.ts";
import { clientOfRequest } from "../http/request-client.ts";
import { systemClock, type Clock } from "../kernel/clock.ts";
import { createRestRouter } from "../rest/router.ts";
import { timingFor, type Timing } from "../services/timing.ts";
import type { Config } from "./config.ts";
import { builtConsoleDir, createConsoleFace } from "./console-assets.ts";
import type { Gateway, GatewayOptions } from "./gateway-types.ts";
import { closeServer, createHttpServer, listen } from "./http-server.ts";
import { openInfrastructure, type Infrastructure } from "./infrastructure.ts";
import { createOperations } from "./operations.ts";
import { createServices } from "./services.ts";

export type { Gateway, GatewayOptions } from "./gateway-types.ts";

/** Wires the gateway from its configuration: adapters into services, services into both faces, faces into one server. */
export async function createGateway(config: Config, options: GatewayOptions = {}): Promise<Gateway> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel });
  const timing = timingFor(config.timeScale);
  const infra = await openInfrastructure(config, {
    clock, logger, redisPrefix: options.redisPrefix ?? "gateai:", customClock: !!options.clock, memoryDatabase: options.memoryDatabase === true, memoryTemplate: options.memoryTemplate,
    ...(options.redisHeartbeat ? { redisHeartbeat: options.redisHeartbeat } : {}),
  });
  // What was opened is closed again when a later step of the start fails.
  const opened: (() => Promise<unknown>)[] = [() => infra.close()];
  try {
    return await wire(config, options, infra, opened, { clock, logger, timing });
  } catch (error) {
    for (const close of opened.reverse()) await close().catch(() => undefined);
    throw error;
  }
}

async function wire(
  config: Config,
  options: GatewayOptions,
  infra: Infrastructure,
  opened: (() => Promise<unknown>)[],
  deps: { clock: Clock; logger: Logger; timing: Timing },
): Promise<Gateway> {
  const operations = createOperations(config, infra, deps);
  const { services, driver, retention, bootstrapKey, close: closeServices } = await createServices(config, options, infra, Object.assign({}, deps, (operations.metrics ? { metrics: operations.metrics } : {})));
  opened.push(closeServices);
  // Failed authentications per client address, one budget for both faces (src/http/auth-throttle.ts).
  const authThrottle = createAuthThrottle({ perMinute: config.authFailuresPerMinute, clock: deps.clock });
  const graphql = createGraphQLServer(services, authThrottle);
  // The request edge first (request id, CORS, access log, request metrics), then /metrics.
  const faces = [operations.edge(services.keys), ...(operations.metricsFace ? [operations.metricsFace] : [])];
  // Whose work a request is: its key once the cache knows it valid, else its address.
  const clientOf = (req: IncomingMessage) =>
    clientOfRequest(req.headers.authorization, clientAddress(req.headers, req.socket.remoteAddress, config.trustProxy), (rawKey) => services.keys.authenticateCached(rawKey)?.id);
  const server = createHttpServer([...faces, graphql.face, createRestRouter(services, authThrottle), createConsoleFace(builtConsoleDir())], deps.logger, clientOf);
  graphql.attachWebSockets(server);
  if (options.driver?.enabled !== false) {
    driver.start();
    retention.start();
  }

  let closed = false;
  return {
    server, services, infrastructure: infra, driver, bootstrapKey,
    listen: (port = config.port, host = config.host) => listen(server, port, host),
    async close() {
      if (closed) return;
      closed = true;
      // No new requests first, the ones in flight answered (within the grace), then no new passes:
      // nothing is accepted that no driver would start, and no accepted generation goes unanswered.
      await Promise.all([closeServer(server, config.shutdownGraceMs), graphql.close()]);
      await closeServices();
      await infra.close();
    },
  };
}
