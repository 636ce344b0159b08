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

export type LaneEntry =
  /** The lane is this request's until it calls `release` (once its answer is sent). */
  | { readonly kind: "entered"; readonly release: () => void }
  /** Its client already has LARGE_BODY_QUEUE requests waiting. */
  | { readonly kind: "refused" };

/**
 * One large request at a time per client address: the rule that keeps a client sending megabyte
 * bodies from taking the event loop from everyone else. Reading, decoding and parsing a body
 * costs the main thread time in proportion to its size (about 10 ms per 3 MB), and nothing can
 * cut that work into slices; what can be bounded is how many of one client's bodies are in that
 * work at once. The others wait unread, in order (their bytes stay in the kernel's buffers, held
 * back by TCP), so another client waits behind at most one of them at each step. Small requests
 * never wait. Lanes are per process; an address with nothing running or waiting holds no memory.
 */
export function createLargeBodyLanes(queueLimit: number = LARGE_BODY_QUEUE) {
  /** Per address: the waiting requests' wake-ups, in arrival order; present while the lane is taken. */
  const lanes = new Map<string, (() => void)[]>();

  const releaser = (address: string): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const waiting = lanes.get(address)!;
      const next = waiting.shift();
      if (next) next();
      else lanes.delete(address);
    };
  };

  return {
    /** Takes `address`'s lane, waiting for it if another of its requests holds it. */
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
