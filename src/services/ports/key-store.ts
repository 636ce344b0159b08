import type { Micros } from "../../kernel/money.ts";

/** An API key as stored: its hash, never the key. */
export interface StoredKey {
  readonly id: string;
  readonly prefix: string;
  readonly label: string | null;
  readonly dailyLimit: Micros | null;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

export interface KeyStore {
  findByHash(hash: string): Promise<StoredKey | null>;
  find(id: string): Promise<StoredKey | null>;
  create(key: { hash: string; prefix: string; label: string | null; dailyLimit: Micros | null }): Promise<StoredKey>;
  /** Adds the keys whose hash is not stored yet; how many were added. */
  createMissing(keys: readonly { hash: string; prefix: string; label: string }[]): Promise<number>;
  /** Marks the key revoked at `at` unless it already is; the key after it, or null when none was revoked now. */
  revoke(id: string, at: number): Promise<StoredKey | null>;
  setDailyLimit(id: string, dailyLimit: Micros | null): Promise<StoredKey | null>;
  count(): Promise<number>;
  /** The ids of the keys revoked at or after `at`. */
  revokedSince(at: number): Promise<string[]>;
}
