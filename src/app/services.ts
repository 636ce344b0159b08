import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { createDnsResolver } from "../adapters/dns/dns-resolver.ts";
import { createEngine } from "../engine/engine.ts";
import type { Clock } from "../kernel/clock.ts";
import { createAccountService } from "../services/account.ts";
import { createFileService } from "../services/files.ts";
import { createSimulationService } from "../services/simulation.ts";
import { createFileStore } from "../services/file-store.ts";
import type { GatewayServices } from "../services/gateway-services.ts";
import { createGenerationService } from "../services/generation.ts";
import { createKeyService } from "../services/keys.ts";
import { observedGeneration } from "../services/observed-generation.ts";
import type { MetricsPort } from "../services/ports/metrics.ts";
import { createDashboardFeeds } from "../services/live-dashboards.ts";
import { createLiveLimits } from "../services/live-limits.ts";
import { createRevocationWatch } from "../services/revocation-watch.ts";
import { createRetentionJob, type RetentionJob } from "../services/retention.ts";
import { createTaskDriver, type TaskDriver } from "../services/task-driver.ts";
import { createTaskService } from "../services/tasks.ts";
import type { Timing } from "../services/timing.ts";
import type { Config } from "./config.ts";
import type { GatewayOptions } from "./gateway-types.ts";
import type { Infrastructure } from "./infrastructure.ts";
import { openProvider } from "./provider.ts";
import { accountsByModel, vendorRanges } from "./vendor-config.ts";
import { createModelAvailability } from "../services/availability.ts";
import { createReferenceUrls } from "../services/reference-urls.ts";
import { createUploadLinks } from "../services/upload-links.ts";
import { createVendorWebhooks } from "../services/vendor-webhooks.ts";
import { createWebhookVerifier } from "../adapters/providers/webhook-verifier.ts";
import { catalog } from "../catalog/index.ts";
import { routesOf, specOnRoute, type VendorId } from "../catalog/vendors/index.ts";
import { clientWorkSoFar, inBackground } from "../http/request-client.ts";
import { createEventLoopPressure } from "../adapters/pressure/event-loop-pressure.ts";

export interface Running {
  readonly services: GatewayServices;
  readonly driver: TaskDriver;
  readonly retention: RetentionJob;
  readonly bootstrapKey: string | null;
  /** Stops what the services opened (the provider, the key-change feed); the infrastructure is the caller's. */
  close(): Promise<void>;
}

/** How often each process asks the database for revocations its pub/sub may have missed. */
const REVOCATION_LOOK_MS = 30_000;
/**
 * A DNS query for a host the gateway fetches from (a reference's, a vendor result file's) waits this
 * long for each name server (a reference's whole lookup is given 3 s: url-guard.ts).
 */
const HOST_LOOKUP_MS = 1_000;

