import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import pino, { type Logger } from "pino";
import { systemResolver } from "../adapters/dns/system-resolver.ts";
import { createEngine } from "../engine/engine.ts";
import { createGraphQLServer } from "../graphql/server.ts";
import { systemClock, type Clock } from "../kernel/clock.ts";
import { createRestRouter } from "../rest/router.ts";
import { createAccountService } from "../services/account.ts";
import { createFileService } from "../services/files.ts";
import type { GatewayServices } from "../services/gateway-services.ts";
import { createGenerationService } from "../services/generation.ts";
import { createKeyService } from "../services/keys.ts";
import type { HostResolver } from "../services/ports/host-resolver.ts";
import type { Provider } from "../services/ports/provider.ts";
import { createRetentionJob } from "../services/retention.ts";
import { createTaskDriver, type TaskDriver } from "../services/task-driver.ts";
import { createTaskService } from "../services/tasks.ts";
import { timingFor } from "../services/timing.ts";
import type { Config } from "./config.ts";
import { closeServer, createHttpServer, listen } from "./http-server.ts";
import { openInfrastructure, type Infrastructure } from "./infrastructure.ts";
import { openProvider } from "./provider.ts";

export interface GatewayOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Replace the configured provider (tests). */
  readonly provider?: Provider;
  /** Task driver tuning (tests use short leases). */
  readonly driver?: { readonly tickMs?: number; readonly leaseMs?: number; readonly enabled?: boolean };
  /** Namespace for Redis keys and channels (tests sharing one Redis). */
  readonly redisPrefix?: string;
  /** PGlite in memory instead of under dataDir (tests). */
  readonly memoryDatabase?: boolean;
  /** DNS for reference URLs (tests: there is no DNS here). */
  readonly resolveHost?: HostResolver;
}

export interface Gateway {
  readonly server: Server;
  readonly services: GatewayServices;
  readonly infrastructure: Infrastructure;
  readonly driver: TaskDriver;
  /** Set when the database was empty and no key was configured: shown once, never stored. */
  readonly bootstrapKey: string | null;
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

/** Wires the gateway from its configuration: adapters into services, services into both faces, faces into one server. */
export async function createGateway(config: Config, options: GatewayOptions = {}): Promise<Gateway> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel });
  const timing = timingFor(config.timeScale);
  const infra = await openInfrastructure(config, {
    clock, logger, redisPrefix: options.redisPrefix ?? "gateai:", customClock: !!options.clock, memoryDatabase: options.memoryDatabase === true,
  });
  const { stores, limiter, pubsub } = infra;
  const engine = createEngine();

  const onKeyChange = (keyId: string) => void pubsub.publish("keyChanged", "all", { keyId }).catch(() => undefined);
  const keys = createKeyService({ store: stores.keys, clock, defaultDailyLimit: config.dailyLimitMicros, onChange: onKeyChange });
  await keys.ensureKeys(config.apiKeys);
  const bootstrapKey = config.apiKeys.length ? null : await keys.bootstrap();
  await stores.pool.seed(config.poolSize);

  const upstream = options.provider ? { provider: options.provider, close: async () => undefined } : openProvider(config);
  const driver = createTaskDriver({
    tasks: stores.tasks, accounts: stores.pool, files: stores.files, provider: upstream.provider, pubsub, limiter, clock, timing, logger,
    owner: `gateway-${randomUUID()}`, poolSize: config.poolSize, leaseMs: options.driver?.leaseMs ?? config.leaseMs,
    ...(options.driver?.tickMs !== undefined ? { tickMs: options.driver.tickMs } : {}),
  });
  const generation = createGenerationService({
    tasks: stores.tasks, idempotency: stores.idempotency, files: stores.files, engine, limiter, pubsub, clock, timing,
    references: { maxBytes: config.uploadMaxBytes, resolve: options.resolveHost ?? systemResolver },
    onAccepted: () => driver.nudge(),
    hold: driver.hold,
  });
  const retention = createRetentionJob({ idempotency: stores.idempotency, files: stores.files, clock, fileRetentionMs: config.retentionDays * 86_400_000, logger });

  const keyChanges = pubsub.subscribe("keyChanged", "all");
  keys.follow(keyChanges);

  const services: GatewayServices = {
    config, clock, timing, logger, engine, pubsub, keys, generation,
    tasks: createTaskService({ tasks: stores.tasks }),
    account: createAccountService({ tasks: stores.tasks, pool: stores.pool, poolSize: config.poolSize, limiter, limits: timing.limits, clock }),
    files: createFileService({ store: stores.files, clock, maxBytes: config.uploadMaxBytes }),
    ready: () => infra.ready(),
  };

  const graphql = createGraphQLServer(services);
  const server = createHttpServer([graphql.face, createRestRouter(services)], logger);
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
      await Promise.all([driver.stop(), retention.stop()]);
      await upstream.close();
      await graphql.close();
      await closeServer(server);
      await keyChanges.return?.();
      await infra.close();
    },
  };
}
