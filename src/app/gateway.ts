import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { Redis } from "ioredis";
import pino, { type Logger } from "pino";
import type { Config } from "./config.ts";
import { createEngine } from "../engine/engine.ts";
import { err, ok } from "../kernel/result.ts";
import { createMemoryLimiter } from "../adapters/limits/memory-limiter.ts";
import { createRedisLimiter } from "../adapters/limits/redis-limiter.ts";
import { createMemoryPubSub } from "../adapters/pubsub/memory-pubsub.ts";
import { createRedisPubSub } from "../adapters/pubsub/redis-pubsub.ts";
import { createSimulatedProvider } from "../adapters/providers/simulated-provider.ts";
import type { Provider } from "../services/ports/provider.ts";
import { createUpstreamProvider } from "../adapters/providers/upstream-provider.ts";
import { createRenderThread } from "../adapters/providers/render/render-thread.ts";
import { requestPath } from "../http/request-path.ts";
import { createRestRouter } from "../rest/router.ts";
import { createGraphQLServer } from "../graphql/server.ts";
import { systemClock, type Clock } from "../kernel/clock.ts";
import type { GatewayServices } from "../services/gateway-services.ts";
import type { GatewayEvents, GatewayPubSub } from "../services/events.ts";
import { createGenerationService } from "../services/generation.ts";
import { createKeyService } from "../services/keys.ts";
import { systemResolver, type HostResolver } from "../services/references.ts";
import { createTaskDriver, type TaskDriver } from "../services/task-driver.ts";
import { timingFor } from "../services/timing.ts";
import { openDatabase, type Database } from "../adapters/postgres/database.ts";
import { poolLockedCount, seedPool } from "../adapters/postgres/driver-store.ts";
import { sendJson, sendError } from "../rest/respond.ts";

export interface GatewayOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Replace the simulated provider (tests). */
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
  readonly driver: TaskDriver;
  /** Set when the database was empty and no key was configured: shown once, never stored. */
  readonly bootstrapKey: string | null;
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

