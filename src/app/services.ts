import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { systemResolver } from "../adapters/dns/system-resolver.ts";
import { createEngine } from "../engine/engine.ts";
import type { Clock } from "../kernel/clock.ts";
import { createAccountService } from "../services/account.ts";
import { createFileService } from "../services/files.ts";
import type { GatewayServices } from "../services/gateway-services.ts";
import { createGenerationService } from "../services/generation.ts";
import { createKeyService } from "../services/keys.ts";
import { createRetentionJob, type RetentionJob } from "../services/retention.ts";
import { createTaskDriver, type TaskDriver } from "../services/task-driver.ts";
import { createTaskService } from "../services/tasks.ts";
import type { Timing } from "../services/timing.ts";
import type { Config } from "./config.ts";
import type { GatewayOptions } from "./gateway-types.ts";
import type { Infrastructure } from "./infrastructure.ts";
import { openProvider } from "./provider.ts";

export interface Running {
  readonly services: GatewayServices;
  readonly driver: TaskDriver;
  readonly retention: RetentionJob;
  readonly bootstrapKey: string | null;
  /** Stops what the services opened (the provider, the key-change feed); the infrastructure is the caller's. */
  close(): Promise<void>;
}

/** Wires the adapters into the services, and makes sure the configured keys and pool accounts exist. */
export async function createServices(
  config: Config,
  options: GatewayOptions,
  infra: Infrastructure,
  { clock, logger, timing }: { clock: Clock; logger: Logger; timing: Timing },
): Promise<Running> {
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
  return {
    services, driver, retention, bootstrapKey,
    async close() {
      await Promise.all([driver.stop(), retention.stop()]);
      await upstream.close();
      await keyChanges.return?.();
    },
  };
}
