import type { IncomingMessage } from "node:http";

/**
 * A body over this many bytes (declared, or streamed without a length) takes its client's lane.
 * Every answer of the API needs far less (a generate or GraphQL request is a few hundred bytes):
 * only inline `data:` references, uploads and hostile requests reach it.
 */
export const LARGE_BODY_BYTES = 64 * 1024;

/** Requests of one client address that may wait for its lane; one more is refused (429). */
export const LARGE_BODY_QUEUE = 16;

/** Whether a request carries a large body: declared over LARGE_BODY_BYTES, or of unknown length. */
export function hasLargeBody(req: IncomingMessage): boolean {
  const declared = req.headers["content-length"];
  if (declared !== undefined) return Number(declared) > LARGE_BODY_BYTES;
  return req.headers["transfer-encoding"] !== undefined;
}

/**
 * Bytes a second of large bodies one client address may send: after a large request is answered,
 * the address's lane stays closed until its bytes are paid for at this rate (counted from when
 * the request entered). A body's cost to the event loop grows with its bytes, so one address holds
 * the loop for a bounded share of each second however fast it sends (bench/README.md measures it).
 */
export const LARGE_BODY_BYTES_PER_SECOND = 16 * 1024 * 1024;

/** The slowest pace configuration may set: one large body (64 KiB) a second. */
export const MIN_LARGE_BODY_BYTES_PER_SECOND = LARGE_BODY_BYTES;

export type LaneEntry =
  /**
   * The lane is this request's until it calls `release` (once its answer is sent) with the bytes
   * it read, and until those bytes are paid for.
   */
  | { readonly kind: "entered"; readonly release: (bytesRead?: number) => void }
  /** Its client already has LARGE_BODY_QUEUE requests waiting. */
  | { readonly kind: "refused" };

export interface LargeBodyLaneOptions {
  /** Requests of one address that may wait; one more is refused. */
  readonly queueLimit?: number;
  /** LARGE_BODY_BYTES_PER_SECOND by default; 0 or Infinity: a lane opens as soon as it is released. */
  readonly bytesPerSecond?: number;
  /** Milliseconds on a clock that only moves forward (performance.now by default). */
  readonly now?: () => number;
  /** Runs `open` after `ms` (an unref'd timer by default: a closed lane does not keep the process alive). */
  readonly after?: (ms: number, open: () => void) => void;
}

const unrefTimer = (ms: number, open: () => void): void => {
  setTimeout(open, ms).unref();
};

/** The longest wait a timer takes (Node fires a longer one at once). */
const MAX_WAIT_MS = 2 ** 31 - 1;

/**
 * One large request at a time per client address, at a bounded rate of bytes: the rule that keeps
 * a client sending megabyte bodies from taking the event loop from everyone else. Reading,
 * decoding and parsing a body costs the main thread time in proportion to its size, and nothing
 * can cut that work into slices; what can be bounded is how many of one client's bodies are in
 * that work at once (one), and how many bytes a second it brings (`bytesPerSecond`). The others
 * wait unread, in order (their bytes stay in the kernel's buffers, held back by TCP), so another
 * client waits behind at most one of them at each step, and only for a bounded share of each
 * second. Small requests never wait. Lanes are per process; an address with nothing running,
 * paying or waiting holds no memory.
 */
export function createLargeBodyLanes(options: LargeBodyLaneOptions = {}) {
  const queueLimit = options.queueLimit ?? LARGE_BODY_QUEUE;
  const rate = options.bytesPerSecond ?? LARGE_BODY_BYTES_PER_SECOND;
  const bytesPerSecond = rate > 0 ? rate : Number.POSITIVE_INFINITY;
  const now = options.now ?? (() => performance.now());
  const after = options.after ?? unrefTimer;
  /** Per address: the waiting requests' wake-ups, in arrival order; present while the lane is taken. */
  const lanes = new Map<string, (() => void)[]>();

  const open = (address: string): void => {
    const waiting = lanes.get(address)!;
    const next = waiting.shift();
    if (next) next();
    else lanes.delete(address);
  };

  const releaser = (address: string): ((bytesRead?: number) => void) => {
    const enteredAt = now();
    let released = false;
    return (bytesRead = 0) => {
      if (released) return;
      released = true;
      const paidAt = enteredAt + (bytesRead / bytesPerSecond) * 1000;
      const wait = paidAt - now();
      if (wait > 0) after(Math.min(wait, MAX_WAIT_MS), () => open(address));
      else open(address);
    };
  };

  return {
    /** Takes `address`'s lane, waiting for it if another of its requests holds it or is being paid for. */
    enter(address: string): Promise<LaneEntry> | LaneEntry {
      const waiting = lanes.get(address);
      if (!waiting) {
        lanes.set(address, []);
        return { kind: "entered", release: releaser(address) };
      }
      if (waiting.length >= queueLimit) return { kind: "refused" };
      return new Promise<LaneEntry>((resolve) => waiting.push(() => resolve({ kind: "entered", release: releaser(address) })));
    },
    /** Addresses whose lane is taken (for tests and metrics). */
    get busy(): number {
      return lanes.size;
    },
  };
}

export type LargeBodyLanes = ReturnType<typeof createLargeBodyLanes>;
