/**
 * The heartbeat every Redis connection of the gateway keeps (the limiter's, and both of the
 * pub/sub's): Redis connection plumbing that the Redis adapters share, not an adapter of a port.
 *
 * A half-open TCP connection (a Redis host gone without a FIN, a NAT that forgot the flow) is
 * noticed by the system's keepalive only after hours; meanwhile every command sent on it waits.
 * A connection is asked for a PONG every `everyMs` (DEFAULT_HEARTBEAT: 5 s) while it is up, and
 * one that leaves a PING unanswered for `timeoutMs` (10 s) is dropped: ioredis connects again and sends again the
 * commands it had not been answered (within its `maxRetriesPerRequest`), so no command waits much
 * longer than a heartbeat and its timeout.
 * ioredis reconnection: https://github.com/redis/ioredis#auto-reconnect
 */
import type { Redis } from "ioredis";

/** How often a connection is PINGed, and how long a PING may stay unanswered before the connection is dropped. */
export interface HeartbeatTiming {
  readonly everyMs: number;
  readonly timeoutMs: number;
}

export const DEFAULT_HEARTBEAT: HeartbeatTiming = { everyMs: 5_000, timeoutMs: 10_000 };

/**
 * Asks `client` for a PONG every `timing.everyMs` while it is ready, and drops a connection that
 * leaves one unanswered for `timing.timeoutMs`. `answered` is told of each PONG (the pub/sub dates
 * a gap from the last thing heard). Stop it with `clearInterval` on the timer returned.
 */
export function heartbeat(client: Redis, { everyMs, timeoutMs }: HeartbeatTiming, closed: () => boolean, answered?: () => void): NodeJS.Timeout {
  /** Connections made so far: a PING of an earlier one unanswered says nothing of the current one. */
  let connections = 0;
  client.on("ready", () => void connections++);
  const timer = setInterval(() => {
    if (closed() || client.status !== "ready") return;
    const connection = connections;
    let pong = false;
    client.ping().then(
      () => {
        pong = true;
        answered?.();
      },
      () => undefined,
    );
    setTimeout(() => {
      if (!pong && !closed() && connection === connections && client.status === "ready") client.disconnect(true);
    }, timeoutMs).unref();
  }, everyMs);
  timer.unref();
  return timer;
}
