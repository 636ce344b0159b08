// A whole gateway on 127.0.0.1 for tests that speak real HTTP: PGlite in memory by default,
// PostgreSQL (a fresh database, dropped on close) and Redis (a fresh key prefix) on request.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createGateway, type Gateway, type GatewayOptions } from "../../src/app/gateway.ts";
import { loadConfig, type Config } from "../../src/app/config.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import type { Limiter } from "../../src/services/ports/limiter.ts";
import { usdToMicros } from "../../src/kernel/money.ts";
import type { Clock } from "../../src/kernel/clock.ts";
import type { GatewayServices } from "../../src/services/gateway-services.ts";
import type { ApiKeyRecord } from "../../src/services/keys.ts";
import { pgliteTemplate } from "./pglite-template.ts";
import { requireService, testDatabaseUrl, testRedisUrl, uniquePrefix } from "./services.ts";

export interface StartGatewayOptions {
  /** Extra environment (e.g. GATEAI_TIME_SCALE, GATEAI_UPLOAD_MAX_BYTES); wins over the defaults. */
  readonly env?: Record<string, string>;
  /** Use a fresh database on the TEST_DATABASE_URL server instead of PGlite. */
  readonly postgres?: boolean;
  /** Use TEST_REDIS_URL for limits and pub/sub instead of the in-process ones. */
  readonly redis?: boolean;
  readonly clock?: Clock;
  readonly driver?: GatewayOptions["driver"];
  /** Replace the simulated provider. */
  readonly provider?: GatewayOptions["provider"];
  /** The gateway's logger (default: pino at LOG_LEVEL, silent here). */
  readonly logger?: GatewayOptions["logger"];
  readonly redisHeartbeat?: GatewayOptions["redisHeartbeat"];
}

export interface TestKey {
  /** The raw key, for Authorization headers. */
  readonly key: string;
  readonly record: ApiKeyRecord;
}

export interface TestGateway {
  /** Where the gateway listens, e.g. http://127.0.0.1:54321. */
  readonly url: string;
  /** The origin of absolute URLs in answers: GATEAI_PUBLIC_URL when set, else `url`. */
  readonly baseUrl: string;
  /** A fresh API key (default daily limit). */
  readonly key: string;
  readonly services: GatewayServices;
  readonly gateway: Gateway;
  /** The gateway's configuration. */
  readonly config: Config;
  /** The gateway's database, for assertions on stored state. */
  readonly prisma: PrismaClient;
  readonly limiter: Limiter;
  /** Another fresh key; `dailyLimitUsd` sets its own daily limit. */
  createKey(options?: { dailyLimitUsd?: number; label?: string }): Promise<TestKey>;
  close(): Promise<void>;
}

/** A test database on a PostgreSQL server: created empty, dropped (connections and all) by `drop`. */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const name = `gateai_rest_${randomBytes(6).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE: a gateway that failed half-way may have left connections open.
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** The setups every REST suite runs on: PGlite always, PostgreSQL + Redis when both are configured. */
export function gatewaySetups(): { readonly name: string; readonly available: boolean; readonly options: StartGatewayOptions }[] {
  return [
    { name: "PGlite, in-process limits", available: true, options: {} },
    {
      name: "PostgreSQL + Redis",
      available: requireService("postgres") && requireService("redis"),
      options: { postgres: true, redis: true },
    },
  ];
}

export async function startGateway(options: StartGatewayOptions = {}): Promise<TestGateway> {
  const cleanups: (() => Promise<unknown>)[] = [];
  // Last registered, first undone: the gateway closes before its database is dropped.
  const cleanUp = async () => {
    for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup().catch(() => undefined);
  };
  try {
    const dataDir = await mkdtemp(join(tmpdir(), "gateai-rest-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const env: Record<string, string> = { PORT: "0", HOST: "127.0.0.1", GATEAI_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
    if (options.postgres) {
      if (!testDatabaseUrl) throw new Error("startGateway({ postgres: true }) needs TEST_DATABASE_URL");
      const database = await createTestDatabase(testDatabaseUrl);
      cleanups.push(() => database.drop());
      env.DATABASE_URL = database.url;
    }
    if (options.redis) {
      if (!testRedisUrl) throw new Error("startGateway({ redis: true }) needs TEST_REDIS_URL");
      env.REDIS_URL = testRedisUrl;
    }
    const loaded = loadConfig({ ...env, ...options.env });
    if (!loaded.ok) throw new Error(`test gateway config is invalid: ${loaded.errors.join("; ")}`);

    const gateway = await createGateway(loaded.config, {
      memoryDatabase: true,
      memoryTemplate: pgliteTemplate,
      redisPrefix: uniquePrefix(),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.driver ? { driver: options.driver } : {}),
      ...(options.provider ? { provider: options.provider } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.redisHeartbeat ? { redisHeartbeat: options.redisHeartbeat } : {}),
    });
    cleanups.push(() => gateway.close());
    const { url } = await gateway.listen(0, "127.0.0.1");
    const { services } = gateway;

    const createKey: TestGateway["createKey"] = async (keyOptions = {}) =>
      services.keys.create({
        ...(keyOptions.label !== undefined ? { label: keyOptions.label } : {}),
        ...(keyOptions.dailyLimitUsd !== undefined ? { dailyLimit: usdToMicros(keyOptions.dailyLimitUsd) } : {}),
      });
    const { key } = await createKey({ label: "test" });

    return {
      url,
      baseUrl: loaded.config.publicUrl ?? url,
      key,
      services,
      gateway,
      config: loaded.config,
      prisma: gateway.infrastructure.database.prisma,
      limiter: gateway.infrastructure.limiter,
      createKey,
      close: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
