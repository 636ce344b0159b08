/**
 * Redis `Limiter`: every decision is one Lua script, so it is atomic across all gateway
 * processes sharing the Redis. Per key, two sorted sets (members are slotIds):
 *   `{prefix}{keyId}:slots`  score = takenAt
 *   `{prefix}{keyId}:window` score = admittedAt
 * The `{keyId}` hash tag keeps both in one Redis Cluster slot, so one script may touch both.
 *
 * Time: with `options.clock` the caller's clock is passed in (tests drive it); otherwise the
 * script reads the Redis server's TIME, so processes whose clocks disagree still agree.
 * Idle keys expire by PEXPIRE (the longer of slot TTL and window after the last admission;
 * at least an hour with an injected clock, since key expiry runs on the server's clock).
 * `close()` leaves the connection open: it belongs to the caller.
 */
import type { Redis } from "ioredis";
import type { AcquireResult, HeldSlot, LimitPolicy, LimitSnapshot, Limiter } from "../../services/ports/limiter.ts";
import type { Clock } from "../../kernel/clock.ts";

/** Shared head of every script: reads KEYS/now and trims what has expired under the given policy. */
const TRIM = `
local slotsKey, windowKey = KEYS[1], KEYS[2]
local now = tonumber(ARGV[1])
if not now then
  -- Scripts may read TIME before writing since Redis 5 (effects replication); older servers need this call.
  if redis.replicate_commands then redis.replicate_commands() end
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local slotTtl, windowMs = tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', slotsKey, '-inf', now - slotTtl)
redis.call('ZREMRANGEBYSCORE', windowKey, '-inf', now - windowMs)
`;

/** ARGV: now|"", slotTtlMs, windowMs, maxConcurrent, windowMax, slotId, min key TTL. */
const ACQUIRE = `${TRIM}
local maxConcurrent, windowMax, slotId = tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6]
local heldSince = redis.call('ZSCORE', slotsKey, slotId)
if heldSince then
  return {1, heldSince}
end
local slots = redis.call('ZCARD', slotsKey)
if slots >= maxConcurrent then
  -- Free once enough of the earliest slots expire to get below the limit.
  local e = redis.call('ZRANGE', slotsKey, slots - maxConcurrent, slots - maxConcurrent, 'WITHSCORES')
  return {0, 'CONCURRENCY', string.format('%.0f', math.max(1, tonumber(e[2]) + slotTtl - now))}
end
local count = redis.call('ZCARD', windowKey)
if count >= windowMax then
  local e = redis.call('ZRANGE', windowKey, count - windowMax, count - windowMax, 'WITHSCORES')
  return {0, 'WINDOW', string.format('%.0f', math.max(1, tonumber(e[2]) + windowMs - now))}
end
-- A reused slotId that is still counted keeps counting, under an alias (NUL-separated, unlike real ids).
local previous = redis.call('ZSCORE', windowKey, slotId)
if previous then
  local n = 0
  local alias
  repeat
    n = n + 1
    alias = slotId .. '\\0' .. previous .. '\\0' .. n
  until not redis.call('ZSCORE', windowKey, alias)
  redis.call('ZADD', windowKey, previous, alias)
end
local nowText = string.format('%.0f', now)
redis.call('ZADD', slotsKey, nowText, slotId)
redis.call('ZADD', windowKey, nowText, slotId)
-- Idle keys vanish on their own: every entry is older than the newest, which dies by then.
local keepAtLeast = tonumber(ARGV[7])
-- PEXPIRE takes whole milliseconds (a time scale can make the TTLs fractional): rounded up.
redis.call('PEXPIRE', slotsKey, math.ceil(math.max(slotTtl, keepAtLeast)))
redis.call('PEXPIRE', windowKey, math.ceil(math.max(windowMs, keepAtLeast)))
return {1, nowText}
`;

/** ARGV: slotId, "1" to also un-count the request. */
const RELEASE = `
redis.call('ZREM', KEYS[1], ARGV[1])
if ARGV[2] == '1' then
  redis.call('ZREM', KEYS[2], ARGV[1])
end
return 0
`;

