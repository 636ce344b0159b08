/**
 * Revocations reach every process's live subscriptions through the pub/sub (`keyChanged`); a
 * publish lost while Redis was down, or a place taken while its key's revocation was in flight,
 * would let a revoked key's subscriptions deliver for as long as they stay open. So each process
 * also asks the database, every `everyMs`, which keys were revoked since its last look (with a
 * margin for other processes' clocks), forgets them in its key cache and ends their subscriptions
 * and sockets here.
 */
import type { Clock } from "../kernel/clock.ts";
import type { KeyService } from "./keys.ts";
import type { LiveLimits } from "./live-limits.ts";

/** How far back each look reaches past the previous one: revocations stamped by a process whose clock is behind. */
const CLOCK_MARGIN_MS = 60_000;

export interface RevocationWatch {
  /** Ends the live places of the keys revoked since the last look; how many keys it found. */
  check(): Promise<number>;
  start(): void;
  stop(): void;
}

export function createRevocationWatch(deps: { keys: Pick<KeyService, "revokedSince" | "invalidate">; live: Pick<LiveLimits, "revoke">; clock: Clock; everyMs: number; onError?: (error: unknown) => void }): RevocationWatch {
  let since = deps.clock.now() - CLOCK_MARGIN_MS;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> | undefined;
  const check = async (): Promise<number> => {
    const lookedAt = deps.clock.now();
    const revoked = await deps.keys.revokedSince(since);
    // The key cache first: a client whose subscriptions end must not be let in again at once.
    for (const keyId of revoked) {
      deps.keys.invalidate(keyId);
      deps.live.revoke(keyId);
    }
    since = lookedAt - CLOCK_MARGIN_MS;
    return revoked.length;
  };
  return {
    check,
    start() {
      timer ??= setInterval(() => {
        // One look at a time; a failed one is looked again from the same instant.
        running ??= check()
          .catch((error: unknown) => {
            deps.onError?.(error);
            return 0;
          })
          .finally(() => (running = undefined));
      }, deps.everyMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
