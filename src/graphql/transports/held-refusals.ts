import type { Duplex } from "node:stream";

/**
 * How long a refused upgrade is held before its answer. A client refused at the upgrade (its
 * address in a cool-off) that reconnects as soon as it hears the refusal would otherwise make
 * the gateway accept, parse, answer and close thousands of connections a second (and, on the
 * same machine, its own reconnecting loop takes the cores from everyone else); held, each of its
 * connections makes one attempt per REFUSAL_HOLD_MS. A client that honours Retry-After waits
 * longer than this anyway.
 */
export const REFUSAL_HOLD_MS = 1_000;
/** Refused upgrades held at once for one address; one more is cut without an answer. */
export const HELD_PER_ADDRESS = 64;
/** Refused upgrades held at once in all (a few kilobytes each); one more is cut without an answer. */
export const HELD_IN_ALL = 1_024;

export interface HeldRefusalsOptions {
  readonly holdMs?: number;
  readonly perAddress?: number;
  readonly inAll?: number;
  /** Runs `answer` after `ms` and returns how to cancel it (an unref'd timer by default). */
  readonly after?: (ms: number, answer: () => void) => () => void;
}

const unrefTimer = (ms: number, answer: () => void): (() => void) => {
  const timer = setTimeout(answer, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/**
 * Refusals of upgrades, each answered after `holdMs` (or at once when the wait left is shorter),
 * within bounds per address and in all: past them a connection is cut without an answer, which
 * costs the gateway least. A held connection its client closes is forgotten; `close()` cuts every
 * one still held (the gateway stopping).
 */
export function createHeldRefusals(options: HeldRefusalsOptions = {}) {
  const holdMs = options.holdMs ?? REFUSAL_HOLD_MS;
  const perAddress = options.perAddress ?? HELD_PER_ADDRESS;
  const inAll = options.inAll ?? HELD_IN_ALL;
  const after = options.after ?? unrefTimer;
  /** Held connections by address, each with the cancel of its answer. */
  const held = new Map<string, Map<Duplex, () => void>>();
  let count = 0;

  const forget = (address: string, socket: Duplex): void => {
    const mine = held.get(address);
    const cancel = mine?.get(socket);
    if (!mine || !cancel) return;
    cancel();
    mine.delete(socket);
    count--;
    if (mine.size === 0) held.delete(address);
  };

  return {
    /**
     * Refuses `socket`'s upgrade: `answer()` (the refusal's HTTP response, read when it is sent,
     * so a Retry-After counts from then) is written after at most `waitMs` and `holdMs`.
     */
    refuse(address: string, socket: Duplex, waitMs: number, answer: () => string): void {
      // A client that resets the connection must not take the process down with an unheard 'error'.
      socket.on("error", () => undefined);
      const mine = held.get(address);
      if ((mine?.size ?? 0) >= perAddress || count >= inAll) {
        socket.destroy();
        return;
      }
      const cancel = after(Math.max(0, Math.min(waitMs, holdMs)), () => {
        forget(address, socket);
        // Closed once the answer is written, not only half-closed: the HTTP server lets a client
        // keep its half open, and a refused connection must not outlive its refusal.
        socket.end(answer(), () => socket.destroy());
      });
      if (mine) mine.set(socket, cancel);
      else held.set(address, new Map([[socket, cancel]]));
      count++;
      socket.once("close", () => forget(address, socket));
    },
    /** Connections held now. */
    get held(): number {
      return count;
    },
    /** Cuts every held connection without an answer. */
    close(): void {
      for (const [address, mine] of [...held]) for (const socket of [...mine.keys()]) (forget(address, socket), socket.destroy());
    },
  };
}

export type HeldRefusals = ReturnType<typeof createHeldRefusals>;
