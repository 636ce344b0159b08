import { hash, randomBytes } from "node:crypto";
import { BOUNDS, isBoundedId } from "../kernel/bounds.ts";
import type { Micros } from "../kernel/money.ts";
import type { Clock } from "../kernel/clock.ts";
import type { KeyStore, StoredKey } from "./ports/key-store.ts";

/** An authenticated API key as the rest of the gateway sees it: never the key itself. */
export interface ApiKeyRecord {
  readonly id: string;
  /** The first characters of the key, enough for a person to tell keys apart. */
  readonly prefix: string;
  readonly label: string | null;
  /** The key's own daily limit, or null for the configured default. */
  readonly dailyLimitOverride: Micros | null;
  /** The limit in force. */
  readonly dailyLimit: Micros;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

export interface KeyService {
  /** The key's record if it exists and is not revoked. */
  authenticate(rawKey: string): Promise<ApiKeyRecord | null>;
  /**
   * What `authenticate` would answer, when that is known without the database (a cached lookup
   * or a malformed key); undefined when it is not. Lets the hot paths skip a promise.
   */
  authenticateCached(rawKey: string): ApiKeyRecord | null | undefined;
  /**
   * Whether this process found the key valid within the last day (it may be revoked since): the
   * failed-authentication throttle looks such a key up for an address it holds back.
   */
  validLately(rawKey: string): boolean;
  create(options?: { label?: string; dailyLimit?: Micros | null }): Promise<{ key: string; record: ApiKeyRecord }>;
  /** The key as stored now, if it exists and is not revoked (no cache: a charge that was refused reads it). */
  current(id: string): Promise<ApiKeyRecord | null>;
  revoke(id: string): Promise<ApiKeyRecord | null>;
  /** The ids of the keys revoked at or after `at` (by any process). */
  revokedSince(at: number): Promise<string[]>;
  setDailyLimit(id: string, dailyLimit: Micros | null): Promise<ApiKeyRecord | null>;
  /** Makes sure each configured key exists (by hash); returns how many were added. */
  ensureKeys(rawKeys: readonly string[]): Promise<number>;
  /** On an empty database, creates one key and returns it (to be shown once). */
  bootstrap(): Promise<string | null>;
  /** Forget cached lookups of a key (after a change made by another process). */
  invalidate(id: string): void;
  /** Forgets cached lookups of each key another process changes, as the feed tells, until it ends. */
  follow(changes: AsyncIterable<{ readonly keyId: string }>): void;
}

// One-shot hash: no Hash object per request (authentication runs on every request).
export const hashKey = (rawKey: string): string => hash("sha256", rawKey, "hex");

export const generateKey = (): string => `sk-${randomBytes(24).toString("base64url")}`;

const PREFIX_LENGTH = 8;
/** Reads of a key while other keys keep changing, before the last is answered uncached. */
const LOOKUP_TRIES = 3;

/**
 * A presented key that can be one: `sk-…` and at most BOUNDS.apiKey characters. Anything else
 * fails authentication without being hashed (a key of megabytes costs nothing).
 */
const mayBeKey = (rawKey: string): boolean => rawKey.length <= BOUNDS.apiKey && rawKey.startsWith("sk-");

/** Entries each of the key caches holds at most (valid keys, refusals, keys valid lately). */
const CACHED_MAX = 10_000;
/** How long a key found valid exempts its lookups from the failed-authentication throttle. */
const VALID_LATELY_MS = 86_400_000;

/**
 * API keys, stored only as sha256 hashes. Lookups are cached for `cacheTtlMs` (authentication
 * is on every request; default 60 s); local changes drop the cache at once, and `onChange` lets
 * other processes do the same through pub/sub.
 */
export function createKeyService(deps: {
  store: KeyStore;
  clock: Clock;
  defaultDailyLimit: Micros;
  cacheTtlMs?: number;
  /** A key changed (`revoked`: it is revoked now). */
  onChange?: (id: string, change: { readonly revoked: boolean; readonly dailyLimit: Micros }) => void;
}): KeyService {
  const { store, clock, defaultDailyLimit } = deps;
  // Revocations and limit changes clear the cache at once here and, through pub/sub, in every
  // process sharing Redis; the expiry bounds what a process without that channel can miss.
  const ttl = deps.cacheTtlMs ?? 60_000;
  // Valid keys and refusals are kept apart, each bounded, the oldest going first: a client sending
  // thousands of wrong keys fills only the refusals, and never pushes a valid key out.
  const cache = new Map<string, { record: ApiKeyRecord; expires: number }>();
  const refusals = new Map<string, number>();
  // Hashes found valid, by when (the last day's, for the throttle's exemption).
  const lately = new Map<string, number>();
  const keep = <V>(map: Map<string, V>, hash: string, value: V) => {
    map.delete(hash);
    if (map.size >= CACHED_MAX) map.delete(map.keys().next().value!);
    map.set(hash, value);
  };
  // Lookups in flight by hash: concurrent requests with one uncached key share one query.
  const lookups = new Map<string, Promise<ApiKeyRecord | null>>();
  // Bumped by every invalidation: a lookup that started before one must not cache what it read.
  let epoch = 0;

  const toRecord = (row: StoredKey): ApiKeyRecord => ({
    id: row.id,
    prefix: row.prefix,
    label: row.label,
    dailyLimitOverride: row.dailyLimit,
    dailyLimit: row.dailyLimit ?? defaultDailyLimit,
    createdAt: new Date(row.createdAt),
    revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
  });

  const invalidate = (id: string) => {
    epoch++;
    lookups.clear();
    for (const [hash, entry] of cache) if (entry.record.id === id) cache.delete(hash);
  };
  /** The cached answer for a hash (a record, or null for a refusal), undefined when not cached. */
  const cachedRecord = (hash: string): ApiKeyRecord | null | undefined => {
    const now = clock.now();
    const cached = cache.get(hash);
    if (cached && cached.expires > now) return cached.record;
    const refused = refusals.get(hash);
    return refused !== undefined && refused > now ? null : undefined;
  };
  const lookUp = (hash: string): Promise<ApiKeyRecord | null> => {
    const read = async (): Promise<ApiKeyRecord | null> => {
      // A key changed (revoked, its limit set) while it was read may have been read before the
      // change: read again, so no one is given a key revoked meanwhile (its subscription would
      // start after the revocation that should have ended it). A few tries, then the last answer.
      for (let tries = 1; ; tries++) {
        const startedIn = epoch;
        const row = await store.findByHash(hash);
        const record = row && !row.revokedAt ? toRecord(row) : null;
        if (epoch === startedIn) {
          const now = clock.now();
          if (record) {
            keep(cache, hash, { record, expires: now + ttl });
            keep(lately, hash, now);
            refusals.delete(hash);
          } else keep(refusals, hash, now + ttl);
          return record;
        }
        if (tries === LOOKUP_TRIES) return record;
      }
    };
    const lookup = read()
      .finally(() => {
        if (lookups.get(hash) === lookup) lookups.delete(hash);
      });
    lookups.set(hash, lookup);
    return lookup;
  };
  const changed = (row: StoredKey | null) => {
    if (!row) return null;
    invalidate(row.id);
    const record = toRecord(row);
    deps.onChange?.(row.id, { revoked: row.revokedAt !== null, dailyLimit: record.dailyLimit });
    return record;
  };

  return {
    async authenticate(rawKey) {
      if (!mayBeKey(rawKey)) return null;
      const hash = hashKey(rawKey);
      const known = cachedRecord(hash);
      return known !== undefined ? known : (lookups.get(hash) ?? lookUp(hash));
    },
    authenticateCached(rawKey) {
      return mayBeKey(rawKey) ? cachedRecord(hashKey(rawKey)) : null;
    },
    validLately(rawKey) {
      if (!mayBeKey(rawKey)) return false;
      const at = lately.get(hashKey(rawKey));
      return at !== undefined && at > clock.now() - VALID_LATELY_MS;
    },
    async create(options = {}) {
      const key = generateKey();
      const row = await store.create({ hash: hashKey(key), prefix: key.slice(0, PREFIX_LENGTH), label: options.label ?? null, dailyLimit: options.dailyLimit ?? null });
      return { key, record: toRecord(row) };
    },
    async current(id) {
      if (!isBoundedId(id)) return null;
      const row = await store.find(id);
      return row && row.revokedAt === null ? toRecord(row) : null;
    },
    revokedSince: (at) => store.revokedSince(at),
    async revoke(id) {
      // An id no key can have (over the id bound, not storable text) is not looked up.
      if (!isBoundedId(id)) return null;
      return changed((await store.revoke(id, clock.now())) ?? (await store.find(id)));
    },
    async setDailyLimit(id, dailyLimit) {
      if (!isBoundedId(id)) return null;
      return changed(await store.setDailyLimit(id, dailyLimit));
    },
    async ensureKeys(rawKeys) {
      return store.createMissing(rawKeys.map((key) => ({ hash: hashKey(key), prefix: key.slice(0, PREFIX_LENGTH), label: "configured" })));
    },
    async bootstrap() {
      if ((await store.count()) > 0) return null;
      const { key } = await this.create({ label: "first key" });
      return key;
    },
    invalidate,
    follow(changes) {
      void (async () => {
        for await (const change of changes) invalidate(change.keyId);
      })().catch(() => undefined);
    },
  };
}
