import type { Server } from "node:http";
import type { Logger } from "pino";
import type { Clock } from "../kernel/clock.ts";
import type { GatewayServices } from "../services/gateway-services.ts";
import type { HostResolver } from "../services/ports/host-resolver.ts";
import type { Provider } from "../services/ports/provider.ts";
import type { TaskDriver } from "../services/task-driver.ts";
import type { Infrastructure } from "./infrastructure.ts";
import type { HeartbeatTiming } from "../adapters/redis/heartbeat.ts";

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
  /** With memoryDatabase: a PGlite data-directory dump the database starts from instead of initdb (tests). */
  readonly memoryTemplate?: string;
  /** Every Redis connection's heartbeat (tests use a shorter one than the default). */
  readonly redisHeartbeat?: HeartbeatTiming;
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
