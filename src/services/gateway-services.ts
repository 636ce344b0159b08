import type { Logger } from "pino";
import type { Engine } from "../engine/engine.ts";
import type { Clock } from "../kernel/clock.ts";
import type { AccountService } from "./account.ts";
import type { GatewayPubSub } from "./events.ts";
import type { FileService } from "./files.ts";
import type { GenerationService } from "./generation.ts";
import type { KeyService } from "./keys.ts";
import type { MetricsPort } from "./ports/metrics.ts";
import type { DashboardFeeds } from "./live-dashboards.ts";
import type { LiveLimits } from "./live-limits.ts";
import type { TaskService } from "./tasks.ts";
import type { SimulationService } from "./simulation.ts";
import type { Timing } from "./timing.ts";
import type { ModelAvailability } from "./availability.ts";
import type { VendorWebhooks } from "./vendor-webhooks.ts";

/** The configuration the faces read. */
export interface FaceSettings {
  /** Origin of absolute result URLs; absent: the request's own. */
  readonly publicUrl?: string;
  /** X-Forwarded-Host/Proto/For come from a proxy in front (GATEAI_TRUST_PROXY=1); else they are ignored. */
  readonly trustProxy?: boolean;
  /** Enables the admin operations. */
  readonly adminToken?: string;
  /** The largest upload and inline `data:` reference. */
  readonly uploadMaxBytes: number;
  /** Seals stream tokens (src/http/stream-token.ts); absent: a random secret per process. */
  readonly streamTokenSecret?: string;
}

/**
 * Everything the faces (REST, GraphQL) call: use cases, never storage. Built once by the app
 * from the configured adapters; handlers stay thin: parse, call one service, shape the answer.
 */
export interface GatewayServices {
  readonly config: FaceSettings;
  readonly clock: Clock;
  readonly timing: Timing;
  readonly logger: Logger;
  /** The pure cost engine over the models as this gateway runs them (a vendor route may cap a quantity): every answer's. */
  readonly engine: Engine;
  /**
   * The engine over the spec's catalog as it is, which the GraphQL schema's typed inputs describe:
   * one schema for every deployment (and every codegen client). Absent:
   * `engine` is over the catalog as it is.
   */
  readonly schemaEngine?: Engine;
  /** Live events, for subscriptions. */
  readonly pubsub: GatewayPubSub;
  /** Caps on live subscriptions and sockets in this process; ends a revoked key's subscriptions. */
  readonly live: LiveLimits;
  /** Live dashboards (meUpdated), one feed per key derived from its events. */
  readonly dashboards: DashboardFeeds;
  readonly keys: KeyService;
  readonly generation: GenerationService;
  readonly tasks: TaskService;
  readonly account: AccountService;
  readonly files: FileService;
  /** Workload cost simulation (what a day of traffic will spend, downgrade, refuse and wait). */
  readonly simulation: SimulationService;
  /** Where faces report to operations (/metrics); absent: nothing is reported. */
  readonly metrics?: MetricsPort;
  /** Which models run now, and where (vendor or simulation); absent: every model, simulated. */
  readonly availability?: ModelAvailability;
  /** Vendor completion webhooks (verified); absent when no vendor accounts are configured. */
  readonly webhooks?: VendorWebhooks;
  /** True when the database (and Redis, if configured) answer. */
  ready(): Promise<{ ok: boolean; checks: Record<string, string> }>;
}