/** Wires the adapters into the services, and makes sure the configured keys and pool accounts exist. */
export async function createServices(
  config: Config,
  options: GatewayOptions,
  infra: Infrastructure,
  { clock, logger, timing, metrics }: { clock: Clock; logger: Logger; timing: Timing; metrics?: MetricsPort },
): Promise<Running> {
  const { stores, limiter, pubsub } = infra;
  const files = createFileStore({ records: stores.files, blobs: infra.blobs, retentionMs: config.retentionDays * 86_400_000, quota: config.uploadQuota });
  // Live subscriptions per socket and per key; a revocation ends the key's here at once, in other
  // processes through the pub/sub, and in any process that missed it at the watch's next look.
  const live = createLiveLimits(config.live);
  const onKeyChange = (keyId: string, change: { revoked: boolean; dailyLimit: number }) => {
    if (change.revoked) live.revoke(keyId);
    void pubsub.publish("keyChanged", "all", { keyId, revoked: change.revoked, dailyLimit: change.dailyLimit }).catch(() => undefined);
  };
  const keys = createKeyService({ store: stores.keys, clock, defaultDailyLimit: config.dailyLimitMicros, onChange: onKeyChange });
  await keys.ensureKeys(config.apiKeys);
  const bootstrapKey = config.apiKeys.length ? null : await keys.bootstrap();
  await stores.pool.seed(config.poolSize);

  // Vendors fetch references themselves: an upload id becomes a presigned blob-store URL or a
  // signed link to /files/uploads/… on the public address (src/services/reference-urls.ts).
  const links = createUploadLinks(config.streamTokenSecret);
  const signedUrlSeconds = config.blobStore.kind === "s3" ? config.blobStore.signedUrlSeconds : 0;
  const referenceUrls = createReferenceUrls({ files, links, clock, presigned: signedUrlSeconds > 0, ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}) });
  const availability = createModelAvailability({
    vendors: config.vendors ? (Object.keys(config.vendors.keys) as VendorId[]) : null,
    simulateUnrouted: config.vendors?.simulateUnrouted ?? true,
    upstream: config.upstream !== undefined,
  });
  // The engine knows each model as it runs here: on a vendor route that makes fewer outputs per
  // request than the catalog's quantity, that many at most, and by default (specOnRoute). Every
  // face (models, estimates, generate, the what-ifs, simulate) then answers for this deployment.
  const specs = catalog.map((spec) => {
    const via = availability(spec.id).via;
    const route = routesOf(spec.id).find((r) => r.vendor === via);
    return route ? specOnRoute(spec, route) : spec;
  });
  const engine = createEngine(specs);
  const capped = specs.some((spec, i) => spec !== catalog[i]);
  // One resolver for every host the gateway fetches from: references and vendors' result files.
  const resolveHost = options.resolveHost ?? createDnsResolver({ timeoutMs: HOST_LOOKUP_MS });
  const upstream = options.provider ? { provider: options.provider, close: async () => undefined } : openProvider(config, { references: referenceUrls, resolveHost });
  // The driver yields to this process's requests: it drives fewer tasks at once while they feel its work.
  const pressure = config.driverYieldMs > 0 ? createEventLoopPressure(clientWorkSoFar) : undefined;
  const driver = createTaskDriver({
    tasks: stores.tasks, accounts: stores.pool, files, provider: upstream.provider, pubsub, limiter, clock, timing, logger,
    ...(metrics ? { metrics } : {}),
    ...(pressure ? { pressure, yieldAboveMs: config.driverYieldMs } : {}),
    owner: `gateway-${randomUUID()}`, poolSize: config.poolSize, leaseMs: options.driver?.leaseMs ?? config.leaseMs,
    ...(config.vendors ? { accountsByModel: accountsByModel(config.vendors) } : {}),
    ...(options.driver?.tickMs !== undefined ? { tickMs: options.driver.tickMs } : {}),
  });
  const accepting = createGenerationService({
    tasks: stores.tasks, idempotency: stores.idempotency, files, engine, limiter, pubsub, clock, timing,
    references: { maxBytes: config.uploadMaxBytes, resolve: resolveHost },
    // The driver's passes are no request's work, whichever request woke them.
    onAccepted: () => inBackground(() => driver.nudge()),
    hold: driver.hold,
    availability,
    uploadsReachable: referenceUrls.reachable,
    currentKey: (id) => keys.current(id),
    defaultDailyLimit: config.dailyLimitMicros,
  });
  // Each generate's outcome and charge are reported to operations (/metrics).
  const generation = metrics ? observedGeneration(accepting, metrics, new Set(engine.models.map((m) => m.id))) : accepting;
  const retention = createRetentionJob({ idempotency: stores.idempotency, files, clock, fileRetentionMs: config.retentionDays * 86_400_000, logger });
  const keyChanges = pubsub.subscribe("keyChanged", "all");
  keys.follow(keyChanges);
  const revocations = pubsub.subscribe("keyChanged", "all");
  live.follow(revocations);
  const revocationWatch = createRevocationWatch({ keys, live, clock, everyMs: REVOCATION_LOOK_MS, onError: (error) => logger.warn({ err: error }, "could not look for revoked keys") });
  revocationWatch.start();
  const account = createAccountService({
    tasks: stores.tasks, pool: stores.pool, poolSize: config.poolSize, limiter, limits: timing.limits, clock,
    ...(config.vendors ? { vendorRanges: vendorRanges(config.vendors) } : {}),
  });
  // meUpdated: one dashboard feed per key, derived from its events; limit changes reach it too.
  const dashboards = createDashboardFeeds({ account, pubsub, clock, slotTtlMs: timing.limits.slotTtlMs, logger });
  const limitChanges = pubsub.subscribe("keyChanged", "all");
  dashboards.follow(limitChanges);

  const services: GatewayServices = {
    config, clock, timing, logger, engine, pubsub, live, keys, generation,
    ...(capped ? { schemaEngine: createEngine() } : {}),
    tasks: createTaskService({ tasks: stores.tasks }),
    account,
    dashboards,
    files: createFileService({ store: files, clock, maxBytes: config.uploadMaxBytes, signedUrlSeconds, links }),
    simulation: createSimulationService({ engine, clock, poolSize: config.poolSize, tasks: stores.tasks, timeScale: timing.timeScale, availability }),
    ...(metrics ? { metrics } : {}),
    ...(config.vendors
      ? {
          webhooks: createVendorWebhooks({
            verifier: createWebhookVerifier(Object.assign({}, (config.vendors.falJwksUrl ? { falJwksUrl: config.vendors.falJwksUrl } : {}), (config.vendors.keys.replicate ? { replicate: { tokens: config.vendors.keys.replicate, ...(config.vendors.urls.replicate ? { baseUrl: config.vendors.urls.replicate } : {}) } } : {}))),
            clock,
            onCompletion: (notice) => inBackground(() => driver.wake(notice)),
          }),
        }
      : {}),
    availability,
    ready: () => infra.ready(),
  };
  return {
    services, driver, retention, bootstrapKey,
    async close() {
      revocationWatch.stop();
      await Promise.all([driver.stop(), retention.stop()]);
      pressure?.close();
      await upstream.close();
      await keyChanges.return?.();
      await revocations.return?.();
      await limitChanges.return?.();
    },
  };
}
