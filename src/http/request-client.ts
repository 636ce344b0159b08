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
import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
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
 * Makes the listeners `register` adds to `emitter` run for `client`. A socket's events come from
 * its connection's own async context, not from the code that added the listeners, so a WebSocket's
 * messages would otherwise be no client's.
 */
type Listener = (...args: unknown[]) => unknown;
export function listenForClient<E extends { on(event: string, listener: Listener): unknown }>(emitter: E, client: string, register: () => void): void {
  forClient(client, () => {
    const on = emitter.on;
    emitter.on = function (this: E, event: string, listener: Listener) {
      return on.call(this, event, AsyncResource.bind(listener) as Listener);
    } as E["on"];
    try {
      register();
    } finally {
      emitter.on = on;
    }
  });
}
