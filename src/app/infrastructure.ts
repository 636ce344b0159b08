import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { currentClient } from "../http/request-client.ts";
import type { Clock } from "../kernel/clock.ts";
import { createMemoryLimiter } from "../adapters/limits/memory-limiter.ts";
import { createRedisLimiter } from "../adapters/limits/redis-limiter.ts";
import { openDatabase, type Database } from "../adapters/postgres/database.ts";
import { createStores, type Stores } from "../adapters/postgres/stores.ts";
import { createMemoryPubSub } from "../adapters/pubsub/memory-pubsub.ts";
import { createRedisPubSub } from "../adapters/pubsub/redis-pubsub.ts";
import { DEFAULT_HEARTBEAT, heartbeat, type HeartbeatTiming } from "../adapters/redis/heartbeat.ts";
import type { GatewayEvents, GatewayPubSub } from "../services/events.ts";
import type { Limiter } from "../services/ports/limiter.ts";
import type { Config } from "./config.ts";
import type { BlobStore } from "../services/ports/blob-store.ts";
import { openBlobStore } from "./blob-store.ts";

/** The configured adapters: PostgreSQL or PGlite behind the storage ports, Redis or in-process limits and pub/sub. */
export interface Infrastructure {
  readonly database: Database;
  readonly stores: Stores;
  /** Where file bytes are kept (filesystem or S3); their rows are in `stores.files`. */
  readonly blobs: BlobStore;
  readonly limiter: Limiter;
  readonly pubsub: GatewayPubSub;
  /** True when the database (and Redis, if configured) answer. */
  ready(): Promise<{ ok: boolean; checks: Record<string, string> }>;
  close(): Promise<void>;
}

export interface InfrastructureOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Namespace for Redis keys and channels (tests sharing one Redis). */
  readonly redisPrefix: string;
  /** PGlite in memory instead of under dataDir (tests). */
  readonly memoryDatabase?: boolean;
  /** With memoryDatabase: a PGlite data-directory dump the database starts from instead of initdb (tests). */
  readonly memoryTemplate?: string;
  /** A clock other than the system's: the Redis limiter then takes time from it, not from Redis. */
  readonly customClock: boolean;
  /** Every Redis connection's heartbeat (default DEFAULT_HEARTBEAT; tests use shorter). */
  readonly redisHeartbeat?: HeartbeatTiming;
}

const check = async (probe: () => Promise<unknown>): Promise<string> => {
  try {
    await probe();
    return "ok";
  } catch (error) {
    return `unreachable: ${(error as Error).message}`;
  }
};

export async function openInfrastructure(config: Config, options: InfrastructureOptions): Promise<Infrastructure> {
  const { logger, clock } = options;
  if (!config.databaseUrl && !options.memoryDatabase) await mkdir(join(config.dataDir, "pglite"), { recursive: true });
  const database = await openDatabase({
    // Queries are taken in turns by the client they are for.
    clientOf: currentClient,
    ...(config.databaseUrl
      ? { databaseUrl: config.databaseUrl, onPoolError: (error: Error) => logger.warn({ err: error }, "idle database connection failed") }
      : options.memoryDatabase
        ? { memory: true, pgliteTemplate: options.memoryTemplate }
        : { dataDir: join(config.dataDir, "pglite") }),
  }).catch((error: unknown) => {
    // Said at start-up as one line (src/app/start-up.ts): which setting, and where, never a password.
    const where = config.databaseUrl
      ? `DATABASE_URL (PostgreSQL at ${databaseHost(config.databaseUrl)})`
      : options.memoryDatabase
        ? "the in-memory database (PGlite)"
        : `GATEAI_DATA_DIR (PGlite in ${join(config.dataDir, "pglite")})`;
    throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
  });

  const files = await openBlobStore(config.blobStore, { memoryDatabase: !config.databaseUrl && options.memoryDatabase === true });

  let redis: Redis | undefined;
  let limiterHeartbeat: NodeJS.Timeout | undefined;
  let closed = false;
  let limiter: Limiter;
  let pubsub: GatewayPubSub;
  if (config.redisUrl) {
    const beat = options.redisHeartbeat ?? DEFAULT_HEARTBEAT;
    // Named in CLIENT LIST as the pub/sub's are (gateai-publisher, gateai-subscriber).
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: true, connectionName: "gateai-limiter" });
    redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
    // A request's limiter command on a silent connection waits for the heartbeat to drop it, not for the system's keepalive.
    limiterHeartbeat = heartbeat(redis, beat, () => closed);
    limiter = createRedisLimiter(redis, { prefix: `${options.redisPrefix}limits:`, ...(options.customClock ? { clock } : {}) });
    pubsub = createRedisPubSub<GatewayEvents>(config.redisUrl, {
      prefix: `${options.redisPrefix}events:`,
      onError: (error) => logger.warn({ err: error }, "redis pub/sub connection error"),
      heartbeat: beat,
    });
  } else {
    limiter = createMemoryLimiter(clock);
    pubsub = createMemoryPubSub<GatewayEvents>();
  }

  return {
    database,
    stores: createStores(database),
    blobs: files.blobs,
    limiter,
    pubsub,
    async ready() {
      const checks: Record<string, string> = { database: await check(() => database.ping()) };
      if (redis) checks.redis = await check(() => redis.ping());
      return { ok: Object.values(checks).every((c) => c === "ok"), checks };
    },
    async close() {
      closed = true;
      clearInterval(limiterHeartbeat);
      await pubsub.close();
      await limiter.close();
      if (redis) await redis.quit().catch(() => redis.disconnect());
      await database.close();
      await files.close();
    },
  };
}

/** host:port of a PostgreSQL URL (or its `host` parameter: a socket's directory), for messages: no user, password or database name. */
function databaseHost(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.searchParams.get("host");
    if (host) return host;
    return `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`;
  } catch {
    return "the configured address";
  }
}
