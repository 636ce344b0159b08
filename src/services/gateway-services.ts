import type { PrismaClient } from "../generated/prisma/client.ts";
import type { SqlClient } from "../adapters/postgres/sql.ts";
import type { Engine } from "../engine/engine.ts";
import type { Limiter } from "./ports/limiter.ts";
import type { Config } from "../app/config.ts";
import type { Clock } from "../kernel/clock.ts";
import type { GatewayPubSub } from "./events.ts";
import type { GenerationService } from "./generation.ts";
import type { KeyService } from "./keys.ts";
import type { Timing } from "./timing.ts";
import type { Logger } from "pino";

/** Pool health as /credits reports it. */
export interface PoolStatus {
  readonly totalAccounts: number;
  readonly locked: number;
}

/** Stored files (uploads and results) served by the gateway. */
export interface StoredFile {
  readonly mediaType: string;
  readonly data: Uint8Array;
}

export interface UploadResult {
  readonly id: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
}

/**
 * Everything the faces (REST, GraphQL) call. Built once in app.ts from the configured adapters;
 * handlers stay thin: parse, call one service, shape the answer.
 */
export interface GatewayServices {
  readonly config: Config;
  readonly clock: Clock;
  readonly timing: Timing;
  readonly logger: Logger;
  readonly prisma: PrismaClient;
  /** The same database through its driver, for hot statements (src/store/sql.ts). */
  readonly sql: SqlClient;
  readonly engine: Engine;
  readonly limiter: Limiter;
  readonly pubsub: GatewayPubSub;
  readonly keys: KeyService;
  readonly generation: GenerationService;
  pool(): Promise<PoolStatus>;
  /** The file behind a /files/<taskOrUploadId>/<name> URL, if any. */
  file(ownerId: string, name: string): Promise<StoredFile | null>;
  upload(keyId: string, file: { mediaType: string; data: Uint8Array }): Promise<import("../kernel/result.ts").Result<UploadResult, import("./errors.ts").ServiceError>>;
  /** True when the database (and Redis, if configured) answer. */
  ready(): Promise<{ ok: boolean; checks: Record<string, string> }>;
}