/** Builds the whole gateway from its configuration: adapters, services, both faces, one server. */
export async function createGateway(config: Config, options: GatewayOptions = {}): Promise<Gateway> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel });
  const timing = timingFor(config.timeScale);
  const prefix = options.redisPrefix ?? "gateai:";

  if (!config.databaseUrl && !options.memoryDatabase) await mkdir(join(config.dataDir, "pglite"), { recursive: true });
  const database: Database = await openDatabase(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl, onPoolError: (error) => logger.warn({ err: error }, "idle database connection failed") }
      : options.memoryDatabase
        ? { memory: true }
        : { dataDir: join(config.dataDir, "pglite") },
  );
  const prisma = database.prisma;

  let redis: Redis | undefined;
  let limiter;
  let pubsub: GatewayPubSub;
  if (config.redisUrl) {
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
    redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
    limiter = createRedisLimiter(redis, { prefix: `${prefix}limits:`, ...(options.clock ? { clock } : {}) });
    pubsub = createRedisPubSub<GatewayEvents>(config.redisUrl, {
      prefix: `${prefix}events:`,
      onError: (error) => logger.warn({ err: error }, "redis pub/sub connection error"),
    });
  } else {
    limiter = createMemoryLimiter(clock);
    pubsub = createMemoryPubSub<GatewayEvents>();
  }

  const engine = createEngine();
  const keys = createKeyService({
    prisma,
    clock,
    defaultDailyLimit: config.dailyLimitMicros,
    onChange: (keyId) => void pubsub.publish("keyChanged", "all", { keyId }).catch(() => undefined),
  });
  await keys.ensureKeys(config.apiKeys);
  const bootstrapKey = config.apiKeys.length ? null : await keys.bootstrap();
  await seedPool(prisma, config.poolSize);

  const renderThread = createRenderThread();
  const driver = createTaskDriver({
    prisma,
    provider:
      options.provider ??
      (config.upstream
        ? createUpstreamProvider({ baseUrl: config.upstream.url, apiKeys: config.upstream.apiKeys })
        : createSimulatedProvider({
            timeScale: config.timeScale,
            failureRate: config.simFailureRate,
            stallRate: config.simStallRate,
            render: renderThread.render,
          })),
    pubsub,
    limiter,
    clock,
    timing,
    logger,
    owner: `gateway-${randomUUID()}`,
    poolSize: config.poolSize,
    ...(options.driver?.tickMs !== undefined ? { tickMs: options.driver.tickMs } : {}),
    leaseMs: options.driver?.leaseMs ?? config.leaseMs,
  });
  const generation = createGenerationService({
    prisma,
    sql: database.sql,
    engine,
    limiter,
    pubsub,
    clock,
    timing,
    references: { maxBytes: config.uploadMaxBytes, resolve: options.resolveHost ?? systemResolver },
    onAccepted: () => driver.nudge(),
    hold: driver.hold,
  });

  // Another process revoked a key or changed its limit: forget our cached lookup.
  const keyChanges = pubsub.subscribe("keyChanged", "all");
  void (async () => {
    for await (const change of keyChanges) keys.invalidate(change.keyId);
  })().catch(() => undefined);

  const services: GatewayServices = {
    config,
    clock,
    timing,
    logger,
    prisma,
    sql: database.sql,
    engine,
    limiter,
    pubsub,
    keys,
    generation,
    async pool() {
      return { totalAccounts: config.poolSize, locked: await poolLockedCount(prisma, config.poolSize, clock.now()) };
    },
    async file(ownerId, name) {
      const row = await prisma.storedFile.findUnique({ where: { ownerId_name: { ownerId, name } } });
      return row ? { mediaType: row.mediaType, data: row.data } : null;
    },
    async upload(keyId, file) {
      if (file.data.byteLength > config.uploadMaxBytes)
        return err({ code: "UPLOAD_REJECTED", message: `The file is larger than the limit of ${config.uploadMaxBytes} bytes`, maxBytes: config.uploadMaxBytes });
      const row = await prisma.upload.create({
        data: { keyId, mediaType: file.mediaType, sizeBytes: file.data.byteLength, data: file.data as Uint8Array<ArrayBuffer> },
      });
      return ok({ id: row.id, mediaType: row.mediaType, sizeBytes: row.sizeBytes });
    },
    async ready() {
      const checks: Record<string, string> = {};
      try {
        await database.ping();
        checks.database = "ok";
      } catch (error) {
        checks.database = `unreachable: ${(error as Error).message}`;
      }
      if (redis) {
        try {
          await redis.ping();
          checks.redis = "ok";
        } catch (error) {
          checks.redis = `unreachable: ${(error as Error).message}`;
        }
      }
      return { ok: Object.values(checks).every((c) => c === "ok"), checks };
    },
  };

  const graphql = createGraphQLServer(services);
  const rest = createRestRouter(services);

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const path = requestPath(req.url ?? "/");
      if (path === "/graphql") return await graphql.handle(req, res);
      if (await rest(req, res, path)) return;
      sendError(res, 404, { code: "NOT_FOUND", message: `No route for ${req.method} ${path}` });
    } catch (error) {
      logger.error({ err: error, method: req.method, url: req.url }, "unhandled request error");
      if (!res.headersSent) sendJson(res, 500, { error: "Internal server error", code: "INTERNAL_ERROR" });
      else res.destroy();
    }
  });
  graphql.attachWebSockets(server);
  if (options.driver?.enabled !== false) driver.start();

  let closed = false;
  return {
    server,
    services,
    driver,
    bootstrapKey,
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          const bound = typeof address === "object" && address ? address.port : port;
          resolve({ port: bound, url: `http://${host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host}:${bound}` });
        });
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await driver.stop();
      await renderThread.close();
      await graphql.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await keyChanges.return?.();
      await pubsub.close();
      await limiter.close();
      if (redis) await redis.quit().catch(() => undefined);
      await database.close();
    },
  };
}
