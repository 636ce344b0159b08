import { lookup as systemLookup } from "node:dns/promises";
import type { LookupAddress, LookupOptions } from "node:dns";
import { isIP } from "node:net";
import { Agent, buildConnector } from "undici";
import { isBlockedAddress } from "../../engine/references.ts";
import type { HostResolver } from "../../services/ports/host-resolver.ts";

export interface GuardedAgentOptions {
  /**
   * A host name's addresses. The gateway passes the one resolver its references are checked with
   * (app/provider.ts: DNS queries on the event loop, never the thread pool's getaddrinfo). The
   * default, the system's `dns.lookup`, is for an adapter used on its own.
   */
  readonly resolve?: HostResolver;
  /** Default: `isBlockedAddress`, the one predicate references are checked with. */
  readonly isBlocked?: (address: string) => boolean;
  /** Connection (TCP + TLS) time limit; default 10 s. */
  readonly connectTimeoutMs?: number;
}

/** A connection refused because the address it would reach is not public. */
export class BlockedAddressError extends Error {
  readonly code = "EADDRBLOCKED";
}

const systemResolve: HostResolver = async (hostname) => (await systemLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * An undici Agent for fetching URLs the gateway does not control (an upstream's result files on
 * another origin): the address is checked when the connection is made, not only when the URL
 * was accepted, so a name that resolves to a public address first and to a private one later
 * (DNS rebinding) is still refused. Address literals are checked by the connector (Node does not
 * look them up); names by the `lookup` the sockets use, which refuses the connection when any
 * address of the name is blocked, and connects only to the addresses it checked.
 */
export function createGuardedAgent(options: GuardedAgentOptions = {}): Agent {
  const resolve = options.resolve ?? systemResolve;
  const isBlocked = options.isBlocked ?? isBlockedAddress;

  const lookup = (
    hostname: string,
    lookupOptions: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    resolve(hostname).then(
      (found) => {
        const addresses: LookupAddress[] = found.map((address) => ({ address, family: isIP(address) }));
        if (addresses.some((a) => a.family === 0 || isBlocked(a.address))) return callback(new BlockedAddressError(`${hostname} resolves to a non-public address: not fetched`), "");
        const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : undefined;
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        if (!usable.length) return callback(Object.assign(new Error(`${hostname} has no usable address`), { code: "ENOTFOUND" }), "");
        if (lookupOptions.all) return callback(null, usable);
        callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };

  const connect = buildConnector({ lookup, timeout: options.connectTimeoutMs ?? 10_000 });
  return new Agent({
    connect: (connectOptions, callback) => {
      const host = connectOptions.hostname.replace(/^\[|\]$/g, "");
      if (isIP(host) && isBlocked(host)) return callback(new BlockedAddressError(`${host} is not a public address: not fetched`), null);
      connect(connectOptions, callback);
    },
  });
}