/** ARGV: now|"", slotTtlMs, windowMs. Returns {window count, slotId, takenAt, slotId, takenAt, ...}. */
const SNAPSHOT = `${TRIM}
local result = {redis.call('ZCARD', windowKey)}
for _, v in ipairs(redis.call('ZRANGE', slotsKey, 0, -1, 'WITHSCORES')) do
  result[#result + 1] = v
end
return result
`;

/** Idle-key lifetime floor when time comes from an injected clock (see createRedisLimiter). */
const INJECTED_CLOCK_MIN_KEY_TTL_MS = 60 * 60_000;

/** Names are namespaced since defineCommand adds methods to the caller's connection object. */
const ACQUIRE_COMMAND = "gateaiLimiterAcquire";
const RELEASE_COMMAND = "gateaiLimiterRelease";
const SNAPSHOT_COMMAND = "gateaiLimiterSnapshot";

interface LimiterCommands {
  [ACQUIRE_COMMAND](...args: string[]): Promise<unknown>;
  [RELEASE_COMMAND](...args: string[]): Promise<unknown>;
  [SNAPSHOT_COMMAND](...args: string[]): Promise<unknown>;
}

export function createRedisLimiter(redis: Redis, options?: { clock?: Clock; prefix?: string }): Limiter {
  const prefix = options?.prefix ?? "limits:";
  const clock = options?.clock;
  // defineCommand runs EVALSHA and falls back to EVAL when the server lacks the script.
  redis.defineCommand(ACQUIRE_COMMAND, { numberOfKeys: 2, lua: ACQUIRE });
  redis.defineCommand(RELEASE_COMMAND, { numberOfKeys: 2, lua: RELEASE });
  redis.defineCommand(SNAPSHOT_COMMAND, { numberOfKeys: 2, lua: SNAPSHOT });
  const commands = redis as unknown as LimiterCommands;

  const keysOf = (keyId: string): [string, string] => [`${prefix}{${keyId}}:slots`, `${prefix}{${keyId}}:window`];
  /** Empty means "use the server's TIME". */
  const nowArg = (): string => (clock === undefined ? "" : String(clock.now()));
  // Key expiry always runs on the server's clock. An injected clock may run slower (a manual
  // clock barely moves), so then keys are kept longer, lest Redis drop entries still live.
  const minKeyTtlMs = String(clock === undefined ? 0 : INJECTED_CLOCK_MIN_KEY_TTL_MS);

  return {
    async acquire(keyId, slotId, policy): Promise<AcquireResult> {
      const reply = (await commands[ACQUIRE_COMMAND](
        ...keysOf(keyId),
        nowArg(),
        String(policy.slotTtlMs),
        String(policy.windowMs),
        String(policy.maxConcurrent),
        String(policy.windowMax),
        slotId,
        minKeyTtlMs,
      )) as [number, string] | [number, "CONCURRENCY" | "WINDOW", string];
      if (reply[0] === 1) return { ok: true, takenAt: Number(reply[1]) };
      const [, reason, retryAfterMs] = reply as [number, "CONCURRENCY" | "WINDOW", string];
      return { ok: false, reason, retryAfterMs: Number(retryAfterMs) };
    },

    async release(keyId, slotId, releaseOptions) {
      await commands[RELEASE_COMMAND](...keysOf(keyId), slotId, releaseOptions?.forgetRequest === true ? "1" : "0");
    },

    async snapshot(keyId, policy: LimitPolicy): Promise<LimitSnapshot> {
      const reply = (await commands[SNAPSHOT_COMMAND](
        ...keysOf(keyId),
        nowArg(),
        String(policy.slotTtlMs),
        String(policy.windowMs),
      )) as [number, ...string[]];
      const [windowCount, ...pairs] = reply;
      const slots: HeldSlot[] = [];
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        const takenAt = Number(pairs[i + 1]);
        slots.push({ slotId: pairs[i] as string, takenAt, expiresAt: takenAt + policy.slotTtlMs });
      }
      return { slots, windowCount };
    },

    /** The connection belongs to the caller, who quits it; the limiter holds nothing else. */
    async close() {},
  };
}
