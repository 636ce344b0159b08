import { DRIVER_PACE } from "../services/task-driver.ts";
import { DAILY_LIMIT_RULE, dailyLimitMicros, type Micros } from "../kernel/money.ts";
import { loadBlobStoreConfig, loadUploadQuota, type BlobStoreConfig, type UploadQuotaConfig } from "./file-config.ts";
import { DEFAULT_LIVE_CAPS, type LiveCaps } from "../services/live-limits.ts";
import { LARGE_BODY_BYTES_PER_SECOND, MIN_LARGE_BODY_BYTES_PER_SECOND } from "../http/large-body-lanes.ts";
import { loadVendorAccounts, MAX_POOL, vendorKeyCount, vendorPoolSize, type VendorAccounts } from "./vendor-config.ts";

/** Everything the gateway reads from its environment, validated once at start-up. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL; absent = embedded PGlite under dataDir. */
  readonly databaseUrl?: string;
  /** Redis for limits, slots and pub/sub; absent = in-process. */
  readonly redisUrl?: string;
  readonly dataDir: string;
  /** Keys that must exist (created at start-up if missing). */
  readonly apiKeys: readonly string[];
  readonly adminToken?: string;
  readonly dailyLimitMicros: Micros;
  /** Divides every clock of the spec (latencies, 10/20/40-minute deadlines). */
  readonly timeScale: number;
  readonly simFailureRate: number;
  readonly simStallRate: number;
  readonly poolSize: number;
  readonly publicUrl?: string;
  /** Read the client's origin and address from X-Forwarded-* (a proxy in front sets them); else only the connection and Host. */
  readonly trustProxy: boolean;
  /** Failed authentications a client address may make per minute before 429 (0: no throttle). */
  readonly authFailuresPerMinute: number;
  /** Bytes a second of large request bodies one client address may send (src/http/large-body-lanes.ts); Infinity: unpaced. */
  readonly largeBodyBytesPerSecond: number;
  readonly uploadMaxBytes: number;
  /** An upstream GateAI-compatible API to generate on, instead of the simulation. */
  readonly upstream?: { readonly url: string; readonly apiKeys: readonly string[] };
  /** Vendor accounts (fal, Replicate, OpenAI) to generate on: vendor-config.ts. */
  readonly vendors?: VendorAccounts;
  /** A task whose driving process stops renewing its lease this long is taken over by another. */
  readonly leaseMs: number;
  /** The event-loop delay requests may feel before the task driver drives fewer tasks at once (services/driver-pace.ts); 0: it never yields. */
  readonly driverYieldMs: number;
  /** On SIGTERM, how long requests in flight may take to be answered before their connections are closed. */
  readonly shutdownGraceMs: number;
  readonly logLevel: string;
  /** Uploads and result files are deleted this many days after they were stored. */
  readonly retentionDays: number;
  /** Where file bytes are kept: a directory (default <dataDir>/files) or an S3 bucket (file-config.ts). */
  readonly blobStore: BlobStoreConfig;
  /** Each key's upload quotas: uploads per UTC day, bytes of kept uploads. */
  readonly uploadQuota: UploadQuotaConfig;
  /** Caps on live updates per socket and per key, in each process (src/services/live-limits.ts). */
  readonly live: LiveCaps;
  /** Browser origins allowed to call the API (CORS, src/http/cors.ts): "*" any, [] none. */
  readonly corsOrigins: "*" | readonly string[];
  /** Serve Prometheus metrics on /metrics (GATEAI_METRICS, default on). */
  readonly metricsEnabled: boolean;
  /** When set, /metrics asks for it as a bearer token. */
  readonly metricsToken?: string;
  /** Seals EventSource stream tokens; every process behind one address needs the same (absent: random per process). */
  readonly streamTokenSecret?: string;
}

/** `warnings`: settings that look meant for this gateway and that it does not read (logged at start). */
export type ConfigResult = { ok: true; config: Config; warnings: string[] } | { ok: false; errors: string[] };

/** pino's levels, and silent. */
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

function logLevel(raw: string | undefined, errors: string[]): string {
  if (raw === undefined) return "info";
  if ((LOG_LEVELS as readonly string[]).includes(raw)) return raw;
  errors.push(`LOG_LEVEL=${JSON.stringify(raw)} is invalid: one of ${LOG_LEVELS.join(", ")}`);
  return "info";
}

/** Characters after `sk-` of a configured key: at least 32 (a generated key has 32), at most 200. */
export const CONFIGURED_KEY_CHARACTERS = { min: 32, max: 200 } as const;
const KEY_PATTERN = new RegExp(`^sk-[A-Za-z0-9_-]{${CONFIGURED_KEY_CHARACTERS.min},${CONFIGURED_KEY_CHARACTERS.max}}$`);

