// Refused upgrades held before their answer: a client that reconnects in a loop makes one attempt
// per hold, within bounds per address and in all.
import { Duplex } from "node:stream";
import { describe, expect, it } from "vitest";
import { createHeldRefusals, REFUSAL_HOLD_MS } from "../../../src/graphql/transports/held-refusals.ts";

/**
 * A connection as the HTTP server hands it over: what was written to it, and whether it was ended
 * or cut. Its client never closes its own half (allowHalfOpen, as Node's HTTP server sockets), so
 * ending the connection alone does not close it.
 */
function connection() {
  const seen = { written: "", ended: false, destroyed: false };
  const socket = new Duplex({
    allowHalfOpen: true,
    read() {},
    write(chunk: Buffer, _encoding, done) {
      seen.written += chunk.toString();
      done();
    },
  });
  const end = socket.end.bind(socket);
  socket.end = ((...args: unknown[]) => ((seen.ended = true), end(...(args as [])))) as typeof socket.end;
  const destroy = socket.destroy.bind(socket);
  socket.destroy = ((error?: Error) => ((seen.destroyed = true), destroy(error))) as typeof socket.destroy;
  return { socket, seen };
}

/** Timers run by hand: each pending answer with its delay. */
function manualTimers() {
  const pending: { ms: number; run: () => void; cancelled: boolean }[] = [];
  return {
    pending,
    after: (ms: number, run: () => void) => {
      const entry = { ms, run, cancelled: false };
      pending.push(entry);
      return () => (entry.cancelled = true);
    },
    fire: () => {
      for (const entry of pending.splice(0)) if (!entry.cancelled) entry.run();
    },
  };
}

const answer = () => "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 9\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

describe("held refusals", () => {
  it("answers a refused upgrade only once its hold is over, and then closes it both ways", async () => {
    const timers = manualTimers();
    const refusals = createHeldRefusals({ after: timers.after });
    const { socket, seen } = connection();
    refusals.refuse("203.0.113.7", socket, 9_000, answer);

    expect(timers.pending.map((p) => p.ms)).toEqual([REFUSAL_HOLD_MS]);
    expect(seen).toEqual({ written: "", ended: false, destroyed: false });
    expect(refusals.held).toBe(1);

    timers.fire();
    await new Promise((resolve) => socket.once("close", resolve));
    expect(seen.written).toMatch(/^HTTP\/1\.1 429 /);
    expect(seen.ended).toBe(true);
    // Destroyed once written: a client that keeps its half of the connection open holds nothing.
    expect(seen.destroyed).toBe(true);
    expect(refusals.held).toBe(0);
  });

  it("holds no longer than the wait left", () => {
    const timers = manualTimers();
    createHeldRefusals({ after: timers.after }).refuse("203.0.113.7", connection().socket, 250, answer);
    expect(timers.pending.map((p) => p.ms)).toEqual([250]);
  });

  it("cuts a connection without an answer past the address's bound, and holds another address's", () => {
    const timers = manualTimers();
    const refusals = createHeldRefusals({ after: timers.after, perAddress: 2 });
    const first = [connection(), connection()];
    for (const c of first) refusals.refuse("203.0.113.7", c.socket, 9_000, answer);
    const over = connection();
    refusals.refuse("203.0.113.7", over.socket, 9_000, answer);
    const other = connection();
    refusals.refuse("198.51.100.1", other.socket, 9_000, answer);

    expect(over.seen).toEqual({ written: "", ended: false, destroyed: true });
    expect(first.map((c) => c.seen.destroyed)).toEqual([false, false]);
    expect(other.seen.destroyed).toBe(false);
    expect(refusals.held).toBe(3);
  });

  it("cuts a connection without an answer past the bound in all", () => {
    const timers = manualTimers();
    const refusals = createHeldRefusals({ after: timers.after, inAll: 2 });
    refusals.refuse("203.0.113.1", connection().socket, 9_000, answer);
    refusals.refuse("203.0.113.2", connection().socket, 9_000, answer);
    const over = connection();
    refusals.refuse("203.0.113.3", over.socket, 9_000, answer);
    expect(over.seen.destroyed).toBe(true);
    expect(refusals.held).toBe(2);
  });

  it("forgets a held connection its client closes: its answer is cancelled and its place given back", async () => {
    const timers = manualTimers();
    const refusals = createHeldRefusals({ after: timers.after, perAddress: 1 });
    const gone = connection();
    refusals.refuse("203.0.113.7", gone.socket, 9_000, answer);
    gone.socket.destroy();
    await new Promise((resolve) => gone.socket.once("close", resolve));

    expect(timers.pending[0]!.cancelled).toBe(true);
    expect(refusals.held).toBe(0);
    const next = connection();
    refusals.refuse("203.0.113.7", next.socket, 9_000, answer);
    expect(next.seen.destroyed).toBe(false);
    expect(refusals.held).toBe(1);
  });

  it("cuts every held connection when it closes", () => {
    const timers = manualTimers();
    const refusals = createHeldRefusals({ after: timers.after });
    const held = [connection(), connection(), connection()];
    held.forEach((c, i) => refusals.refuse(`203.0.113.${i % 2}`, c.socket, 9_000, answer));
    refusals.close();
    expect(held.map((c) => c.seen)).toEqual(held.map(() => ({ written: "", ended: false, destroyed: true })));
    expect(timers.pending.every((p) => p.cancelled)).toBe(true);
    expect(refusals.held).toBe(0);
  });
});
