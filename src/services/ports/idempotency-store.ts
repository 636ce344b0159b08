/** What an earlier request with the same Idempotency-Key left behind. */
export type Reservation =
  /** This request holds the key now; `token` proves it when the acceptance completes it. */
  | { readonly kind: "reserved"; readonly token: number }
  | { readonly kind: "replay"; readonly response: unknown; readonly taskId: string | null }
  | { readonly kind: "mismatch" }
  | { readonly kind: "pending" };

/** Idempotency-Key records: one request holds a key at a time; its answer is kept for replays. */
export interface IdempotencyStore {
  /**
   * Claims a key for one request, atomically: a new key, an expired one, or one whose holder
   * vanished (PENDING longer than `abandonAfterMs`) is (re)claimed; otherwise the earlier
   * request's state is returned.
   */
  reserve(args: { keyId: string; key: string; requestHash: string; now: number; ttlMs: number; abandonAfterMs: number }): Promise<Reservation>;
  /** Gives the key back after a request that was not accepted, so a retry can run. */
  release(keyId: string, key: string, token: number): Promise<void>;
  /** Whether the reservation made with `token` still holds the key. */
  isHeld(keyId: string, key: string, token: number): Promise<boolean>;
  /** Deletes at most `limit` records whose time to live ended by `now`; how many. */
  purgeExpired(now: number, limit: number): Promise<number>;
}