/** Reads and checks the environment; every bad value is reported, not just the first. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const errors: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === "" ? undefined : value;
  };
  const number = (name: string, fallback: number, check: (n: number) => boolean, rule: string): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || !check(value)) {
      errors.push(`${name}=${JSON.stringify(raw)} is invalid: ${rule}`);
      return fallback;
    }
    return value;
  };
  const flag = (name: string): boolean => {
    const raw = text(name)?.toLowerCase();
    if (raw === undefined || raw === "0" || raw === "false") return false;
    if (raw === "1" || raw === "true") return true;
    errors.push(`${name}=${JSON.stringify(raw)} is invalid: 1 (or true) to enable, 0 (or false) to disable`);
    return false;
  };
  const url = (name: string, protocols: readonly string[]): string | undefined => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error();
      return raw;
    } catch {
      errors.push(`${name} is invalid: expected a ${protocols.map((p) => p.replace(":", "://")).join(" or ")} URL`);
      return undefined;
    }
  };

  const port = number("PORT", 4000, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, "an integer port 0-65535");
  const dailyLimitUsd = number("GATEAI_DAILY_LIMIT", 100, (n) => dailyLimitMicros(n) !== undefined, DAILY_LIMIT_RULE);
  const apiKeys = (text("GATEAI_API_KEYS") ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
  for (const key of apiKeys) {
    if (!KEY_PATTERN.test(key)) errors.push(
        `GATEAI_API_KEYS: a key must look like sk-<${CONFIGURED_KEY_CHARACTERS.min} to ${CONFIGURED_KEY_CHARACTERS.max} letters, digits, _ or ->, got one of ${key.length} characters starting ${JSON.stringify(key.slice(0, 5))}`,
      );
  }
  const adminToken = text("GATEAI_ADMIN_TOKEN");
  if (adminToken !== undefined && adminToken.length < 16) errors.push("GATEAI_ADMIN_TOKEN is too short: use at least 16 characters");

  const metricsToken = text("GATEAI_METRICS_TOKEN");
  const streamTokenSecret = text("GATEAI_STREAM_TOKEN_SECRET");
  if (streamTokenSecret !== undefined && streamTokenSecret.length < 32) errors.push("GATEAI_STREAM_TOKEN_SECRET is too short: use at least 32 characters");
  if (metricsToken !== undefined && metricsToken.length < 16) errors.push("GATEAI_METRICS_TOKEN is too short: use at least 16 characters");
  const databaseUrl = url("DATABASE_URL", ["postgresql:", "postgres:"]);
  const redisUrl = url("REDIS_URL", ["redis:", "rediss:"]);
  const publicUrl = url("GATEAI_PUBLIC_URL", ["http:", "https:"]);
  const upstreamUrl = url("GATEAI_UPSTREAM_URL", ["http:", "https:"]);
  const upstreamKeys = (text("GATEAI_UPSTREAM_KEYS") ?? "").split(",").map((k) => k.trim()).filter(Boolean);
  if (upstreamUrl && !upstreamKeys.length) errors.push("GATEAI_UPSTREAM_KEYS is required with GATEAI_UPSTREAM_URL (one API key per pool account, comma-separated)");
  if (!upstreamUrl && upstreamKeys.length) errors.push("GATEAI_UPSTREAM_KEYS is set without GATEAI_UPSTREAM_URL: name the upstream, or remove the keys");
  const warnings: string[] = [];
  const vendors = loadVendorAccounts(text, errors, warnings);
  // Either generates everything: with both, the pool would be sized by one and driven by the other.
  if (upstreamUrl && vendors) errors.push("GATEAI_UPSTREAM_URL and vendor keys (FAL_KEYS, REPLICATE_TOKENS, OPENAI_KEYS) are two ways to generate: set one of them");
  if (vendors && vendorKeyCount(vendors) > MAX_POOL) errors.push(`vendor keys: ${vendorKeyCount(vendors)} in all, at most ${MAX_POOL} (one pool account each)`);
  const config: Config = {
    port,
    host: text("HOST") ?? "0.0.0.0",
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    dataDir: text("GATEAI_DATA_DIR") ?? "./.data",
    apiKeys,
    ...(adminToken ? { adminToken } : {}),
    dailyLimitMicros: dailyLimitMicros(dailyLimitUsd)!,
    timeScale: number("GATEAI_TIME_SCALE", 1, (n) => n > 0 && n <= 1_000_000, "a positive number (1 = real time)"),
    simFailureRate: number("GATEAI_SIM_FAILURE_RATE", 0, (n) => n >= 0 && n <= 1, "a probability between 0 and 1"),
    simStallRate: number("GATEAI_SIM_STALL_RATE", 0, (n) => n >= 0 && n <= 1, "a probability between 0 and 1"),
    // With vendor accounts, the pool is those accounts (one per key); GATEAI_POOL_SIZE sizes the simulation's.
    poolSize: vendors ? vendorPoolSize(vendors) : number("GATEAI_POOL_SIZE", 12, (n) => Number.isInteger(n) && n >= 1 && n <= 1000, "an integer from 1 to 1000"),
    ...(publicUrl ? { publicUrl: publicUrl.replace(/\/+$/, "") } : {}),
    trustProxy: flag("GATEAI_TRUST_PROXY"),
    authFailuresPerMinute: number("GATEAI_AUTH_FAILURES_PER_MINUTE", 60, (n) => Number.isInteger(n) && n >= 0 && n <= 1_000_000, "an integer from 0 (no throttle) to 1000000"),
    ...(upstreamUrl && upstreamKeys.length ? { upstream: { url: upstreamUrl, apiKeys: upstreamKeys } } : {}),
    ...(vendors ? { vendors } : {}),
    // 0 turns the pacing off (one large body at a time per address still holds).
    largeBodyBytesPerSecond:
      number(
        "GATEAI_LARGE_BODY_BYTES_PER_SECOND",
        LARGE_BODY_BYTES_PER_SECOND,
        (n) => n === 0 || (Number.isInteger(n) && n >= MIN_LARGE_BODY_BYTES_PER_SECOND),
        `0 (unpaced) or an integer number of bytes a second, at least ${MIN_LARGE_BODY_BYTES_PER_SECOND}`,
      ) || Number.POSITIVE_INFINITY,
    // At most 1 GiB: a file's size is stored as a 32-bit integer, and a JSON body carries an inline file in base64 (4/3 of it).
    uploadMaxBytes: number("GATEAI_UPLOAD_MAX_BYTES", 10 * 1024 * 1024, (n) => Number.isInteger(n) && n > 0 && n <= 1024 ** 3, "a positive integer number of bytes, at most 1073741824 (1 GiB)"),
    // At most 10 minutes: a dead process's tasks must be taken over well before their 20-minute refund.
    leaseMs: number("GATEAI_LEASE_MS", 5_000, (n) => Number.isInteger(n) && n >= 100 && n <= 600_000, "an integer number of milliseconds from 100 to 600000"),
    driverYieldMs: number("GATEAI_DRIVER_YIELD_MS", DRIVER_PACE.targetDelayMs, (n) => Number.isInteger(n) && n >= 0 && n <= 10_000, "an integer number of milliseconds from 0 (never yield) to 10000"),
    shutdownGraceMs: number("GATEAI_SHUTDOWN_GRACE_MS", 10_000, (n) => Number.isInteger(n) && n >= 0 && n <= 120_000, "an integer number of milliseconds from 0 to 120000"),
    logLevel: logLevel(text("LOG_LEVEL"), errors),
    // At least a day: an upload must outlive every task that can still reference it (40 minutes at most).
    retentionDays: number("GATEAI_RETENTION_DAYS", 7, (n) => n >= 1 && n <= 36_500, "a number of days from 1 to 36500"),
    blobStore: loadBlobStoreConfig(text, number, text("GATEAI_DATA_DIR") ?? "./.data", errors),
    uploadQuota: loadUploadQuota(number),
    live: {
      subscriptionsPerSocket: number("GATEAI_MAX_SUBSCRIPTIONS_PER_SOCKET", DEFAULT_LIVE_CAPS.subscriptionsPerSocket, (n) => Number.isInteger(n) && n >= 1 && n <= 100_000, "an integer from 1 to 100000"),
      subscriptionsPerKey: number("GATEAI_MAX_SUBSCRIPTIONS_PER_KEY", DEFAULT_LIVE_CAPS.subscriptionsPerKey, (n) => Number.isInteger(n) && n >= 1 && n <= 1_000_000, "an integer from 1 to 1000000"),
      socketsPerKey: number("GATEAI_MAX_SOCKETS_PER_KEY", DEFAULT_LIVE_CAPS.socketsPerKey, (n) => Number.isInteger(n) && n >= 1 && n <= 100_000, "an integer from 1 to 100000"),
    },
    corsOrigins: corsOrigins(text("GATEAI_CORS_ORIGINS"), errors),
    metricsEnabled: text("GATEAI_METRICS") === undefined ? true : flag("GATEAI_METRICS"),
    ...(metricsToken ? { metricsToken } : {}),
    ...(streamTokenSecret ? { streamTokenSecret } : {}),
  };
  return errors.length ? { ok: false, errors } : { ok: true, config, warnings };
}

/**
 * GATEAI_CORS_ORIGINS: unset or "*" lets any origin call (the API authenticates with a bearer key
 * that a browser never sends on its own, so no credentials are allowed and none are needed);
 * "none" turns CORS off; else a comma-separated list of origins (scheme://host[:port]).
 */
function corsOrigins(raw: string | undefined, errors: string[]): "*" | readonly string[] {
  if (raw === undefined || raw === "*") return "*";
  if (raw.toLowerCase() === "none") return [];
  const origins: string[] = [];
  for (const entry of raw.split(",").map((o) => o.trim()).filter(Boolean)) {
    let origin: string | undefined;
    try {
      const parsed = new URL(entry);
      if ((parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.origin === entry.replace(/\/+$/, "")) origin = parsed.origin;
    } catch {
      origin = undefined;
    }
    if (origin === undefined) errors.push(`GATEAI_CORS_ORIGINS: ${JSON.stringify(entry.slice(0, 100))} is not an origin (scheme://host[:port], no path), "*" or "none"`);
    else origins.push(origin);
  }
  return origins;
}
