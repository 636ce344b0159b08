import { DAILY_LIMIT_RULE, dailyLimitMicros, type Micros } from "../kernel/money.ts";

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
  readonly uploadMaxBytes: number;
  /** An upstream GateAI-compatible API to generate on, instead of the simulation. */
  readonly upstream?: { readonly url: string; readonly apiKeys: readonly string[] };
  /** A task whose driving process stops renewing its lease this long is taken over by another. */
  readonly leaseMs: number;
  readonly logLevel: string;
  /** Uploads and result files are deleted this many days after they were stored. */
  readonly retentionDays: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

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

  const databaseUrl = url("DATABASE_URL", ["postgresql:", "postgres:"]);
  const redisUrl = url("REDIS_URL", ["redis:", "rediss:"]);
  const publicUrl = url("GATEAI_PUBLIC_URL", ["http:", "https:"]);
  const upstreamUrl = url("GATEAI_UPSTREAM_URL", ["http:", "https:"]);
  const upstreamKeys = (text("GATEAI_UPSTREAM_KEYS") ?? "").split(",").map((k) => k.trim()).filter(Boolean);
  if (upstreamUrl && !upstreamKeys.length) errors.push("GATEAI_UPSTREAM_KEYS is required with GATEAI_UPSTREAM_URL (one API key per pool account, comma-separated)");
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
    poolSize: number("GATEAI_POOL_SIZE", 12, (n) => Number.isInteger(n) && n >= 1 && n <= 1000, "an integer from 1 to 1000"),
    ...(publicUrl ? { publicUrl: publicUrl.replace(/\/+$/, "") } : {}),
    trustProxy: flag("GATEAI_TRUST_PROXY"),
    authFailuresPerMinute: number("GATEAI_AUTH_FAILURES_PER_MINUTE", 60, (n) => Number.isInteger(n) && n >= 0 && n <= 1_000_000, "an integer from 0 (no throttle) to 1000000"),
    ...(upstreamUrl && upstreamKeys.length ? { upstream: { url: upstreamUrl, apiKeys: upstreamKeys } } : {}),
    uploadMaxBytes: number("GATEAI_UPLOAD_MAX_BYTES", 10 * 1024 * 1024, (n) => Number.isInteger(n) && n > 0, "a positive integer number of bytes"),
    leaseMs: number("GATEAI_LEASE_MS", 5_000, (n) => Number.isInteger(n) && n >= 100, "an integer number of milliseconds, at least 100"),
    logLevel: text("LOG_LEVEL") ?? "info",
    // At least a day: an upload must outlive every task that can still reference it (40 minutes at most).
    retentionDays: number("GATEAI_RETENTION_DAYS", 7, (n) => n >= 1 && n <= 36_500, "a number of days from 1 to 36500"),
  };
  return errors.length ? { ok: false, errors } : { ok: true, config };
}
