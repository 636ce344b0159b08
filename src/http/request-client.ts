/**
 * Who a piece of work is for: the client a request came from, carried along its async work, so
 * a shared resource deep below (the embedded database's one connection) can serve clients in
 * rotation (kernel/fair-turns.ts) without every call passing the client down.
 *
 * A client is the API key a request sends when the key cache already knows it to be valid, else
 * its address (the forwarded one when proxies are trusted): a key nobody has checked yet names no
 * line, or a client could open a line per request by sending a fresh random key each time. A
 * WebSocket is its address's: its key comes later, in a message. Work outside any request (the
 * task driver, sweeps) is the client `background`, also when a request is what woke it
 * (`inBackground`): a timer keeps the context it was set in.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { bearerToken } from "./auth.ts";

export const BACKGROUND_CLIENT = "background";

/** The current work's client, named only when something asks (a turn that has to wait). */
const scope = new AsyncLocalStorage<() => string>();

/**
 * Runs `work` (and all async work it starts) on behalf of `client`. Given as a function, the
 * client is named once, on first ask: most requests never wait for a turn, and naming one (its
 * key looked up in the cache, its address read) costs more than carrying it.
 */
export function forClient<T>(client: string | (() => string), work: () => T): T {
  clientWork++;
  let named = typeof client === "string" ? client : undefined;
  return scope.run(() => (named ??= (client as () => string)()), work);
}

/** Work begun for clients (requests, WebSocket events) in this process so far. */
let clientWork = 0;

/**
 * How many pieces of work were begun for clients so far: whether requests arrived between two
 * reads, which is what background work yields to (src/adapters/pressure).
 */
export const clientWorkSoFar = (): number => clientWork;

/** The client the current work is for. */
export function currentClient(): string {
  const name = scope.getStore();
  return name ? name() : BACKGROUND_CLIENT;
}

/** Runs `work` (and the timers it sets) for no request: the client `background`. */
export function inBackground<T>(work: () => T): T {
  return scope.exit(work);
}

/**
 * A request's client: the id of the key its `Authorization: Bearer` header sends (as auth.ts
 * reads it) when `knownKeyId` finds it valid without a lookup, else its address.
 */
export function clientOfRequest(authorization: string | undefined, address: string, knownKeyId: (rawKey: string) => string | undefined): string {
  const rawKey = bearerToken(authorization);
  const id = rawKey === undefined ? undefined : knownKeyId(rawKey);
  return id !== undefined ? `key:${id}` : addressClient(address);
}

/** The client of work from `address` alone (a WebSocket's, a request without a known key). */
export const addressClient = (address: string): string => `address:${address}`;

/**
 * Makes every event `emitter` emits from now on run for `client`. A socket's events come from its
 * connection's own async context, not from the request that opened it, so a WebSocket's messages
 * would otherwise be no client's. (Wrapping `emit` rather than each listener keeps listeners as
 * they were added, so `once` and `off` still find them.)
 */
export function emitForClient(emitter: { emit(event: string | symbol, ...args: unknown[]): boolean }, client: string): void {
  const emit = emitter.emit;
  emitter.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    return forClient(client, () => emit.call(this, event, ...args));
  };
}
