/**
 * Who a piece of work is for: the client a request came from, carried along its async work, so
 * a shared resource deep below (the embedded database's one connection) can serve clients in
 * rotation (kernel/fair-turns.ts) without every call passing the client down.
 *
 * A client is its API key as sent (the bearer token, or graphql-ws's `connection_init` key), else
 * its address. The key as sent, not as authenticated: the scope is set before any work, and a
 * wrong key costs no more turns than a right one, as every key's lookup is one piece of work.
 * A WebSocket is its address's: its key comes later, in a message. Work outside any request (the
 * task driver, sweeps) is the client `background`.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { bearerToken } from "./auth.ts";

export const BACKGROUND_CLIENT = "background";

const scope = new AsyncLocalStorage<string>();

/** Runs `work` (and all async work it starts) on behalf of `client`. */
export function forClient<T>(client: string, work: () => T): T {
  return scope.run(client, work);
}

/** The client the current work is for. */
export function currentClient(): string {
  return scope.getStore() ?? BACKGROUND_CLIENT;
}

/** A request's client: the key of its `Authorization: Bearer` header (as auth.ts reads it), else its address. */
export function clientOfRequest(authorization: string | undefined, address: string | undefined): string {
  const key = bearerToken(authorization);
  return key ? `key:${key}` : `address:${address ?? "unknown"}`;
}

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
